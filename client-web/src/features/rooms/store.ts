// Client-side state of the live rooms: messages by seq (so replays never duplicate),
// the outbox of posts not yet acknowledged, presence, typing and unread counts.
// A room is a stream of the server (its stream id is its room id): events, acks,
// typing, presence and resync name the stream; the room list and member lists come
// in pages.

import type { Connection, ConnectionStatus } from '../../core/connection'
import type { ClientMessage, Cursor, ServerMessage, User } from '../../core/protocol'
import type { Member, Message, Room, RoomEvent, WireMessage } from './protocol'
import { PROTOCOL_VERSION } from '../../core/protocol'
import { Session } from '../../core/session'
import { browserStorage, type DraftStorage } from './drafts'
import { SavedOutbox } from './saved-outbox'
import { type PostLimits, postLimits } from './limits'

export type PendingState = 'queued' | 'sent' | 'failed'

export interface PendingPost {
  cmid: string
  room: number
  text: string
  lang: string
  reply_to: number | null
  mentions: number[]
  state: PendingState
  /** Why the server refused it (state 'failed'): its error code and message. */
  error?: { code: string; message: string }
}

export interface RoomState {
  info: Room
  messages: Map<number, Message>
  /** Highest seq applied to `messages`; sent in `hello.resume`. */
  lastSeq: number
  load: 'none' | 'loading' | 'loaded'
  hasMore: boolean
  /** read_seq when the room was last opened: later messages of others are new to the reader. */
  readAtOpen: number
  loadingOlder: boolean
  /** Events that arrived while the first history page was on its way. */
  buffered: RoomEvent[]
  typing: Map<number, { name: string; until: number }>
  members: Member[] | null
  /** Bumped when what was loaded is dropped: answers to older requests are ignored. */
  generation: number
}

export interface Announcement {
  room: number
  author: string
  text: string
}

/** A live message for the reader that a desktop notification may tell of. */
export interface Attention extends Announcement {
  roomName: string
  seq: number
  why: 'mention' | 'reply'
}

type Transport = Pick<Connection, 'send' | 'onMessage' | 'onOpen' | 'onStatus' | 'status'>

export const TYPING_SHOWN_MS = 5000
const HISTORY_PAGE = 50
/** Rooms and members per page (the server sends fewer when its own maximum is lower). */
export const LIST_PAGE = 200

// NOTE: Object.entries lists own keys only, and JSON.parse makes every key own, even
//       "__proto__"; from here on reactions are looked up in a Map and nothing is inherited.
const fromWire = (m: WireMessage): Message => ({
  ...m,
  reactions: new Map(Object.entries(m.reactions)),
})

/**
 * Whether the room's history can be shown: a member's room, or an open room one has not
 * joined (a look inside before joining: a snapshot, not live, as only a member's rooms
 * are subscribed).
 */
function readable(info: Room): boolean {
  return info.member || info.visibility === 'open'
}

export class ChatStore {
  readonly rooms = new Map<number, RoomState>()
  readonly outbox: PendingPost[] = []
  me: User | null = null
  /** The server's limits on a post, from `welcome`. */
  limits: PostLimits = postLimits({})
  synced = false
  status: ConnectionStatus
  lastError: { code: string; message: string } | null = null
  activeRoom: number | null = null
  version = 0
  private readonly session: Session
  private saved: { user: number; outbox: SavedOutbox } | null = null
  private readonly listeners = new Set<() => void>()
  private readonly announcers = new Set<(a: Announcement) => void>()
  private readonly attention = new Set<(a: Attention) => void>()
  /** Someone mentioned or replied to the reader since the page loaded. */
  calledForAttention = false
  private readonly disposers: (() => void)[] = []
  private cmidCounter = 0
  private typingTimer: ReturnType<typeof setTimeout> | null = null
  /** Rooms seen since the room list started paging; null when no listing runs. */
  private listing: Set<number> | null = null
  /** Member lists on their way, by room; `again`: load once more when this one is done. */
  private readonly membersLoading = new Map<number, { again: boolean }>()

  constructor(
    private readonly conn: Transport,
    private readonly now: () => number = Date.now,
    private readonly storage: DraftStorage | null = browserStorage(),
  ) {
    this.status = conn.status
    this.session = new Session((m) => conn.send(m))
    this.disposers.push(conn.onOpen(() => this.hello()))
    this.disposers.push(conn.onMessage((m) => this.receive(m)))
    this.disposers.push(
      conn.onStatus((s) => {
        this.status = s
        if (s !== 'online') this.wentOffline()
        this.changed()
      }),
    )
    this.disposers.push(() => {
      if (this.typingTimer) clearTimeout(this.typingTimer)
    })
  }

