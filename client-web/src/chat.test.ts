import { describe, expect, it } from 'vitest'
import { msgEvent, room, setup } from './chatFixture'
import type { ServerMessage } from './protocol'

describe('ChatStore', () => {
  it('resumes from the last seen seq and never duplicates replayed events', () => {
    const { f, store } = setup()
    f.recv(msgEvent(1, 'a'))
    f.recv(msgEvent(2, 'b'))
    f.drop()
    f.sent.length = 0
    f.open()
    expect(f.sent[0]).toMatchObject({ type: 'hello', resume: { '1': 2 } })
    f.recv(msgEvent(2, 'b'))
    f.recv(msgEvent(3, 'c'))
    expect(store.messagesOf(1).map((m) => m.text)).toEqual(['a', 'b', 'c'])
  })

  it('queues a post while offline and sends it once after synced', () => {
    const { f, store } = setup()
    f.drop()
    store.post(1, 'offline text', 'en', null, [])
    expect(store.pendingOf(1)[0].state).toBe('queued')
    f.sent.length = 0
    f.open()
    expect(f.sent.filter((m) => m.type === 'post')).toHaveLength(0)
    f.recv({ type: 'synced', rooms: { '1': 0 } })
    const posts = f.sent.filter((m) => m.type === 'post')
    expect(posts).toHaveLength(1)
    f.recv({ type: 'ack', rid: posts[0].rid, room: 1, seq: 1, cmid: posts[0].cmid as string })
    f.recv(msgEvent(1, 'offline text', posts[0].cmid as string))
    expect(store.pendingOf(1)).toHaveLength(0)
    expect(store.messagesOf(1).map((m) => m.text)).toEqual(['offline text'])
  })

  it('applies edits, deletions and reactions idempotently', () => {
    const { f, store } = setup()
    f.recv(msgEvent(1, 'a'))
    const react = {
      type: 'event',
      room: 1,
      seq: 2,
      kind: 'reaction',
      by: 2,
      at: 0,
      target: 1,
      emoji: '👍',
      on: true,
    } as ServerMessage
    f.recv(react)
    f.recv(react)
    f.recv({
      type: 'event',
      room: 1,
      seq: 3,
      kind: 'edit',
      by: 2,
      at: 5,
      target: 1,
      text: 'a2',
    } as ServerMessage)
    expect(store.messagesOf(1)[0]).toMatchObject({ text: 'a2', edited_at: 5 })
    // NOTE: toEqual, not toMatchObject: toMatchObject lets a plain object match a Map.
    expect(store.messagesOf(1)[0].reactions).toEqual(new Map([['👍', [2]]]))
    f.recv({
      type: 'event',
      room: 1,
      seq: 4,
      kind: 'delete',
      by: 2,
      at: 6,
      target: 1,
    } as ServerMessage)
    expect(store.messagesOf(1)[0]).toMatchObject({ text: '', deleted: true })
    expect(store.messagesOf(1)[0].reactions.size).toBe(0)
  })

  it('counts unread messages in rooms that are not open', () => {
    const { f, store } = setup()
    f.recv({ type: 'rooms', rooms: [{ ...room, id: 2, name: 'Other' }] })
    f.recv({ ...msgEvent(1, 'x'), room: 2 } as ServerMessage)
    expect(store.room(2)?.info.unread).toBe(1)
  })
})
