// @mention completion: find the word being typed and which members it may mean.

import type { Member } from './protocol'

/** The "@query" that ends at the caret, or null. */
export function mentionQueryAt(
  text: string,
  caret: number,
): { start: number; query: string } | null {
  const m = /(^|\s)@([^\s@]{0,40})$/u.exec(text.slice(0, caret))
  if (!m) return null
  return { start: caret - m[2].length - 1, query: m[2] }
}

export function mentionCandidates(members: Member[], query: string, self: number): Member[] {
  const q = query.toLocaleLowerCase()
  return members
    .filter((m) => m.user !== self && m.display_name.toLocaleLowerCase().startsWith(q))
    .slice(0, 8)
}

/** Ids of chosen members whose "@Name" is still in the text. */
export function mentionedIds(text: string, chosen: Map<number, string>): number[] {
  return [...chosen.entries()].filter(([, name]) => text.includes(`@${name}`)).map(([id]) => id)
}
