// The server's limits on a post (sent in `welcome.limits`), checked before sending so
// that a message over them stays in the box with the reason instead of being refused
// (a frame over max_frame_bytes would even close the connection, and the post would be
// sent again on every reconnect).

export const DEFAULT_MAX_TEXT_CHARS = 10_000
export const DEFAULT_MAX_FRAME_BYTES = 65_536
/** Room for the post's other fields (room, lang, cmid, mentions, rid) in the frame. */
const FRAME_OVERHEAD = 1_024
/** The counter shows from this share of the limit on. */
export const COUNTER_FROM = 0.9

export interface PostLimits {
  maxTextChars: number
  maxFrameBytes: number
}

export function postLimits(limits: Record<string, number>): PostLimits {
  const n = (v: unknown, d: number) => (typeof v === 'number' && v > 0 ? v : d)
  return {
    maxTextChars: n(limits.max_text_chars, DEFAULT_MAX_TEXT_CHARS),
    maxFrameBytes: n(limits.max_frame_bytes, DEFAULT_MAX_FRAME_BYTES),
  }
}

/** Characters as the server counts them: Unicode code points. */
export function textLength(text: string): number {
  let n = 0
  for (const _ of text) n++
  return n
}

/** Whether `text` is over a limit: too many characters, or a frame too large to send. */
export function overLimit(text: string, limits: PostLimits): boolean {
  if (textLength(text) > limits.maxTextChars) return true
  const encoded = new TextEncoder().encode(JSON.stringify(text)).length
  return encoded + FRAME_OVERHEAD > limits.maxFrameBytes
}
