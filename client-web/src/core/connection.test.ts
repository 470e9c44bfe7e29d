import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import {
  ACTIVE_MAX_DELAY,
  backoffDelay,
  Connection,
  type ConnectionStatus,
  type SocketLike,
} from './connection'

class FakeSocket implements SocketLike {
  static all: FakeSocket[] = []
  readyState = 0
  sent: string[] = []
  closed = false
  onopen: ((ev: Event) => void) | null = null
  onclose: ((ev: CloseEvent) => void) | null = null
  onerror: ((ev: Event) => void) | null = null
  onmessage: ((ev: MessageEvent) => void) | null = null
  constructor(readonly url: string) {
    FakeSocket.all.push(this)
  }
  send(data: string) {
    this.sent.push(data)
  }
  close() {
    this.closed = true
    this.readyState = 3
  }
  open() {
    this.readyState = 1
    this.onopen?.(new Event('open'))
  }
  receive(data: string) {
    this.onmessage?.({ data } as MessageEvent)
  }
  drop(code = 1006) {
    this.readyState = 3
    this.onclose?.({ code } as CloseEvent)
  }
}

function make(random = () => 0.5) {
  const statuses: ConnectionStatus[] = []
  const messages: unknown[] = []
  const conn = new Connection({
    url: () => 'ws://test/ws',
    createSocket: (u) => new FakeSocket(u),
    random,
    isHidden: () => false,
  })
  conn.onStatus((s) => statuses.push(s))
  conn.onMessage((m) => messages.push(m))
  return { conn, statuses, messages }
}

const last = () => FakeSocket.all[FakeSocket.all.length - 1]

describe('backoffDelay', () => {
  it('grows exponentially, stays under the cap, and is jittered', () => {
    expect(backoffDelay(0, false, () => 0)).toBe(125)
    expect(backoffDelay(0, false, () => 1)).toBe(250)
    expect(backoffDelay(3, false, () => 1)).toBe(2000)
    expect(backoffDelay(50, false, () => 1)).toBe(ACTIVE_MAX_DELAY)
    expect(backoffDelay(0, true, () => 1)).toBeGreaterThan(backoffDelay(0, false, () => 1))
  })
})

describe('Connection', () => {
  beforeEach(() => {
    vi.useFakeTimers()
    FakeSocket.all = []
  })
  afterEach(() => vi.useRealTimers())

  it('goes connecting -> online and splits frames on newlines', () => {
    const { conn, statuses, messages } = make()
    conn.start()
    expect(conn.status).toBe('connecting')
    last().open()
    expect(statuses).toEqual(['online'])
    last().receive('{"type":"pong"}\n{"type":"synced","streams":{}}')
    expect(messages).toEqual([{ type: 'pong' }, { type: 'synced', streams: {} }])
  })

  it('reconnects with backoff after a loss and ignores the orphaned socket', () => {
    const { conn, statuses, messages } = make()
    conn.start()
    const first = last()
    first.open()
    first.drop()
    expect(conn.status).toBe('reconnecting')
    expect(FakeSocket.all).toHaveLength(1)
    vi.advanceTimersByTime(backoffDelay(0, false, () => 0.5))
    expect(FakeSocket.all).toHaveLength(2)
    // Late events from the replaced socket change nothing.
    first.receive('{"type":"pong"}')
    first.drop()
    expect(messages).toEqual([])
    last().open()
    expect(statuses).toEqual(['online', 'reconnecting', 'online'])
  })

  it('backs off further on each failed attempt and resets after success', () => {
    const { conn } = make(() => 1)
    conn.start()
    last().drop()
    vi.advanceTimersByTime(249)
    expect(FakeSocket.all).toHaveLength(1)
    vi.advanceTimersByTime(1)
    expect(FakeSocket.all).toHaveLength(2)
    last().drop()
    vi.advanceTimersByTime(499)
    expect(FakeSocket.all).toHaveLength(2)
    vi.advanceTimersByTime(1)
    expect(FakeSocket.all).toHaveLength(3)
    last().open()
    last().drop()
    vi.advanceTimersByTime(250)
    expect(FakeSocket.all).toHaveLength(4)
  })

  it('restarts a connection whose pings go unanswered', () => {
    const { conn } = make()
    conn.start()
    last().open()
    vi.advanceTimersByTime(20_000)
    expect(last().sent).toContain('{"type":"ping"}')
    vi.advanceTimersByTime(10_000)
    expect(conn.status).toBe('reconnecting')
    expect(FakeSocket.all[0].closed).toBe(true)
  })

  it('stops for good on a revoked session and on close()', () => {
    const { conn, statuses } = make()
    conn.start()
    last().open()
    last().drop(4009)
    expect(conn.status).toBe('closed')
    expect(conn.closeReason).toBe('session_revoked')
    vi.advanceTimersByTime(60_000)
    expect(FakeSocket.all).toHaveLength(1)
    expect(statuses[statuses.length - 1]).toBe('closed')
  })

  it('only sends while online', () => {
    const { conn } = make()
    conn.start()
    expect(conn.send({ type: 'ping' })).toBe(false)
    last().open()
    expect(conn.send({ type: 'ping' })).toBe(true)
    conn.close()
    expect(conn.send({ type: 'ping' })).toBe(false)
  })
})
