import { describe, expect, it } from 'vitest'
import { coreCatalogues, LANGUAGES } from '../core/i18n'
import { FEATURE_CATALOGUES } from './catalogues'

const placeholders = (s: string) => [...s.matchAll(/\{\{(\w+)\}\}/g)].map((m) => m[1]).sort()

const all = [coreCatalogues, ...FEATURE_CATALOGUES]

describe('catalogues', () => {
  all.forEach((feature, n) => {
    for (const { code } of LANGUAGES)
      it(`catalogue ${n} in ${code}: every key, none empty, the same placeholders`, async () => {
        const en = await feature.en()
        const cat = await feature[code]()
        expect(Object.keys(cat).sort()).toEqual(Object.keys(en).sort())
        for (const [key, value] of Object.entries(cat)) {
          expect(value.trim(), key).not.toBe('')
          expect(placeholders(value), key).toEqual(placeholders(en[key]))
        }
      })
  })

  it('no key is in two catalogues', async () => {
    const keys = (await Promise.all(all.map((f) => f.en()))).flatMap((c) => Object.keys(c))
    expect(keys.length).toBe(new Set(keys).size)
  })
})
