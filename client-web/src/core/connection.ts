// A WebSocket that stays connected: reconnects with backoff and jitter, detects dead
// connections with application-level pings, and orphans replaced sockets.

import type { ClientMessage, ServerMessage } from './protocol'

export type ConnectionStatus =
  | 'connecting' // first attempt, never been online
  | 'online'
  | 'reconnecting' // lost the connection, waiting for or making the next attempt
  | 'closed' // closed for good: disposed, logged out, or incompatible server

export interface SocketLike {
  readonly readyState: number
  onopen: ((ev: Event) => void) | null
  onclose: ((ev: CloseEvent) => void) | null
  onerror: ((ev: Event) => void) | null
  onmessage: ((ev: MessageEvent) => void) | null
  send(data: string): void
  close(code?: number, reason?: string): void
}

export interface ConnectionOptions {
  url: () => string
  createSocket?: (url: string) => SocketLike
  random?: () => number
  isHidden?: () => boolean
  /** Where 'online' and 'visibilitychange' hints come from (window and document). */
  hints?: EventTarget[]
  pingIntervalMs?: number
  pongTimeoutMs?: number
  attemptTimeoutMs?: number
}

export const ACTIVE_MIN_DELAY = 250
export const ACTIVE_MAX_DELAY = 10_000
export const HIDDEN_MIN_DELAY = 2_000
export const HIDDEN_MAX_DELAY = 120_000

/** Close codes after which reconnecting cannot help (PROTOCOL.md section 5). */
const FATAL_CLOSE_CODES = new Set([4002, 4009])

/**
 * Delay before reconnect attempt number `attempt` (0-based): exponential, capped, with
 * "equal jitter" (half fixed, half random).
 */
export function backoffDelay(attempt: number, hidden: boolean, random: () => number): number {
  const min = hidden ? HIDDEN_MIN_DELAY : ACTIVE_MIN_DELAY
  const max = hidden ? HIDDEN_MAX_DELAY : ACTIVE_MAX_DELAY
  const base = Math.min(max, min * 2 ** Math.min(attempt, 30))
  // NOTE: jitter spreads the reconnects of many clients after a server restart, so the
  //       restarted server is not hit by all of them in the same instant.
  return Math.round(base / 2 + (random() * base) / 2)
}

type Disposer = () => void

function listen(target: EventTarget, type: string, handler: () => void): Disposer {
  target.addEventListener(type, handler)
  return () => target.removeEventListener(type, handler)
}

export class Connection {
  private ws: SocketLike | null = null
  private _status: ConnectionStatus = 'connecting'
  private attempt = 0
  private everOnline = false
  private reconnectTimer: ReturnType<typeof setTimeout> | null = null
  private attemptTimer: ReturnType<typeof setTimeout> | null = null
  private pingTimer: ReturnType<typeof setInterval> | null = null
  private pongTimer: ReturnType<typeof setTimeout> | null = null
  private readonly disposers: Disposer[] = []
  private readonly statusListeners = new Set<(s: ConnectionStatus, reason?: string) => void>()
  private readonly messageListeners = new Set<(m: ServerMessage) => void>()
  private readonly openListeners = new Set<() => void>()
  private readonly opts: Required<ConnectionOptions>
  closeReason: string | undefined

  constructor(opts: ConnectionOptions) {
    this.opts = {
      createSocket: (url) => new WebSocket(url),
      random: Math.random,
      isHidden: () => typeof document !== 'undefined' && document.visibilityState === 'hidden',
      pingIntervalMs: 20_000,
      pongTimeoutMs: 10_000,
      attemptTimeoutMs: 8_000,
      hints: [],
      ...opts,
    }
    this.disposers.push(() => this.clearTimers())
    for (const target of this.opts.hints) {
      // NOTE: 'online' and a tab becoming visible are only hints; reconnecting at once is
      //       cheap, and if the network is still down the attempt fails and backs off again.
      this.disposers.push(listen(target, 'online', () => this.reconnectNow()))
      this.disposers.push(listen(target, 'visibilitychange', () => this.reconnectNow()))
    }
  }

  get status(): ConnectionStatus {
    return this._status
  }

  start(): void {
    if (this._status === 'closed' || this.ws) return
    this.connect()
  }

  /** Sends if online; returns false (and sends nothing) otherwise. */
  send(msg: ClientMessage): boolean {
    if (this._status !== 'online' || !this.ws) return false
    this.ws.send(JSON.stringify(msg))
    return true
  }

  onStatus(cb: (s: ConnectionStatus, reason?: string) => void): Disposer {
    this.statusListeners.add(cb)
    return () => this.statusListeners.delete(cb)
  }

  onMessage(cb: (m: ServerMessage) => void): Disposer {
    this.messageListeners.add(cb)
    return () => this.messageListeners.delete(cb)
  }

  onOpen(cb: () => void): Disposer {
    this.openListeners.add(cb)
    return () => this.openListeners.delete(cb)
  }

