import { describe, expect, it } from 'vitest'
import type { Message } from './protocol'
import { firstNewSeq } from './unread'

const ME = 1
const msg = (seq: number, by: number): Message => ({
  seq,
  by,
  author_name: by === ME ? 'Ada' : 'Ben',
  at: seq * 1000,
  text: `m${seq}`,
  lang: 'en',
  reply_to: null,
  mentions: [],
  edited_at: null,
  deleted: false,
  reactions: new Map(),
})

describe('the new messages line', () => {
  const page = [msg(10, 2), msg(11, ME), msg(12, 2), msg(13, 2)]
  it('goes before the first message of someone else after the read marker', () => {
    expect(firstNewSeq(page, 10, true, ME)).toBe(12)
  })
  it('skips the reader’s own messages, and is absent when all is read', () => {
    expect(firstNewSeq([msg(10, 2), msg(11, ME)], 10, true, ME)).toBeNull()
    expect(firstNewSeq(page, 13, true, ME)).toBeNull()
  })
  it('waits while the first new message may be further back than what is loaded', () => {
    expect(firstNewSeq(page, 5, true, ME)).toBeNull()
    // All history is loaded: the first new one is known.
    expect(firstNewSeq(page, 5, false, ME)).toBe(10)
    expect(firstNewSeq([], 0, false, ME)).toBeNull()
  })
})
