import { describe, expect, it } from 'vitest'
import { closedShortcodeAt, mentionQueryAt, shortcodeQueryAt } from './completion'

describe('completion at the caret', () => {
  it('finds the @word at the caret', () => {
    expect(mentionQueryAt('hi @Be', 6)).toEqual({ start: 3, query: 'Be' })
    expect(mentionQueryAt('mail a@b', 8)).toBeNull()
  })

  it('finds a :code of two characters or more, not times or URLs', () => {
    expect(shortcodeQueryAt('great :sm', 9)).toEqual({ start: 6, query: 'sm' })
    expect(shortcodeQueryAt(':+1', 3)).toEqual({ start: 0, query: '+1' })
    expect(shortcodeQueryAt('great :s', 8)).toBeNull()
    expect(shortcodeQueryAt('at 10:30', 8)).toBeNull()
    expect(shortcodeQueryAt('see https://ex', 14)).toBeNull()
    // Only what ends at the caret counts.
    expect(shortcodeQueryAt('great :smile and', 16)).toBeNull()
  })

  it('finds a closed :code: at the caret', () => {
    expect(closedShortcodeAt('nice :tada:', 11)).toEqual({ start: 5, code: 'tada' })
    expect(closedShortcodeAt('(:+1:', 5)).toEqual({ start: 1, code: '+1' })
    expect(closedShortcodeAt('10:30:', 6)).toBeNull()
    expect(closedShortcodeAt('nice :tada: x', 13)).toBeNull()
  })
})
