// Test fixture: a ChatStore on a fake transport, signed in as user 1 with room 1 open.
// Shared by the store's and the components' unit tests; not part of the bundle.

import type { DraftStorage } from './drafts'
import { ChatStore } from './store'
import type { ConnectionStatus } from '../../core/connection'
import type { ClientMessage, ServerMessage } from '../../core/protocol'
import type { Room } from './protocol'

export function fakeTransport() {
  const sent: ClientMessage[] = []
  let onMsg: (m: ServerMessage) => void = () => {}
  let onOpen: () => void = () => {}
  let onStatus: (s: ConnectionStatus) => void = () => {}
  const t = {
    status: 'connecting' as ConnectionStatus,
    online: false,
    send: (m: ClientMessage) => (t.online ? (sent.push(m), true) : false),
    onMessage: (cb: (m: ServerMessage) => void) => ((onMsg = cb), () => {}),
    onOpen: (cb: () => void) => ((onOpen = cb), () => {}),
    onStatus: (cb: (s: ConnectionStatus) => void) => ((onStatus = cb), () => {}),
  }
  return {
    t,
    sent,
    open: () => {
      t.online = true
      onStatus('online')
      onOpen()
    },
    drop: () => {
      t.online = false
      onStatus('reconnecting')
    },
    recv: (m: ServerMessage) => onMsg(m),
  }
}

export const room: Room = {
  id: 1,
  name: 'R',
  topic: '',
  visibility: 'open' as const,
  last_seq: 0,
  member: true,
  read_seq: 0,
  unread: 0,
  mentions: 0,
  online: [],
}
/** A message event of room 1 (its stream is 1 too); `room` moves it to another room. */
export const msgEvent = (seq: number, text: string, cmid?: string, room = 1) =>
  ({
    type: 'event',
    stream: room,
    room,
    seq,
    kind: 'message',
    by: 2,
    at: 0,
    author_name: 'Ben',
    text,
    lang: 'de',
    reply_to: null,
    cmid,
  }) as ServerMessage

/** A history message as JSON text; `reactions` is JSON text too, e.g. '{"👍": [1]}'. */
export const wireMessage = (seq: number, reactions = '{}') =>
  `{"seq": ${seq}, "by": 2, "author_name": "Ben", "at": 0, "text": "m${seq}", "lang": "de",
    "reply_to": null, "mentions": [], "edited_at": null, "deleted": false,
    "reactions": ${reactions}}`

/**
 * Answers the latest history request for `roomId` with `messages` (JSON text of an array),
 * parsed as the connection parses a frame: JSON.parse makes even "__proto__" an own key.
 */
export function answerHistory(
  f: ReturnType<typeof fakeTransport>,
  roomId: number,
  messages: string,
  hasMore = false,
): void {
  const req = f.sent.filter((m) => m.type === 'history' && m.room === roomId).at(-1)!
  const frame = `{"type": "history", "rid": "${req.rid}", "room": ${roomId},
    "messages": ${messages}, "has_more": ${hasMore}}`
  f.recv(JSON.parse(frame) as ServerMessage)
}

export const reactionEvent = (
  room: number,
  seq: number,
  target: number,
  emoji: string,
  by: number,
  on: boolean,
) =>
  ({
    type: 'event',
    stream: room,
    room,
    seq,
    kind: 'reaction',
    by,
    at: 0,
    target,
    emoji,
    on,
  }) as ServerMessage

/** The last request of `type` the store sent (with its rid), for answering it. */
export function lastSent<T extends ClientMessage['type']>(
  f: ReturnType<typeof fakeTransport>,
  type: T,
): Extract<ClientMessage, { type: T }> {
  const m = f.sent.filter((x) => x.type === type).at(-1)
  if (!m) throw new Error(`no ${type} was sent`)
  return m as Extract<ClientMessage, { type: T }>
}

/** Answers the last rooms_list request with one page; `next` is the page's cursor. */
export function answerRooms(
  f: ReturnType<typeof fakeTransport>,
  rooms: Room[],
  next: string | null = null,
): void {
  f.recv({ type: 'rooms', rid: lastSent(f, 'rooms_list').rid, rooms, next })
}

/** Signed in as user 1 (Ada) with room 1 open and its first history page `messages`. */
export function setup(messages = '[]', hasMore = false, storage: DraftStorage | null = null) {
  const f = fakeTransport()
  const store = new ChatStore(f.t, Date.now, storage)
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
      role: 'admin',
    },
    limits: {},
  })
  f.recv({ type: 'synced', streams: {} })
  answerRooms(f, [room])
  store.setActiveRoom(1)
  answerHistory(f, 1, messages, hasMore)
  return { f, store }
}
