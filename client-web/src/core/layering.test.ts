// The client's layering, as the server's: a file under core/ never imports a feature (each
// feature adds its folder under features/ and its line in app/), and a feature imports no
// other feature.
import { readdirSync, readFileSync } from 'node:fs'
import { dirname, join, relative, resolve } from 'node:path'
import { fileURLToPath } from 'node:url'
import { describe, expect, it } from 'vitest'

const src = resolve(dirname(fileURLToPath(import.meta.url)), '..')

function files(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) =>
    e.isDirectory() ? files(join(dir, e.name)) : /\.tsx?$/.test(e.name) ? [join(dir, e.name)] : [],
  )
}

/** The src-relative paths a file imports (relative specifiers only). */
function imports(file: string): string[] {
  const text = readFileSync(file, 'utf8')
  const specs = [...text.matchAll(/(?:from|import|declare module)\s*\(?\s*'(\.[^']+)'/g)]
  return specs.map((m) => relative(src, resolve(dirname(file), m[1])))
}

describe('layering', () => {
  it('finds the files it checks', () => {
    expect(files(join(src, 'core')).length).toBeGreaterThan(10)
    expect(files(join(src, 'features')).length).toBeGreaterThan(10)
  })

  it('core imports no feature', () => {
    const bad = files(join(src, 'core')).flatMap((f) =>
      imports(f)
        .filter((i) => i.startsWith('features') || i.startsWith('app'))
        .map((i) => `${relative(src, f)} -> ${i}`),
    )
    expect(bad).toEqual([])
  })

  it('a feature imports no other feature', () => {
    const bad = files(join(src, 'features')).flatMap((f) => {
      const own = relative(src, f).split('/')[1]
      return imports(f)
        .filter((i) => i.startsWith('features/') && i.split('/')[1] !== own)
        .map((i) => `${relative(src, f)} -> ${i}`)
    })
    expect(bad).toEqual([])
  })
})
