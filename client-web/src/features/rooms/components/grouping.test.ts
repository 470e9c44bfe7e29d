import { describe, expect, it } from 'vitest'
import type { Message } from '../protocol'
import { GROUP_MS, groupsWith } from './MessageList'

const message = (over: Partial<Message>): Message => ({
  seq: 1,
  by: 2,
  author_name: 'Ben',
  at: 1_000_000,
  text: 'hi',
  lang: 'de',
  reply_to: null,
  mentions: [],
  edited_at: null,
  deleted: false,
  reactions: new Map(),
  ...over,
})

describe('groupsWith', () => {
  const prev = message({})
  it('groups the same author within the window', () => {
    expect(groupsWith(prev, message({ seq: 2, at: prev.at + GROUP_MS - 1 }))).toBe(true)
  })
  it('starts a new group at the window, for another author, a reply or after a deletion', () => {
    expect(groupsWith(prev, message({ seq: 2, at: prev.at + GROUP_MS }))).toBe(false)
    expect(groupsWith(prev, message({ seq: 2, by: 3 }))).toBe(false)
    expect(groupsWith(prev, message({ seq: 2, reply_to: 1 }))).toBe(false)
    expect(groupsWith(message({ deleted: true }), message({ seq: 2 }))).toBe(false)
    expect(groupsWith(undefined, prev)).toBe(false)
  })
})
