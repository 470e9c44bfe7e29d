// Types of the Praxis HTTP API and WebSocket protocol (version 1): the core's messages
// (protocol/core/messages.hpp) and the rooms feature's (protocol/rooms/messages.hpp).
// Every live object is a stream; a room's stream id is its room id.

export const PROTOCOL_VERSION = 1

export interface User {
  id: number
  email?: string
  display_name: string
  institution: string
  country: string
  languages: string[]
  time_zone: string
  role: 'admin' | 'member'
}

export type RoomRole = 'owner' | 'moderator' | 'member'

export interface Room {
  id: number
  name: string
  topic: string
  visibility: 'open' | 'private'
  last_seq: number
  member: boolean
  role?: RoomRole
  read_seq?: number
  unread?: number
  mentions?: number
  online?: number[]
}

/** A message as the server sends it (`history`). */
export interface WireMessage {
  seq: number
  by: number
  author_name: string
  at: number
  text: string
  lang: string
  reply_to: number | null
  mentions: number[]
  edited_at: number | null
  deleted: boolean
  reactions: Record<string, number[]>
}

/**
 * A message as the client keeps it. Reaction names are free text, so they are keys of a Map:
 * in a plain object `__proto__`, `toString` or `constructor` would hit Object.prototype.
 */
export interface Message extends Omit<WireMessage, 'reactions'> {
  reactions: ReadonlyMap<string, number[]>
}

export interface Member {
  user: number
  display_name: string
  institution: string
  country: string
  role: RoomRole
  online: boolean
}

/** Fields every event frame carries: its stream and its seq in that stream. */
interface EventBase {
  type: 'event'
  stream: number
  seq: number
  room: number
  by: number
  at: number
}

/** An event of a room's stream (its `stream` equals its `room`). */
export type RoomEvent =
  | (EventBase & {
      kind: 'message'
      author_name: string
      text: string
      lang: string
      reply_to: number | null
      mentions?: number[]
      cmid?: string
    })
  | (EventBase & { kind: 'edit'; target: number; text: string })
  | (EventBase & { kind: 'delete'; target: number })
  | (EventBase & { kind: 'reaction'; target: number; emoji: string; on: boolean })

type Rid = string | number | undefined

/** `next` of a page: give it back as `cursor` for the following page; null on the last. */
export type Cursor = string

export type ServerMessage =
  // ---- core ----
  | { type: 'welcome'; version: number; user: User; limits: Record<string, number> }
  /** A write is durable; room writes also name the room and echo the post's cmid. */
  | { type: 'ack'; rid?: Rid; stream: number; seq: number; room?: number; cmid?: string }
  | { type: 'subscribed'; rid?: Rid; stream: number; seq: number }
  | { type: 'unsubscribed'; rid?: Rid; stream: number }
  /** The hello replay is done: every subscribed stream and the last seq sent of it. */
  | { type: 'synced'; streams: Record<string, number> }
  /** Too far behind to replay: reload the stream (`room` names it too, for rooms). */
  | { type: 'resync'; stream: number; last_seq: number; room?: number }
  | { type: 'pong'; rid?: Rid }
  | { type: 'error'; rid?: Rid; code: string; message: string }
  | RoomEvent
  // ---- rooms ----
  | { type: 'rooms'; rid?: Rid; rooms: Room[]; next: Cursor | null }
  | { type: 'room'; rid?: Rid; room: Room }
  | { type: 'left'; rid?: Rid; room: number }
  | { type: 'members'; rid?: Rid; room: number; members: Member[]; next: Cursor | null }
  | { type: 'history'; rid?: Rid; room: number; messages: WireMessage[]; has_more: boolean }
  | {
      type: 'read_marker'
      rid?: Rid
      room: number
      read_seq: number
      unread: number
      mentions: number
    }
  | { type: 'typing'; room: number; stream: number; user: number; display_name: string }
  | { type: 'presence'; room: number; stream: number; user: number; online: boolean }

/** A page of a list: at most `limit` items after `cursor` (the `next` of the page before). */
interface PageRequest {
  limit?: number
  cursor?: Cursor
}

type ClientBody =
  // ---- core ----
  /** `resume`: stream id -> last seq seen, for the streams to replay. */
  | { type: 'hello'; version: number; resume?: Record<string, number> }
  /** Live events of `stream` from now, or replayed after `after` first. */
  | { type: 'subscribe'; stream: number; after?: number }
  | { type: 'unsubscribe'; stream: number }
  | { type: 'ping' }
  // ---- rooms ----
  | ({ type: 'rooms_list' } & PageRequest)
  | { type: 'room_create'; name: string; visibility: 'open' | 'private'; topic?: string }
  | { type: 'room_join'; room: number }
  | { type: 'room_leave'; room: number }
  | { type: 'room_invite'; room: number; user: number }
  | ({ type: 'room_members'; room: number } & PageRequest)
  | { type: 'room_set_role'; room: number; user: number; role: 'moderator' | 'member' }
  | { type: 'room_remove'; room: number; user: number }
  | { type: 'room_transfer'; room: number; user: number }
  | {
      type: 'post'
      room: number
      text: string
      lang: string
      cmid?: string
      reply_to?: number
      mentions?: number[]
    }
  | { type: 'edit'; room: number; target: number; text: string }
  | { type: 'delete'; room: number; target: number }
  | { type: 'react'; room: number; target: number; emoji: string; on: boolean }
  | { type: 'history'; room: number; before?: number; after?: number; limit?: number }
  | { type: 'read'; room: number; seq: number }
  | { type: 'typing'; room: number }

/** A message the client sends; `rid` (request id) comes back on the answer. */
export type ClientMessage = ClientBody & { rid?: string | number }
