// Request/response matching over one connection, for every feature: each request gets a
// fresh `rid`, and the server message that carries it back settles that request (an
// answer of any type: ack, a feature's reply, or error). Nothing else matches: a stale,
// unknown or repeated rid is ignored. When the connection drops, what is open fails.
import type { ClientMessage, ServerMessage } from './protocol'

/** An `error` answer, or `offline` when the connection dropped before the answer. */
export class RequestError extends Error {
  constructor(
    readonly code: string,
    message: string,
  ) {
    super(message)
  }
}

type Sent = ClientMessage & { rid: string }

interface Open {
  onReply: (m: ServerMessage) => void
  onDrop?: () => void
}

export class Session {
  private next = 0
  private readonly open = new Map<string, Open>()

  /** `send` hands a frame to the connection; false when it could not (offline). */
  constructor(private readonly send: (m: Sent) => boolean) {}

  /** Sends `msg`; `onReply` gets its answer, whatever its type. False when not sent. */
  call(msg: ClientMessage, onReply?: (m: ServerMessage) => void): boolean {
    return this.start(msg, onReply ? { onReply } : undefined)
  }

  /**
   * Sends `msg`; resolves with its answer, rejects with a RequestError for an `error`
   * answer, or `offline` when it could not be sent or the connection dropped first.
   */
  request(msg: ClientMessage): Promise<ServerMessage> {
    return new Promise((resolve, reject) => {
      const offline = () => reject(new RequestError('offline', 'the connection dropped'))
      const onReply = (m: ServerMessage) =>
        m.type === 'error' ? reject(new RequestError(m.code, m.message)) : resolve(m)
      if (!this.start(msg, { onReply, onDrop: offline })) offline()
    })
  }

  /** Settles the request that `m` answers, if any; true when it answered one. */
  answer(m: ServerMessage): boolean {
    const rid = 'rid' in m && m.rid !== undefined && m.rid !== null ? String(m.rid) : undefined
    const open = rid === undefined ? undefined : this.open.get(rid)
    if (!open) return false
    this.open.delete(rid!)
    open.onReply(m)
    return true
  }

  /** The connection dropped: every open request is forgotten (promises reject). */
  dropAll(): void {
    const dropped = [...this.open.values()]
    this.open.clear()
    for (const o of dropped) o.onDrop?.()
  }

  /** How many requests await their answer. */
  get pending(): number {
    return this.open.size
  }

  private start(msg: ClientMessage, open: Open | undefined): boolean {
    const rid = `r${++this.next}`
    if (open) this.open.set(rid, open)
    const ok = this.send({ ...msg, rid })
    if (!ok) this.open.delete(rid)
    return ok
  }
}