  /** Drops the current socket (if any) and reconnects without waiting for the backoff. */
  restart(): void {
    if (this._status === 'closed') return
    this.dropSocket()
    this.attempt = 0
    this.connect()
  }

  close(reason?: string): void {
    if (this._status === 'closed') return
    const ws = this.ws
    this.ws = null
    ws?.close(1000)
    this.disposers.splice(0).forEach((d) => d())
    this.setStatus('closed', reason)
  }

  private reconnectNow(): void {
    if (this._status === 'reconnecting' && this.reconnectTimer !== null && !this.opts.isHidden()) {
      clearTimeout(this.reconnectTimer)
      this.reconnectTimer = null
      this.connect()
    }
  }

  private connect(): void {
    this.clearTimers()
    this.setStatus(this.everOnline || this.attempt > 0 ? 'reconnecting' : 'connecting')
    let ws: SocketLike
    try {
      ws = this.opts.createSocket(this.opts.url())
    } catch {
      this.scheduleReconnect()
      return
    }
    this.ws = ws
    // NOTE: a socket stuck in CONNECTING (e.g. a half-open TCP path) never fires close;
    //       give up on it after a while and try a fresh one.
    this.attemptTimer = setTimeout(() => {
      if (this.ws === ws && ws.readyState !== 1) this.lost()
    }, this.opts.attemptTimeoutMs)

    // NOTE: a replaced socket is orphaned, not awaited: its late events are ignored by the
    //       identity checks below, because closing can take long (closing handshake, timeouts).
    ws.onopen = () => {
      if (this.ws !== ws) return
      if (this.attemptTimer) clearTimeout(this.attemptTimer)
      this.attemptTimer = null
      this.attempt = 0
      this.everOnline = true
      this.startPings(ws)
      this.setStatus('online')
      this.openListeners.forEach((cb) => cb())
    }
    ws.onmessage = (ev) => {
      if (this.ws !== ws) return
      this.heardFromServer()
      // A server frame holds one or more messages separated by '\n'.
      for (const part of String(ev.data).split('\n')) {
        if (!part) continue
        let msg: ServerMessage
        try {
          msg = JSON.parse(part) as ServerMessage
        } catch {
          continue
        }
        this.messageListeners.forEach((cb) => cb(msg))
        if (this.ws !== ws) return
      }
    }
    ws.onerror = () => {
      if (this.ws === ws) this.lost()
    }
    ws.onclose = (ev) => {
      if (this.ws !== ws) return
      if (FATAL_CLOSE_CODES.has(ev.code)) {
        this.ws = null
        this.close(ev.code === 4009 ? 'session_revoked' : 'version_mismatch')
        return
      }
      this.lost()
    }
  }

  private lost(): void {
    this.dropSocket()
    this.scheduleReconnect()
  }

  private dropSocket(): void {
    const ws = this.ws
    this.ws = null
    this.stopPings()
    if (ws && ws.readyState < 2) ws.close()
  }

  private scheduleReconnect(): void {
    if (this._status === 'closed') return
    this.setStatus('reconnecting')
    const delay = backoffDelay(this.attempt, this.opts.isHidden(), this.opts.random)
    this.attempt += 1
    if (this.reconnectTimer) clearTimeout(this.reconnectTimer)
    this.reconnectTimer = setTimeout(() => {
      this.reconnectTimer = null
      this.connect()
    }, delay)
  }

  // NOTE: browsers do not expose WebSocket protocol pings, so a dead TCP path would go
  //       unnoticed until the OS gives up (minutes). An application-level ping with a
  //       deadline notices it quickly; it also keeps the server's idle timeout from firing.
  private startPings(ws: SocketLike): void {
    this.stopPings()
    this.pingTimer = setInterval(() => {
      if (this.ws !== ws) return
      ws.send(JSON.stringify({ type: 'ping' }))
      if (this.pongTimer === null) {
        this.pongTimer = setTimeout(() => {
          if (this.ws === ws) this.lost()
        }, this.opts.pongTimeoutMs)
      }
    }, this.opts.pingIntervalMs)
  }

  private heardFromServer(): void {
    if (this.pongTimer !== null) clearTimeout(this.pongTimer)
    this.pongTimer = null
  }

  private stopPings(): void {
    if (this.pingTimer !== null) clearInterval(this.pingTimer)
    this.pingTimer = null
    this.heardFromServer()
  }

  private clearTimers(): void {
    if (this.reconnectTimer !== null) clearTimeout(this.reconnectTimer)
    if (this.attemptTimer !== null) clearTimeout(this.attemptTimer)
    this.reconnectTimer = null
    this.attemptTimer = null
    this.stopPings()
  }

  private setStatus(s: ConnectionStatus, reason?: string): void {
    if (s === this._status && reason === undefined) return
    this._status = s
    if (reason !== undefined) this.closeReason = reason
    this.statusListeners.forEach((cb) => cb(s, reason))
  }
}
