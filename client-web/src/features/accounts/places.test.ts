import { describe, expect, it } from 'vitest'
import { countries, isCountry, languages, timeZones } from './places'

describe('profile pickers', () => {
  it('offers every ISO 3166-1 country once, named in the reader’s language', () => {
    const de = countries('de')
    expect(de).toHaveLength(249)
    expect(new Set(de.map((c) => c.code)).size).toBe(249)
    expect(de.find((c) => c.code === 'FI')?.name).toBe('Finnland')
    expect(countries('it').find((c) => c.code === 'FI')?.name).toBe('Finlandia')
    expect(isCountry('FI')).toBe(true)
    expect(isCountry('SUOMI')).toBe(false)
  })

  it('names languages and keeps one the user already has', () => {
    const fi = languages('fi')
    expect(fi.find((l) => l.code === 'fi')?.name).toBe('suomi')
    expect(languages('en', ['rm']).some((l) => l.code === 'rm')).toBe(true)
  })

  it('lists IANA time zones with UTC and the user’s own', () => {
    const zones = timeZones('Europe/Helsinki')
    expect(zones).toContain('UTC')
    expect(zones).toContain('Europe/Helsinki')
    expect(zones).toEqual([...zones].sort())
  })
})