  dispose(): void {
    this.disposers.splice(0).forEach((d) => d())
  }

  subscribe(cb: () => void): () => void {
    this.listeners.add(cb)
    return () => this.listeners.delete(cb)
  }

  /** Live messages (not replays) of others that mention the reader or reply to them. */
  onAttention(cb: (a: Attention) => void): () => void {
    this.attention.add(cb)
    return () => this.attention.delete(cb)
  }

  /** Unread messages over the rooms the reader is in (the tab title shows it). */
  totalUnread(): number {
    let n = 0
    for (const r of this.rooms.values()) if (r.info.member) n += r.info.unread ?? 0
    return n
  }

  onAnnounce(cb: (a: Announcement) => void): () => void {
    this.announcers.add(cb)
    return () => this.announcers.delete(cb)
  }

  room(id: number): RoomState | undefined {
    return this.rooms.get(id)
  }

  /** Rooms in the sidebar's order: by name, the archived ones after the others. */
  sortedRooms(): RoomState[] {
    return [...this.rooms.values()].sort(
      (a, b) =>
        Number(a.info.archived === true) - Number(b.info.archived === true) ||
        a.info.name.localeCompare(b.info.name),
    )
  }

  /** Messages of a room in seq order. */
  messagesOf(id: number): Message[] {
    const r = this.rooms.get(id)
    if (!r) return []
    return [...r.messages.values()].sort((a, b) => a.seq - b.seq)
  }

  pendingOf(id: number): PendingPost[] {
    return this.outbox.filter((p) => p.room === id)
  }

  /** A user's name as this room knows it (its members, its authors); null when unknown. */
  nameOf(id: number, user: number): string | null {
    if (user === this.me?.id) return this.me.display_name
    const r = this.rooms.get(id)
    if (!r) return null
    const member = r.members?.find((m) => m.user === user)
    if (member) return member.display_name
    for (const m of r.messages.values()) if (m.by === user) return m.author_name
    return null
  }

  typingIn(id: number): string[] {
    const r = this.rooms.get(id)
    if (!r) return []
    const t = this.now()
    return [...r.typing.entries()]
      .filter(([user, v]) => v.until > t && user !== this.me?.id)
      .map(([, v]) => v.name)
  }

  // ---- actions ----

  setActiveRoom(id: number | null): void {
    this.activeRoom = id
    if (id === null) return
    const r = this.rooms.get(id)
    if (r) r.readAtOpen = r.info.read_seq ?? 0
    // A look inside a room not joined is a snapshot: taken afresh on each visit.
    if (r && !r.info.member && r.load === 'loaded') this.forget(r)
    if (r && readable(r.info) && r.load === 'none') this.loadRoom(id)
    this.markRead(id)
    this.changed()
  }

  request(msg: ClientMessage, onReply?: (m: ServerMessage) => void): boolean {
    return this.session.call(msg, onReply)
  }

  post(room: number, text: string, lang: string, replyTo: number | null, mentions: number[]): void {
    const p: PendingPost = {
      cmid: `c-${this.now().toString(36)}-${(++this.cmidCounter).toString(36)}-${Math.random().toString(36).slice(2, 8)}`,
      room,
      text,
      lang,
      reply_to: replyTo,
      mentions,
      state: 'queued',
    }
    this.outbox.push(p)
    if (this.synced) this.sendPending(p)
    this.changed()
  }

  /** Sends a refused post again (the same cmid: the server keeps at most one). */
  retryPending(cmid: string): void {
    const p = this.outbox.find((q) => q.cmid === cmid && q.state === 'failed')
    if (!p) return
    p.state = 'queued'
    p.error = undefined
    if (this.synced) this.sendPending(p)
    this.changed()
  }

  /** Forgets a refused post. */
  discardPending(cmid: string): void {
    const p = this.outbox.find((q) => q.cmid === cmid && q.state === 'failed')
    if (!p) return
    this.dropPending(cmid)
    this.changed()
  }

  /** Whether messages of the room can be edited, deleted or reacted to by the reader. */
  writable(room: number): boolean {
    const info = this.rooms.get(room)?.info
    return !!info && info.member && !info.archived
  }

