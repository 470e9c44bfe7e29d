import { describe, expect, it } from 'vitest'
import { ChatStore, LIST_PAGE } from './store'
import {
  answerHistory,
  answerRooms,
  fakeTransport,
  lastSent,
  msgEvent,
  reactionEvent,
  room,
  setup,
  wireMessage,
} from './fixture'
import type { ServerMessage } from '../../core/protocol'
import type { Room } from './protocol'

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
    f.recv({ type: 'synced', streams: { '1': 0 } })
    const posts = f.sent.filter((m) => m.type === 'post')
    expect(posts).toHaveLength(1)
    f.recv({
      type: 'ack',
      rid: posts[0].rid,
      room: 1,
      stream: 1,
      seq: 1,
      cmid: posts[0].cmid as string,
    })
    f.recv(msgEvent(1, 'offline text', posts[0].cmid as string))
    expect(store.pendingOf(1)).toHaveLength(0)
    expect(store.messagesOf(1).map((m) => m.text)).toEqual(['offline text'])
  })

  it('keeps the reason of a refused post; retry sends the same cmid, discard forgets it', () => {
    const { f, store } = setup()
    store.post(1, 'too fast', 'en', null, [])
    const first = f.sent.filter((m) => m.type === 'post').at(-1)!
    f.recv({ type: 'error', rid: first.rid, code: 'rate_limited', message: 'slow down' })
    const [p] = store.pendingOf(1)
    expect(p.state).toBe('failed')
    expect(p.error).toEqual({ code: 'rate_limited', message: 'slow down' })

    store.retryPending(p.cmid)
    const again = f.sent.filter((m) => m.type === 'post').at(-1)!
    expect(again.rid).not.toBe(first.rid)
    expect(again.cmid).toBe(first.cmid)
    expect(store.pendingOf(1)[0].state).toBe('sent')
    expect(store.pendingOf(1)[0].error).toBeUndefined()

    f.recv({ type: 'error', rid: again.rid, code: 'forbidden', message: 'not a member' })
    store.discardPending(p.cmid)
    expect(store.pendingOf(1)).toHaveLength(0)
  })

  it('takes the post limits from welcome, with defaults before it', () => {
    const { f, store } = setup()
    expect(store.limits.maxTextChars).toBe(10_000)
    f.recv({
      type: 'welcome',
      version: 1,
      user: store.me!,
      limits: { max_text_chars: 500, max_frame_bytes: 8192 },
    })
    expect(store.limits).toEqual({ maxTextChars: 500, maxFrameBytes: 8192 })
  })

  it('applies edits, deletions and reactions idempotently', () => {
    const { f, store } = setup()
    f.recv(msgEvent(1, 'a'))
    const react = {
      type: 'event',
      stream: 1,
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
      stream: 1,
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
      stream: 1,
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
    f.recv({ type: 'room', room: { ...room, id: 2, name: 'Other' } })
    f.recv(msgEvent(1, 'x', undefined, 2))
    expect(store.room(2)?.info.unread).toBe(1)
    expect(store.totalUnread()).toBe(1)
  })

  it('calls for attention on a live mention or reply to the reader, not on others', () => {
    const { f, store } = setup(`[${wireMessage(1)}]`)
    const seen: string[] = []
    store.onAttention((a) => seen.push(`${a.why}:${a.seq}:${a.author}:${a.roomName}`))
    const mine = { ...(msgEvent(2, 'mine') as object), by: 1, author_name: 'Ada' } as ServerMessage
    f.recv(mine)
    f.recv({ ...(msgEvent(3, 'to you') as object), mentions: [1] } as ServerMessage)
    f.recv({ ...(msgEvent(4, 'about yours') as object), reply_to: 2 } as ServerMessage)
    f.recv({ ...(msgEvent(5, 'about his own') as object), reply_to: 1 } as ServerMessage)
    f.recv({ ...(msgEvent(6, 'nothing for you') as object), mentions: [3] } as ServerMessage)
    expect(seen).toEqual(['mention:3:Ben:R', 'reply:4:Ben:R'])
  })

  it('calls for no attention while replaying (before synced)', () => {
    const { f, store } = setup()
    const seen: number[] = []
    store.onAttention((a) => seen.push(a.seq))
    f.drop()
    f.open()
    f.recv({ ...(msgEvent(7, 'old news') as object), mentions: [1] } as ServerMessage)
    f.recv({ type: 'synced', streams: {} })
    f.recv({ ...(msgEvent(8, 'new') as object), mentions: [1] } as ServerMessage)
    expect(seen).toEqual([8])
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
    f.recv({ type: 'room', room: { ...room, id: 2, name: 'Other' } })
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

const named = (id: number, name: string, member = true): Room => ({ ...room, id, name, member })

/** Signed in and synced, with no room list answered yet. */
function connected() {
  const f = fakeTransport()
  const store = new ChatStore(f.t, Date.now, null)
  f.open()
  f.recv({
    type: 'welcome',
    version: 1,
    user: {
      id: 1,
      display_name: 'Ada',
      institution: '',
      country: '',
      languages: [],
      time_zone: 'UTC',
      role: 'member',
    },
    limits: {},
  })
  f.recv({ type: 'synced', streams: {} })
  return { f, store }
}

const sentOf = (f: ReturnType<typeof fakeTransport>, type: string) =>
  f.sent.filter((m) => m.type === type)

describe('ChatStore room list pages', () => {
  it('asks for the next page with the cursor until next is null', () => {
    const { f, store } = connected()
    expect(sentOf(f, 'rooms_list')).toEqual([
      { type: 'rooms_list', limit: LIST_PAGE, rid: expect.any(String) },
    ])
    answerRooms(f, [named(3, 'Alpha'), named(1, 'Beta')], '1:Beta')
    expect(store.sortedRooms().map((r) => r.info.name)).toEqual(['Alpha', 'Beta'])
    expect(lastSent(f, 'rooms_list')).toMatchObject({ limit: LIST_PAGE, cursor: '1:Beta' })
    answerRooms(f, [named(2, 'Gamma', false)], '2:Gamma')
    expect(lastSent(f, 'rooms_list')).toMatchObject({ cursor: '2:Gamma' })
    answerRooms(f, [], null)
    expect(sentOf(f, 'rooms_list')).toHaveLength(3)
    expect(store.sortedRooms().map((r) => [r.info.name, r.info.member])).toEqual([
      ['Alpha', true],
      ['Beta', true],
      ['Gamma', false],
    ])
    // Distinct rids: each page is a request of its own.
    expect(new Set(sentOf(f, 'rooms_list').map((m) => m.rid)).size).toBe(3)
  })

  it('puts archived rooms last and forgets the flag when a room is unarchived', () => {
    const { f, store } = connected()
    answerRooms(f, [named(1, 'Alpha'), named(2, 'Beta')], null)
    f.recv({ type: 'room', room: { ...named(1, 'Alpha'), archived: true } })
    expect(store.sortedRooms().map((r) => r.info.name)).toEqual(['Beta', 'Alpha'])
    // Sent only when true: an unarchived room's message has no `archived` at all.
    f.recv({ type: 'room', room: named(1, 'Alpha') })
    expect(store.room(1)?.info.archived).toBe(false)
    expect(store.sortedRooms().map((r) => r.info.name)).toEqual(['Alpha', 'Beta'])
  })

  it('drops rooms no longer listed once the last page is in, not rooms that came meanwhile', () => {
    const { f, store } = connected()
    answerRooms(f, [named(1, 'A'), named(2, 'B'), named(3, 'C')])
    f.drop()
    f.open()
    f.recv({ type: 'synced', streams: { '1': 0, '3': 0 } })
    answerRooms(f, [named(1, 'A')], '1:A')
    expect(store.room(2)).toBeDefined()
    // Created while the list is paging: its page may already be behind the cursor.
    f.recv({ type: 'room', room: named(4, 'AA') })
    answerRooms(f, [named(3, 'C')], null)
    expect([...store.rooms.keys()].sort()).toEqual([1, 3, 4])
  })

  it('keeps every room when an earlier page is incomplete', () => {
    const { f, store } = connected()
    answerRooms(f, [named(1, 'A'), named(2, 'B')])
    f.drop()
    f.open()
    f.recv({ type: 'synced', streams: {} })
    answerRooms(f, [named(1, 'A')], '1:A')
    const stale = lastSent(f, 'rooms_list')
    // The connection drops before the second page: the next listing starts over.
    f.drop()
    f.recv({ type: 'rooms', rid: stale.rid, rooms: [], next: null })
    expect([...store.rooms.keys()]).toEqual([1, 2])
    f.open()
    f.recv({ type: 'synced', streams: {} })
    expect(lastSent(f, 'rooms_list').cursor).toBeUndefined()
    f.recv({ type: 'error', rid: lastSent(f, 'rooms_list').rid, code: 'internal', message: '' })
    expect([...store.rooms.keys()]).toEqual([1, 2])
    expect(sentOf(f, 'rooms_list')).toHaveLength(4)
  })
})

describe('ChatStore member list pages', () => {
  const member = (user: number, name: string) => ({
    user,
    display_name: name,
    institution: '',
    country: '',
    role: 'member' as const,
    online: false,
  })

  it('collects every page before showing the list, and loads once at a time', () => {
    const { f, store } = setup()
    const first = lastSent(f, 'room_members')
    expect(first).toMatchObject({ room: 1, limit: LIST_PAGE })
    expect(first.cursor).toBeUndefined()
    store.loadMembers(1)
    expect(sentOf(f, 'room_members')).toHaveLength(1)
    f.recv({ type: 'members', rid: first.rid, room: 1, members: [member(1, 'Ada')], next: '1:Ada' })
    expect(store.room(1)?.members).toBeNull()
    const second = lastSent(f, 'room_members')
    expect(second).toMatchObject({ room: 1, cursor: '1:Ada' })
    f.recv({ type: 'members', rid: second.rid, room: 1, members: [member(2, 'Ben')], next: null })
    expect(store.room(1)?.members?.map((m) => m.display_name)).toEqual(['Ada', 'Ben'])
    expect(sentOf(f, 'room_members')).toHaveLength(2)
  })

  it('loads again when someone not listed comes online', () => {
    const { f, store } = setup()
    const req = lastSent(f, 'room_members')
    f.recv({ type: 'members', rid: req.rid, room: 1, members: [member(1, 'Ada')], next: null })
    f.recv({ type: 'presence', room: 1, stream: 1, user: 1, online: true })
    expect(sentOf(f, 'room_members')).toHaveLength(1)
    f.recv({ type: 'presence', room: 1, stream: 1, user: 3, online: true })
    expect(sentOf(f, 'room_members')).toHaveLength(2)
    expect(store.room(1)?.info.online).toEqual([1, 3])
  })
})

describe('ChatStore streams', () => {
  it('routes acks, typing, presence and resync by their stream', () => {
    const { f, store } = setup(`[${wireMessage(1)}]`)
    f.recv({ type: 'typing', room: 1, stream: 1, user: 2, display_name: 'Ben' })
    expect(store.typingIn(1)).toEqual(['Ben'])
    store.post(1, 'hi', 'en', null, [])
    const post = lastSent(f, 'post')
    f.recv({ type: 'ack', rid: post.rid, room: 1, stream: 1, seq: 2, cmid: post.cmid })
    expect(store.pendingOf(1)[0].state).toBe('sent')
    f.recv({ type: 'resync', stream: 1, room: 1, last_seq: 90 })
    expect(store.room(1)?.load).toBe('loading')
    answerHistory(f, 1, `[${wireMessage(90)}]`)
    expect(store.messagesOf(1).map((m) => m.seq)).toEqual([90])
  })

  it('resumes each loaded room by its stream id and ignores events of other streams', () => {
    const { f, store } = setup(`[${wireMessage(4)}]`)
    f.recv({ ...msgEvent(1, 'x'), stream: 77, room: 77 } as ServerMessage)
    expect(store.messagesOf(1).map((m) => m.seq)).toEqual([4])
    f.drop()
    f.open()
    expect(lastSent(f, 'hello')).toEqual({ type: 'hello', version: 1, resume: { '1': 4 } })
  })

  it('forgets a room it was removed from, and loads it afresh after joining again', () => {
    const { f, store } = setup(`[${wireMessage(1)}]`)
    f.recv({ type: 'left', room: 1 })
    // What was loaded is dropped; the room is open, so a look inside is asked for afresh.
    expect(store.room(1)).toMatchObject({ load: 'loading', lastSeq: 0 })
    expect(store.room(1)?.info.member).toBe(false)
    expect(store.messagesOf(1)).toEqual([])
    f.drop()
    f.open()
    expect(lastSent(f, 'hello').resume).toEqual({})
    f.recv({ type: 'synced', streams: {} })
    answerRooms(f, [{ ...room, last_seq: 3 }])
    answerHistory(f, 1, `[${wireMessage(1)}, ${wireMessage(3)}]`)
    expect(store.messagesOf(1).map((m) => m.seq)).toEqual([1, 3])
  })
})

describe('ChatStore rooms not joined', () => {
  it('shows an open room it left as a snapshot, taken afresh on each visit', () => {
    const { f, store } = setup(`[${wireMessage(1)}]`)
    f.recv({ type: 'room', room: { ...room, mentions: 3, online: [1, 2] } })
    f.recv({ type: 'left', room: 1 })
    // Member-only fields go with the membership.
    expect(store.room(1)?.info).toMatchObject({ member: false, unread: 0, mentions: 0 })
    expect(store.room(1)?.info.role).toBeUndefined()
    expect(store.room(1)?.info.online).toBeUndefined()
    answerHistory(f, 1, `[${wireMessage(1)}, ${wireMessage(2)}]`)
    expect(store.messagesOf(1).map((m) => m.seq)).toEqual([1, 2])
    store.setActiveRoom(null)
    store.setActiveRoom(1)
    expect(store.room(1)?.load).toBe('loading')
    answerHistory(f, 1, `[${wireMessage(1)}, ${wireMessage(2)}, ${wireMessage(3)}]`)
    expect(store.messagesOf(1).map((m) => m.seq)).toEqual([1, 2, 3])
  })

  it('ignores a history answer that comes after what it was for was dropped', () => {
    const { f, store } = setup(`[${wireMessage(1)}]`)
    f.recv({ type: 'room', room: { ...room, visibility: 'private' } })
    store.setActiveRoom(null)
    f.recv({ type: 'left', room: 1 })
    f.recv({ type: 'room', room: { ...room, visibility: 'private' } })
    store.setActiveRoom(1)
    const stale = lastSent(f, 'history')
    // Removed again while the page is on its way: it must not fill the room back in.
    f.recv({ type: 'left', room: 1 })
    f.recv(
      JSON.parse(
        `{"type": "history", "rid": "${stale.rid}", "room": 1, "messages": [${wireMessage(5)}], "has_more": false}`,
      ) as ServerMessage,
    )
    expect(store.room(1)?.load).toBe('none')
    expect(store.messagesOf(1)).toEqual([])
  })
})
