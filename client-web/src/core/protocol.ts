// Types of the Praxis WebSocket protocol (version 1) that every feature shares: the
// core's messages (protocol/PROTOCOL.md, protocol/core/messages.hpp). Each feature adds
// its own to ServerMessages and ClientBodies (TypeScript declaration merging) in its
// features/<name>/protocol.ts, so that adding one edits no core file.

export const PROTOCOL_VERSION = 1

/** The signed-in user, as `welcome` and the account routes give it. */
export interface User {
  id: number
  email?: string
  display_name: string
  institution: string
  country: string
  languages: string[]
  time_zone: string
  role: 'admin' | 'member'
  /** false only for a deactivated user (admins see them in the user list). */
  active?: boolean
}

export type Rid = string | number | undefined

/** `next` of a page: give it back as `cursor` for the following page; null on the last. */
export type Cursor = string

/** Fields every event frame carries: its stream and its seq in that stream. */
export interface EventBase {
  type: 'event'
  stream: number
  seq: number
  by: number
  at: number
}

/** A page of a list: at most `limit` items after `cursor` (the `next` of the page before). */
export interface PageRequest {
  limit?: number
  cursor?: Cursor
}

/** What the server sends, by feature: `core` here, one entry per feature beside it. */
export interface ServerMessages {
  core:
    | { type: 'welcome'; version: number; user: User; limits: Record<string, number> }
    /** A write is durable; feature writes may add their own fields (rooms: room, cmid). */
    | { type: 'ack'; rid?: Rid; stream: number; seq: number; room?: number; cmid?: string }
    | { type: 'subscribed'; rid?: Rid; stream: number; seq: number }
    | { type: 'unsubscribed'; rid?: Rid; stream: number }
    /** The hello replay is done: every subscribed stream and the last seq sent of it. */
    | { type: 'synced'; streams: Record<string, number> }
    /** Too far behind to replay: reload the stream (`room` names it too, for rooms). */
    | { type: 'resync'; stream: number; last_seq: number; room?: number }
    | { type: 'pong'; rid?: Rid }
    | { type: 'error'; rid?: Rid; code: string; message: string }
}

/** What the client sends, by feature, without `rid`. */
export interface ClientBodies {
  core:
    /** `resume`: stream id -> last seq seen, for the streams to replay. */
    | { type: 'hello'; version: number; resume?: Record<string, number> }
    /** Live events of `stream` from now, or replayed after `after` first. */
    | { type: 'subscribe'; stream: number; after?: number }
    | { type: 'unsubscribe'; stream: number }
    | { type: 'ping' }
}

export type ServerMessage = ServerMessages[keyof ServerMessages]

/** A message the client sends; `rid` (request id) comes back on the answer. */
export type ClientMessage = ClientBodies[keyof ClientBodies] & { rid?: string | number }
