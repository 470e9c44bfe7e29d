// Test fixture: a ChatStore on a fake transport, signed in as user 1 with room 1 open.
// Shared by the store's and the components' unit tests; not part of the bundle.

import { ChatStore } from './chat'
import type { ConnectionStatus } from './connection'
import type { ClientMessage, ServerMessage } from './protocol'

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

export const room = {
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
export const msgEvent = (seq: number, text: string, cmid?: string) =>
  ({
    type: 'event',
    room: 1,
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

export function setup() {
  const f = fakeTransport()
  const store = new ChatStore(f.t)
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
  f.recv({ type: 'synced', rooms: {} })
  f.recv({ type: 'rooms', rooms: [room] })
  store.setActiveRoom(1)
  const hist = f.sent.find((m) => m.type === 'history')!
  f.recv({ type: 'history', rid: hist.rid, room: 1, messages: [], has_more: false })
  return { f, store }
}
