// What the composer completes at the caret: "@name" (members) and ":code" (emoji), and
// a finished ":code:" that becomes its emoji.

/** The "@query" that ends at the caret, or null. */
export function mentionQueryAt(
  text: string,
  caret: number,
): { start: number; query: string } | null {
  const m = /(^|\s)@([^\s@]{0,40})$/u.exec(text.slice(0, caret))
  if (!m) return null
  return { start: caret - m[2].length - 1, query: m[2] }
}

/** The ":query" (two characters at least) that ends at the caret, or null. */
export function shortcodeQueryAt(
  text: string,
  caret: number,
): { start: number; query: string } | null {
  const m = /(^|[\s(]):([a-z0-9_+-]{2,40})$/.exec(text.slice(0, caret))
  if (!m) return null
  return { start: caret - m[2].length - 1, query: m[2] }
}

/** A ":code:" just closed at the caret, or null. */
export function closedShortcodeAt(
  text: string,
  caret: number,
): { start: number; code: string } | null {
  const m = /(^|[\s(]):([a-z0-9_+-]{1,40}):$/.exec(text.slice(0, caret))
  if (!m) return null
  return { start: caret - m[2].length - 2, code: m[2] }
}
