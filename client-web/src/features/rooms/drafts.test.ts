import { describe, expect, it } from 'vitest'
import { type DraftStorage, Drafts, MAX_DRAFT_CHARS } from './drafts'

function memory(): DraftStorage & { items: Map<string, string> } {
  const items = new Map<string, string>()
  return {
    items,
    getItem: (k) => items.get(k) ?? null,
    setItem: (k, v) => void items.set(k, v),
    removeItem: (k) => void items.delete(k),
  }
}

describe('Drafts', () => {
  it('keeps one draft per user and room', () => {
    const s = memory()
    const ada = new Drafts(1, s)
    ada.set(10, 'first thoughts')
    ada.set(11, 'other room')
    expect(ada.get(10)).toBe('first thoughts')
    expect(ada.get(11)).toBe('other room')
    expect(new Drafts(2, s).get(10)).toBe('')
    expect(new Drafts(1, s).get(10)).toBe('first thoughts') // after a reload
  })

  it('removes a draft that is emptied or blank', () => {
    const s = memory()
    const d = new Drafts(1, s)
    d.set(10, 'x')
    d.set(10, '  \n')
    expect(d.get(10)).toBe('')
    expect(s.items.size).toBe(0)
  })

  it('does not keep an over-long draft', () => {
    const s = memory()
    const d = new Drafts(1, s)
    d.set(10, 'a'.repeat(MAX_DRAFT_CHARS))
    expect(d.get(10).length).toBe(MAX_DRAFT_CHARS)
    d.set(10, 'a'.repeat(MAX_DRAFT_CHARS + 1))
    expect(d.get(10)).toBe('')
  })

  it('keeps working when storage refuses', () => {
    const refusing: DraftStorage = {
      getItem: () => {
        throw new Error('SecurityError')
      },
      setItem: () => {
        throw new Error('QuotaExceededError')
      },
      removeItem: () => {
        throw new Error('SecurityError')
      },
    }
    const d = new Drafts(1, refusing)
    expect(() => d.set(10, 'text')).not.toThrow()
    expect(d.get(10)).toBe('')
    expect(new Drafts(1, null).get(10)).toBe('')
  })
})
