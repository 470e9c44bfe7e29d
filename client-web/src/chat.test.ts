import { describe, expect, it } from 'vitest'
import { answerHistory, msgEvent, reactionEvent, room, setup, wireMessage } from './chatFixture'
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

// Reaction names are free text from other users; none may clash with Object.prototype.
const ODD = ['__proto__', 'toString', 'constructor', 'hasOwnProperty']
const ODD_JSON = '{"__proto__": [1, 9], "toString": [2], "constructor": [3, 4, 5], "👍": [1]}'
const ODD_MAP = new Map([
  ['__proto__', [1, 9]],
  ['toString', [2]],
  ['constructor', [3, 4, 5]],
  ['👍', [1]],
])

describe('ChatStore reactions named like Object.prototype members', () => {
  it('keeps __proto__, toString and constructor from a history page', () => {
    const { store } = setup(`[${wireMessage(1, ODD_JSON)}, ${wireMessage(2)}]`)
    const [m1, m2] = store.messagesOf(1)
    expect(m1.reactions).toEqual(ODD_MAP)
    expect(m1.reactions.get('hasOwnProperty')).toBeUndefined()
    expect(m2.reactions.size).toBe(0)
    expect(m2.reactions.get('toString')).toBeUndefined()
    expect(Object.getPrototypeOf({})).toBe(Object.prototype)
  })

  it('keeps them from an older history page too', () => {
    const { f, store } = setup(`[${wireMessage(60)}]`, true)
    store.loadOlder(1)
    answerHistory(f, 1, `[${wireMessage(59, ODD_JSON)}]`)
    expect(store.messagesOf(1).map((m) => m.seq)).toEqual([59, 60])
    expect(store.messagesOf(1)[0].reactions).toEqual(ODD_MAP)
    expect(store.messagesOf(1)[1].reactions.size).toBe(0)
  })

  it('toggles __proto__, toString, constructor and hasOwnProperty on and off', () => {
    const odd = (users: number[]) => ODD.map((e): [string, number[]] => [e, users])
    const { f, store } = setup()
    f.recv({ type: 'rooms', rooms: [{ ...room, id: 2, name: 'Other' }] })
    store.setActiveRoom(2)
    answerHistory(f, 2, `[${wireMessage(1, '{"👍": [2]}')}]`)
    f.recv(msgEvent(1, 'a'))
    f.recv(msgEvent(2, 'b'))
    let seq = 3
    const react = (emoji: string, by: number, on: boolean) =>
      f.recv(reactionEvent(1, seq++, 1, emoji, by, on))
    const reactionsOf = (id: number, i: number) => store.messagesOf(id)[i].reactions
    for (const emoji of ODD) react(emoji, 2, true)
    for (const emoji of ODD) react(emoji, 3, true)
    react('👍', 2, true)
    expect(reactionsOf(1, 0)).toEqual(new Map([...odd([2, 3]), ['👍', [2]]]))
    for (const emoji of ODD) react(emoji, 2, false)
    expect(reactionsOf(1, 0)).toEqual(new Map([...odd([3]), ['👍', [2]]]))
    for (const emoji of ODD) react(emoji, 3, false)
    expect(reactionsOf(1, 0)).toEqual(new Map([['👍', [2]]]))
    for (const emoji of ODD) react(emoji, 4, true)
    expect(reactionsOf(1, 0)).toEqual(new Map([['👍', [2]], ...odd([4])]))
    expect(reactionsOf(1, 1).size).toBe(0)
    expect(reactionsOf(2, 0)).toEqual(new Map([['👍', [2]]]))
    expect(store.room(2)?.lastSeq).toBe(1)
  })

  it('applies such reactions on top of a history page', () => {
    const { f, store } = setup(`[${wireMessage(1, ODD_JSON)}, ${wireMessage(2, '{"👍": [2]}')}]`)
    let seq = 3
    const react = (emoji: string, by: number, on: boolean) =>
      f.recv(reactionEvent(1, seq++, 1, emoji, by, on))
    react('toString', 2, false)
    react('toString', 4, true)
    react('__proto__', 1, false)
    react('__proto__', 9, false)
    react('__proto__', 1, true)
    react('constructor', 4, false)
    react('constructor', 4, false)
    react('hasOwnProperty', 6, true)
    react('hasOwnProperty', 6, true)
    const [m1, m2] = store.messagesOf(1)
    expect(m1.reactions).toEqual(
      new Map([
        ['toString', [4]],
        ['__proto__', [1]],
        ['constructor', [3, 5]],
        ['👍', [1]],
        ['hasOwnProperty', [6]],
      ]),
    )
    expect(m2.reactions).toEqual(new Map([['👍', [2]]]))
    expect(Object.getPrototypeOf({})).toBe(Object.prototype)
  })
})
