import type { Message } from './protocol'

/**
 * The first message that is new to the reader `me` (by someone else, after their read
 * marker when they opened the room): the "new messages" line goes before it. Null until
 * the page that holds it is loaded: with more history before the first loaded message,
 * the first new one may be further back.
 */
export function firstNewSeq(
  messages: readonly Message[],
  readAtOpen: number,
  hasMore: boolean,
  me: number,
): number | null {
  const knownFrom = messages.length > 0 && (messages[0].seq <= readAtOpen || !hasMore)
  if (!knownFrom) return null
  return messages.find((m) => m.seq > readAtOpen && m.by !== me)?.seq ?? null
}
