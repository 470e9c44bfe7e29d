import { describe, expect, it } from 'vitest'
import { mentionCandidates, mentionedIds } from './mentions'

describe('mentions', () => {
  it('offers matching members but not oneself', () => {
    const ms = [1, 2].map((u) => ({
      user: u,
      display_name: u === 1 ? 'Ada' : 'Ben',
      institution: '',
      country: '',
      role: 'member' as const,
      online: true,
    }))
    expect(mentionCandidates(ms, 'b', 1).map((m) => m.user)).toEqual([2])
  })
  it('keeps only mentions still in the text', () => {
    expect(
      mentionedIds(
        'hi @Ben',
        new Map([
          [2, 'Ben'],
          [3, 'Cy'],
        ]),
      ),
    ).toEqual([2])
  })
})
