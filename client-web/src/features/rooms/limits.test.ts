import { describe, expect, it } from 'vitest'
import { DEFAULT_MAX_TEXT_CHARS, overLimit, postLimits, textLength } from './limits'

describe('post limits', () => {
  it('reads welcome.limits, with defaults for what is missing or odd', () => {
    expect(postLimits({ max_text_chars: 500, max_frame_bytes: 4096 })).toEqual({
      maxTextChars: 500,
      maxFrameBytes: 4096,
    })
    expect(postLimits({ max_text_chars: -1 }).maxTextChars).toBe(DEFAULT_MAX_TEXT_CHARS)
  })

  it('counts code points, as the server does', () => {
    expect(textLength('abc')).toBe(3)
    expect(textLength('👍👍')).toBe(2) // 4 UTF-16 units
    expect(textLength('')).toBe(0)
  })

  it('is over at one character past the limit, not at it', () => {
    const limits = { maxTextChars: 10, maxFrameBytes: 65_536 }
    expect(overLimit('a'.repeat(10), limits)).toBe(false)
    expect(overLimit('a'.repeat(11), limits)).toBe(true)
    expect(overLimit('👍'.repeat(10), limits)).toBe(false)
  })

  it('is over when the frame would be too large, even within the character limit', () => {
    const limits = { maxTextChars: 10_000, maxFrameBytes: 8_192 }
    // 2,000 control characters: each is escaped to six bytes in JSON.
    expect(overLimit('\u0001'.repeat(2_000), limits)).toBe(true)
    expect(overLimit('a'.repeat(2_000), limits)).toBe(false)
  })
})