  edit(room: number, target: number, text: string): boolean {
    return this.writable(room) && this.request({ type: 'edit', room, target, text })
  }

  remove(room: number, target: number): boolean {
    return this.writable(room) && this.request({ type: 'delete', room, target })
  }

  react(room: number, target: number, emoji: string, on: boolean): boolean {
    if (!this.writable(room)) return false
    return this.request({ type: 'react', room, target, emoji, on })
  }

  typing(room: number): void {
    this.conn.send({ type: 'typing', room })
  }

  loadOlder(id: number): void {
    const r = this.rooms.get(id)
    if (!r || r.load !== 'loaded' || !r.hasMore || r.loadingOlder) return
    const oldest = Math.min(...r.messages.keys())
    if (!Number.isFinite(oldest)) return
    const generation = r.generation
    r.loadingOlder = this.request(
      { type: 'history', room: id, before: oldest, limit: HISTORY_PAGE },
      (m) => {
        if (r.generation !== generation) return
        r.loadingOlder = false
        if (m.type !== 'history') return
        for (const msg of m.messages)
          if (!r.messages.has(msg.seq)) r.messages.set(msg.seq, fromWire(msg))
        r.hasMore = m.has_more
        this.changed()
      },
    )
    this.changed()
  }

  createRoom(
    name: string,
    visibility: 'open' | 'private',
    topic: string,
    done: (room: Room) => void,
  ): void {
    this.request({ type: 'room_create', name, visibility, topic }, (m) => {
      if (m.type === 'room') done(m.room)
    })
  }

  /**
   * A request answered by success or an error: resolves once the server agreed, rejects
   * with its error (`offline` when it could not be sent).
   */
  private ask(msg: ClientMessage): Promise<void> {
    // NOTE: session.request also rejects when the connection drops before the answer.
    return this.session.request(msg).then(() => undefined)
  }

  /**
   * Adds, removes or changes the role of a member (owners, moderators and admins; the
   * server decides), then reloads the member list.
   */
  changeMember(
    msg: Extract<
      ClientMessage,
      { type: 'room_invite' | 'room_remove' | 'room_set_role' | 'room_transfer' }
    >,
  ): Promise<void> {
    return this.ask(msg).then(() => this.loadMembers(msg.room, true))
  }

  /** Renames, sets the topic of, archives or unarchives a room; `room` brings the change. */
  updateRoom(
    room: number,
    change: { name?: string; topic?: string; archived?: boolean },
  ): Promise<void> {
    return this.ask({ type: 'room_update', room, ...change })
  }

  /**
   * Every room of the instance, private ones included, page by page (admins only: others
   * are refused `forbidden`). Not added to the sidebar's rooms.
   */
  async everyRoom(): Promise<Room[]> {
    const out: Room[] = []
    let cursor: string | null = null
    do {
      const answer: ServerMessage = await this.session.request({
        type: 'rooms_list',
        all: true,
        limit: LIST_PAGE,
        ...(cursor ? { cursor } : {}),
      })
      if (answer.type !== 'rooms') break
      out.push(...answer.rooms)
      cursor = answer.next
    } while (cursor)
    return out
  }

  /** Leaves a room (not its owner: the server refuses with `conflict`). */
  leave(room: number): Promise<void> {
    return this.ask({ type: 'room_leave', room })
  }

  join(id: number): void {
    this.request({ type: 'room_join', room: id })
  }

  /**
   * Loads the room's member list, page by page; `members` is set once all pages are in.
   * While a load runs another is not started; with `again` it follows the running one
   * (someone may have joined after the pages already read).
   */
  loadMembers(id: number, again = false): void {
    const running = this.membersLoading.get(id)
    if (running) {
      running.again ||= again
      return
    }
    const state = { again: false }
    this.membersLoading.set(id, state)
    const all: Member[] = []
    const done = () => {
      if (this.membersLoading.get(id) === state) this.membersLoading.delete(id)
    }
    const page = (cursor?: Cursor) => {
      const sent = this.request(
        { type: 'room_members', room: id, limit: LIST_PAGE, ...(cursor ? { cursor } : {}) },
        (m) => {
          if (m.type !== 'members') return done()
          all.push(...m.members)
          if (m.next !== null) return page(m.next)
          done()
          const r = this.rooms.get(id)
          if (r) r.members = all
          if (state.again) this.loadMembers(id)
        },
      )
      if (!sent) done()
    }
    page()
  }

