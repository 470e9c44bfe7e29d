import { describe, expect, it } from 'vitest'
import type { ClientMessage, ServerMessage } from './protocol'
import { RequestError, Session } from './session'

function setup(online = true) {
  const sent: (ClientMessage & { rid: string })[] = []
  const session = new Session((m) => {
    if (online) sent.push(m)
    return online
  })
  return { sent, session }
}
const pong = (rid: string): ServerMessage => ({ type: 'pong', rid })

describe('Session', () => {
  it('gives each request its own rid and settles each by its own answer, in any order', async () => {
    const { sent, session } = setup()
    const a = session.request({ type: 'ping' })
    const b = session.request({ type: 'unsubscribe', stream: 4 })
    expect(new Set(sent.map((m) => m.rid)).size).toBe(2)
    expect(session.answer({ type: 'unsubscribed', rid: sent[1].rid, stream: 4 })).toBe(true)
    expect(session.answer(pong(sent[0].rid))).toBe(true)
    await expect(b).resolves.toMatchObject({ type: 'unsubscribed', stream: 4 })
    await expect(a).resolves.toMatchObject({ type: 'pong' })
    expect(session.pending).toBe(0)
  })

  it('rejects on an error answer with its code and message', async () => {
    const { sent, session } = setup()
    const p = session.request({ type: 'subscribe', stream: 9 })
    session.answer({ type: 'error', rid: sent[0].rid, code: 'forbidden', message: 'no' })
    await expect(p).rejects.toEqual(new RequestError('forbidden', 'no'))
    await expect(p).rejects.toMatchObject({ code: 'forbidden' })
  })

  it('ignores unknown, missing and repeated rids', () => {
    const { sent, session } = setup()
    const replies: ServerMessage[] = []
    session.call({ type: 'ping' }, (m) => replies.push(m))
    expect(session.answer(pong('r999'))).toBe(false)
    expect(session.answer({ type: 'synced', streams: {} })).toBe(false)
    expect(session.answer({ type: 'pong', rid: sent[0].rid })).toBe(true)
    expect(session.answer({ type: 'pong', rid: sent[0].rid })).toBe(false)
    expect(replies).toHaveLength(1)
  })

  it('fails what is open when the connection drops; a late answer then matches nothing', async () => {
    const { sent, session } = setup()
    const p = session.request({ type: 'ping' })
    const replies: ServerMessage[] = []
    session.call({ type: 'ping' }, (m) => replies.push(m))
    session.dropAll()
    await expect(p).rejects.toMatchObject({ code: 'offline' })
    expect(session.answer(pong(sent[0].rid))).toBe(false)
    expect(session.answer(pong(sent[1].rid))).toBe(false)
    expect(replies).toEqual([])
    expect(session.pending).toBe(0)
  })

  it('a request that cannot be sent fails at once and leaves nothing open', async () => {
    const { session } = setup(false)
    await expect(session.request({ type: 'ping' })).rejects.toMatchObject({ code: 'offline' })
    expect(session.call({ type: 'ping' }, () => {})).toBe(false)
    expect(session.pending).toBe(0)
  })
})
