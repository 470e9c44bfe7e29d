// The rooms feature's messages (protocol/rooms/rooms.md, protocol/rooms/messages.hpp),
// added to the core's ServerMessages and ClientBodies. A room's stream id is its room id.

// Inside the augmentation the core's names (Rid, Cursor, PageRequest) are in scope.
import type { EventBase } from '../../core/protocol'

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
  /** Read-only: nothing can be posted, edited or reacted to until it is unarchived. */
  archived?: boolean
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

/** An event of a room's stream (its `stream` equals its `room`). */
type RoomEventBase = EventBase & { room: number }

export type RoomEvent =
  | (RoomEventBase & {
      kind: 'message'
      author_name: string
      text: string
      lang: string
      reply_to: number | null
      mentions?: number[]
      cmid?: string
    })
  | (RoomEventBase & { kind: 'edit'; target: number; text: string })
  | (RoomEventBase & { kind: 'delete'; target: number })
  | (RoomEventBase & { kind: 'reaction'; target: number; emoji: string; on: boolean })

declare module '../../core/protocol' {
  interface ServerMessages {
    rooms:
      | RoomEvent
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
  }
  interface ClientBodies {
    rooms:
      | ({ type: 'rooms_list'; all?: boolean } & PageRequest)
      | { type: 'room_create'; name: string; visibility: 'open' | 'private'; topic?: string }
      | { type: 'room_join'; room: number }
      | { type: 'room_leave'; room: number }
      | { type: 'room_invite'; room: number; user: number }
      | ({ type: 'room_members'; room: number } & PageRequest)
      | { type: 'room_set_role'; room: number; user: number; role: 'moderator' | 'member' }
      | { type: 'room_remove'; room: number; user: number }
      | { type: 'room_transfer'; room: number; user: number }
      | { type: 'room_update'; room: number; name?: string; topic?: string; archived?: boolean }
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
  }
}