  markRead(id: number): void {
    const r = this.rooms.get(id)
    if (!r || !r.info.member || r.load !== 'loaded') return
    const seq = Math.max(r.lastSeq, r.info.last_seq)
    if (seq > (r.info.read_seq ?? 0) || (r.info.unread ?? 0) > 0) {
      r.info.read_seq = seq
      r.info.unread = 0
      r.info.mentions = 0
      this.conn.send({ type: 'read', room: id, seq })
    }
  }

  // ---- protocol ----

  /**
   * Lists every room the user can see, page by page (`next` of one page is the `cursor`
   * of the following one). Rooms are shown as their pages arrive; once the last one is
   * in, rooms that were not listed (a private room one was removed from while away) go.
   */
  private listRooms(): void {
    const seen = new Set<number>()
    this.listing = seen
    const page = (cursor?: Cursor) => {
      const sent = this.request(
        { type: 'rooms_list', limit: LIST_PAGE, ...(cursor ? { cursor } : {}) },
        (m) => {
          if (this.listing !== seen) return
          if (m.type !== 'rooms') {
            this.listing = null
            return
          }
          // NOTE: `rooms` only ever answers a rooms_list: the sidebar's pages are taken in
          //       here (an admin's list of every room is not the sidebar's).
          for (const info of m.rooms) this.upsertRoom(info)
          if (m.next !== null) return page(m.next)
          this.listing = null
          for (const id of this.rooms.keys()) if (!seen.has(id)) this.rooms.delete(id)
        },
      )
      if (!sent && this.listing === seen) this.listing = null
    }
    page()
  }

  private hello(): void {
    this.synced = false
    const resume: Record<string, number> = {}
    for (const [id, r] of this.rooms) if (r.load === 'loaded') resume[String(id)] = r.lastSeq
    this.conn.send({ type: 'hello', version: PROTOCOL_VERSION, resume })
  }

  private wentOffline(): void {
    this.synced = false
    this.session.dropAll()
    this.listing = null
    this.membersLoading.clear()
    for (const r of this.rooms.values()) {
      r.loadingOlder = false
      if (r.load === 'loading') {
        r.load = 'none'
        r.buffered = []
      }
    }
    for (const p of this.outbox) if (p.state === 'sent') p.state = 'queued'
  }

  private receive(m: ServerMessage): void {
    switch (m.type) {
      case 'welcome':
        this.me = m.user
        this.limits = postLimits(m.limits ?? {})
        this.restoreOutbox(m.user.id)
        break
      case 'synced':
        this.synced = true
        // The last seq sent of each subscribed stream: for rooms, how far they have got.
        for (const [id, seq] of Object.entries(m.streams ?? {})) {
          const r = this.rooms.get(Number(id))
          if (r && typeof seq === 'number') r.info.last_seq = Math.max(r.info.last_seq, seq)
        }
        this.listRooms()
        for (const p of this.outbox) if (p.state === 'queued') this.sendPending(p)
        if (this.activeRoom !== null) this.setActiveRoom(this.activeRoom)
        break
      case 'resync': {
        const r = this.rooms.get(m.stream)
        if (r) {
          this.forget(r)
          if (this.activeRoom === m.stream) this.loadRoom(m.stream)
        }
        break
      }
      case 'room':
        this.upsertRoom(m.room)
        break
      case 'left': {
        const r = this.rooms.get(m.room)
        if (r) {
          const { role: _role, read_seq: _read, online: _online, ...seen } = r.info
          r.info = { ...seen, member: false, unread: 0, mentions: 0 }
          this.forget(r)
          if (this.activeRoom === m.room && readable(r.info)) this.loadRoom(m.room)
        }
        break
      }
      case 'event':
        this.applyEvent(m)
        break
      case 'ack':
        if (m.cmid) {
          const p = this.outbox.find((x) => x.cmid === m.cmid)
          if (p) p.state = 'sent'
          const r = this.rooms.get(m.stream)
          if (r?.messages.has(m.seq)) this.dropPending(m.cmid)
        }
        break
      case 'read_marker': {
        const r = this.rooms.get(m.room)
        if (r)
          Object.assign(r.info, { read_seq: m.read_seq, unread: m.unread, mentions: m.mentions })
        break
      }
      case 'typing': {
        const r = this.rooms.get(m.stream)
        if (r) {
          r.typing.set(m.user, { name: m.display_name, until: this.now() + TYPING_SHOWN_MS })
          this.scheduleTypingExpiry()
        }
        break
      }
      case 'presence': {
        const r = this.rooms.get(m.stream)
        if (r) {
          const online = new Set(r.info.online ?? [])
          if (m.online) online.add(m.user)
          else online.delete(m.user)
          r.info.online = [...online]
          if (r.members && !r.members.some((mem) => mem.user === m.user))
            this.loadMembers(m.stream, true)
        }
        break
      }
      case 'error':
        this.lastError = { code: m.code, message: m.message }
        break
      case 'members': // answers to loadMembers: its pages make one list
      case 'history':
      case 'subscribed':
      case 'unsubscribed':
      case 'pong':
        break
    }
    // NOTE: after the store has taken the message in, so that an answer's handler sees
    //       its effect (e.g. the created room is in `rooms` when room_create is answered).
    this.session.answer(m)
    this.changed()
  }

