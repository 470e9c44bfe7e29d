// Types of the Praxis HTTP API and WebSocket protocol (protocol/PROTOCOL.md, version 1).

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

export interface Room {
  id: number
  name: string
  topic: string
  visibility: 'open' | 'private'
  last_seq: number
  member: boolean
  role?: string
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
  role: string
  online: boolean
}

interface EventBase {
  type: 'event'
  room: number
  seq: number
  by: number
  at: number
}

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

export type ServerMessage =
  | { type: 'welcome'; version: number; user: User; limits: Record<string, number> }
  | { type: 'rooms'; rid?: Rid; rooms: Room[] }
  | { type: 'room'; rid?: Rid; room: Room }
  | { type: 'left'; rid?: Rid; room: number }
  | { type: 'members'; rid?: Rid; room: number; members: Member[] }
  | { type: 'ack'; rid?: Rid; room: number; seq: number; cmid?: string }
  | RoomEvent
  | { type: 'history'; rid?: Rid; room: number; messages: WireMessage[]; has_more: boolean }
  | {
      type: 'read_marker'
      rid?: Rid
      room: number
      read_seq: number
      unread: number
      mentions: number
    }
  | { type: 'typing'; room: number; user: number; display_name: string }
  | { type: 'presence'; room: number; user: number; online: boolean }
  | { type: 'synced'; rooms: Record<string, number> }
  | { type: 'resync'; room: number; last_seq: number }
  | { type: 'pong'; rid?: Rid }
  | { type: 'error'; rid?: Rid; code: string; message: string }

export type ClientMessage = { type: string; rid?: string | number } & Record<string, unknown>
