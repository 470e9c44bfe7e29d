import { describe, expect, it } from 'vitest'
import { de } from './locales/de'
import { el } from './locales/el'
import { en } from './locales/en'
import { es } from './locales/es'
import { fi } from './locales/fi'
import { fr } from './locales/fr'
import { it as itCatalogue } from './locales/it'

const catalogues = { en, de, el, es, fi, fr, it: itCatalogue }

const placeholders = (s: string) => [...s.matchAll(/\{\{(\w+)\}\}/g)].map((m) => m[1]).sort()

describe('catalogues', () => {
  for (const [code, cat] of Object.entries(catalogues)) {
    it(`${code} has every key, none empty, with the same placeholders`, () => {
      expect(Object.keys(cat).sort()).toEqual(Object.keys(en).sort())
      for (const [key, value] of Object.entries(cat)) {
        expect(value.trim(), key).not.toBe('')
        expect(placeholders(value), key).toEqual(placeholders(en[key as keyof typeof en]))
      }
    })
  }
})