  /** Drops what was loaded of a room: it is loaded afresh when opened again. */
  private forget(r: RoomState): void {
    r.messages.clear()
    r.lastSeq = 0
    r.load = 'none'
    r.hasMore = false
    r.loadingOlder = false
    r.buffered = []
    r.typing.clear()
    r.members = null
    r.generation++
  }

  private upsertRoom(info: Room): void {
    // A private room one is not in (an admin's change of it, seen from outside) is not
    // the reader's to list.
    if (!info.member && info.visibility === 'private') return
    this.listing?.add(info.id)
    const r = this.rooms.get(info.id)
    if (r) {
      // NOTE: no longer a member (removed, or left elsewhere): its events stopped coming,
      //       so what was loaded would have a gap if the user joined again. And a look
      //       inside before joining was a snapshot: the member's stream starts at joining.
      if (r.info.member !== info.member) this.forget(r)
      // NOTE: `archived` is sent only when true; an unarchived room's message lacks it.
      r.info = { ...r.info, ...info, archived: info.archived === true }
      if (this.activeRoom === info.id && readable(r.info) && r.load === 'none')
        this.loadRoom(info.id)
      return
    }
    this.rooms.set(info.id, {
      info: { ...info },
      messages: new Map(),
      lastSeq: 0,
      load: 'none',
      hasMore: false,
      readAtOpen: info.read_seq ?? 0,
      loadingOlder: false,
      buffered: [],
      typing: new Map(),
      members: null,
      generation: 0,
    })
    if (this.activeRoom === info.id && readable(info)) this.loadRoom(info.id)
  }

  private loadRoom(id: number): void {
    const r = this.rooms.get(id)
    if (!r || r.load !== 'none') return
    const generation = r.generation
    const sent = this.request({ type: 'history', room: id, limit: HISTORY_PAGE }, (m) => {
      if (m.type !== 'history' || r.generation !== generation) return
      for (const msg of m.messages) {
        r.messages.set(msg.seq, fromWire(msg))
        r.lastSeq = Math.max(r.lastSeq, msg.seq)
      }
      r.hasMore = m.has_more
      r.load = 'loaded'
      // NOTE: events applied twice are harmless (messages are keyed by seq, edits and
      //       reactions are idempotent), so replaying the buffer over the page is safe.
      for (const ev of r.buffered.splice(0)) this.applyToLoaded(r, ev, false)
      if (this.activeRoom === id) this.markRead(id)
    })
    if (sent) {
      r.load = 'loading'
      this.loadMembers(id)
    }
  }

  private applyEvent(ev: RoomEvent): void {
    const id = ev.stream
    const r = this.rooms.get(id)
    if (!r) return
    r.info.last_seq = Math.max(r.info.last_seq, ev.seq)
    if (ev.kind === 'message' && ev.cmid) this.dropPending(ev.cmid)
    const fromOther = ev.by !== this.me?.id
    const active = this.activeRoom === id
    // NOTE: before applying it: a reply's target is looked up as it was.
    if (ev.kind === 'message' && fromOther && this.synced) this.callAttention(r, ev)
    if (r.load === 'loading') r.buffered.push(ev)
    else if (r.load === 'loaded') this.applyToLoaded(r, ev, this.synced)
    if (ev.kind === 'message' && fromOther && ev.seq > (r.info.read_seq ?? 0)) {
      if (active && r.load === 'loaded') this.markRead(id)
      else if (this.synced || r.load !== 'loaded') {
        r.info.unread = (r.info.unread ?? 0) + 1
        if (this.me && ev.mentions?.includes(this.me.id))
          r.info.mentions = (r.info.mentions ?? 0) + 1
      }
    }
  }

