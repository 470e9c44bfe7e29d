import { describe, expect, it } from 'vitest'
import type { DraftStorage } from './drafts'
import { lastSent, msgEvent, setup } from './fixture'
import { MAX_SAVED_POSTS, SavedOutbox } from './saved-outbox'
import type { ServerMessage } from '../../core/protocol'

function memoryStorage(): DraftStorage & { data: Map<string, string> } {
  const data = new Map<string, string>()
  return {
    data,
    getItem: (k) => data.get(k) ?? null,
    setItem: (k, v) => void data.set(k, v),
    removeItem: (k) => void data.delete(k),
  }
}

describe('the saved outbox', () => {
  it('keeps a refused post, with its reason, across a reload', () => {
    const storage = memoryStorage()
    const first = setup('[]', false, storage)
    first.store.post(1, 'x'.repeat(50), 'en', null, [])
    const sent = lastSent(first.f, 'post')
    first.f.recv({ type: 'error', rid: sent.rid, code: 'text_too_long', message: 'too long' })
    expect(first.store.pendingOf(1)[0].state).toBe('failed')

    const again = setup('[]', false, storage)
    const [p] = again.store.pendingOf(1)
    expect(p).toMatchObject({ cmid: sent.cmid, state: 'failed', error: { code: 'text_too_long' } })
    again.store.discardPending(p.cmid)
    expect(storage.data.size).toBe(0)
  })

  it('sends a post that was not confirmed again after the reload, with the same cmid', () => {
    const storage = memoryStorage()
    const first = setup('[]', false, storage)
    first.store.post(1, 'lost in a reload?', 'en', null, [])
    const sent = lastSent(first.f, 'post')

    const again = setup('[]', false, storage)
    expect(lastSent(again.f, 'post')).toMatchObject({ cmid: sent.cmid, text: 'lost in a reload?' })
    // Its echo confirms it: nothing is kept any more.
    again.f.recv({ ...(msgEvent(1, 'lost in a reload?', sent.cmid) as object) } as ServerMessage)
    expect(again.store.pendingOf(1)).toEqual([])
    expect(storage.data.size).toBe(0)
  })

  it("keeps each user's outbox apart and ignores what is not a post", () => {
    const storage = memoryStorage()
    storage.setItem('praxis.outbox.2', JSON.stringify([{ cmid: 'c', room: 1, text: 'Ben’s' }]))
    storage.setItem('praxis.outbox.1', JSON.stringify([{ cmid: 1 }, 'junk', null]))
    const { store } = setup('[]', false, storage)
    expect(store.pendingOf(1)).toEqual([])
    expect(new SavedOutbox(3, storage).load()).toEqual([])
  })

  it('keeps no more than MAX_SAVED_POSTS', () => {
    const storage = memoryStorage()
    const saved = new SavedOutbox(1, storage)
    const post = (i: number) => ({
      cmid: `c${i}`,
      room: 1,
      text: 't',
      lang: 'en',
      reply_to: null,
      mentions: [],
      state: 'queued' as const,
    })
    saved.save(Array.from({ length: MAX_SAVED_POSTS }, (_, i) => post(i)))
    expect(saved.load()).toHaveLength(MAX_SAVED_POSTS)
    saved.save(Array.from({ length: MAX_SAVED_POSTS + 1 }, (_, i) => post(i)))
    expect(new SavedOutbox(1, storage).load()).toHaveLength(MAX_SAVED_POSTS)
  })
})
