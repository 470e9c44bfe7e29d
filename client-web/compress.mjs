// Writes precompressed siblings of the built client (NAME.br, NAME.gz) for praxisd to
// serve by Accept-Encoding: compressed once at build time, at the highest levels, instead
// of on every request. Node's own zlib does both; no package needed.
import { readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { brotliCompressSync, constants, gzipSync } from 'node:zlib'

const dist = join(import.meta.dirname, 'dist')
const COMPRESSIBLE = /\.(html|js|css|svg|json|txt)$/
const MIN_BYTES = 256

function files(dir) {
  return readdirSync(dir).flatMap((name) => {
    const p = join(dir, name)
    return statSync(p).isDirectory() ? files(p) : [p]
  })
}

let raw = 0
let br = 0
for (const file of files(dist).filter((f) => COMPRESSIBLE.test(f))) {
  const body = readFileSync(file)
  if (body.length < MIN_BYTES) continue
  const b = brotliCompressSync(body, {
    params: {
      [constants.BROTLI_PARAM_QUALITY]: 11,
      [constants.BROTLI_PARAM_SIZE_HINT]: body.length,
    },
  })
  writeFileSync(`${file}.br`, b)
  writeFileSync(`${file}.gz`, gzipSync(body, { level: 9 }))
  raw += body.length
  br += b.length
}
console.log(`compressed ${raw} bytes to ${br} (brotli)`)