  private callAttention(r: RoomState, ev: Extract<RoomEvent, { kind: 'message' }>): void {
    const me = this.me?.id
    if (me === undefined || this.attention.size === 0) return
    const why = ev.mentions?.includes(me)
      ? 'mention'
      : ev.reply_to !== null && ev.reply_to !== undefined && r.messages.get(ev.reply_to)?.by === me
        ? 'reply'
        : null
    if (!why) return
    this.calledForAttention = true
    const a: Attention = {
      room: r.info.id,
      roomName: r.info.name,
      seq: ev.seq,
      author: ev.author_name,
      text: ev.text,
      why,
    }
    this.attention.forEach((cb) => cb(a))
  }

  private applyToLoaded(r: RoomState, ev: RoomEvent, announce: boolean): void {
    switch (ev.kind) {
      case 'message':
        if (!r.messages.has(ev.seq)) {
          r.messages.set(ev.seq, {
            seq: ev.seq,
            by: ev.by,
            author_name: ev.author_name,
            at: ev.at,
            text: ev.text,
            lang: ev.lang,
            reply_to: ev.reply_to,
            mentions: ev.mentions ?? [],
            edited_at: null,
            deleted: false,
            reactions: new Map(),
          })
          r.typing.delete(ev.by)
          if (announce && ev.by !== this.me?.id && this.activeRoom === ev.stream) {
            this.announcers.forEach((cb) =>
              cb({ room: ev.stream, author: ev.author_name, text: ev.text }),
            )
          }
        }
        break
      case 'edit': {
        const msg = r.messages.get(ev.target)
        if (msg && !msg.deleted)
          r.messages.set(msg.seq, { ...msg, text: ev.text, edited_at: ev.at })
        break
      }
      case 'delete': {
        const msg = r.messages.get(ev.target)
        if (msg) r.messages.set(msg.seq, { ...msg, text: '', deleted: true, reactions: new Map() })
        break
      }
      case 'reaction': {
        const msg = r.messages.get(ev.target)
        if (!msg) break
        const users = new Set(msg.reactions.get(ev.emoji))
        if (ev.on) users.add(ev.by)
        else users.delete(ev.by)
        const next = new Map(msg.reactions)
        if (users.size) next.set(ev.emoji, [...users])
        else next.delete(ev.emoji)
        r.messages.set(msg.seq, { ...msg, reactions: next })
        break
      }
    }
    r.lastSeq = Math.max(r.lastSeq, ev.seq)
  }

  private sendPending(p: PendingPost): void {
    const { cmid, room, text, lang, reply_to, mentions } = p
    const msg: ClientMessage = {
      type: 'post',
      room,
      text,
      lang,
      cmid,
      mentions,
      ...(reply_to !== null ? { reply_to } : {}),
    }
    const ok = this.request(msg, (m) => {
      if (m.type === 'error') {
        p.state = 'failed'
        p.error = { code: m.code, message: m.message }
        this.changed()
      }
    })
    if (ok) p.state = 'sent'
  }

  private dropPending(cmid: string): void {
    const i = this.outbox.findIndex((p) => p.cmid === cmid)
    if (i >= 0) this.outbox.splice(i, 1)
  }

  private scheduleTypingExpiry(): void {
    if (this.typingTimer) clearTimeout(this.typingTimer)
    this.typingTimer = setTimeout(() => {
      this.typingTimer = null
      this.changed()
    }, TYPING_SHOWN_MS + 50)
  }

  /** Takes in the posts saved for `user` (once per user): they go after synced. */
  private restoreOutbox(user: number): void {
    if (this.saved?.user === user) return
    this.saved = { user, outbox: new SavedOutbox(user, this.storage) }
    for (const p of this.saved.outbox.load())
      if (!this.outbox.some((q) => q.cmid === p.cmid)) this.outbox.push(p)
  }

  private changed(): void {
    this.saved?.outbox.save(this.outbox)
    this.version++
    this.listeners.forEach((cb) => cb())
  }
}
