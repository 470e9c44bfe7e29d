// @mention completion: which members the word being typed may mean (the word itself:
// completion.ts).

import type { Member } from './protocol'

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
