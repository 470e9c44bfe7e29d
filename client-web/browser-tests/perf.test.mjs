import assert from 'node:assert/strict'
import { readdirSync, readFileSync, writeFileSync, mkdirSync } from 'node:fs'
import { join } from 'node:path'
import { test } from 'node:test'
import { gzipSync } from 'node:zlib'
import { clientDir, newPage, useServerAndBrowser } from './harness.mjs'

const fx = useServerAndBrowser()

test('first load transfers at most 120 KB (precompressed, by Accept-Encoding) and loads fast', async () => {
  const dist = join(clientDir, 'dist')
  const files = [
    'index.html',
    ...readdirSync(join(dist, 'assets'))
      .filter((f) => !/\.(br|gz)$/.test(f))
      // Not the emoji picker's chunk and data: they load when it is first opened.
      .filter((f) => !/^(picker-.*\.js|data-.*\.json)$/.test(f))
      .map((f) => `assets/${f}`),
  ]
  const gzip = files.reduce(
    (n, f) => n + gzipSync(readFileSync(join(dist, f)), { level: 9 }).length,
    0,
  )
  const page = await newPage(fx.browser)
  // What the first load transfers: every response's body as it came over the wire.
  const responses = []
  page.on('response', (r) => responses.push(r))
  const res = await page.goto(`${fx.server.url}/login`)
  const asset = files.find((f) => f.endsWith('.js'))
  const assetRes = await page.request.get(`${fx.server.url}/${asset}`)
  assert.equal(assetRes.headers()['cache-control'], 'public, max-age=31536000, immutable')
  assert.equal(res.headers()['cache-control'], 'no-cache')
  await page.getByRole('heading', { name: 'Log in' }).waitFor()
  const timing = await page.evaluate(() => {
    const [nav] = performance.getEntriesByType('navigation')
    return {
      domContentLoaded: Math.round(nav.domContentLoadedEventEnd),
      load: Math.round(nav.loadEventEnd),
      firstScreen: Math.round(performance.now()),
    }
  })
  let transferred = 0
  for (const r of responses) transferred += (await r.request().sizes()).responseBodySize
  const script = responses.find((r) => r.url().endsWith('.js'))
  assert.equal(await script.headerValue('content-encoding'), 'br')
  assert.equal(await script.headerValue('vary'), 'Accept-Encoding')
  const report = { gzipBytes: gzip, transferredBytes: transferred, ...timing }
  mkdirSync(join(clientDir, 'test-results'), { recursive: true })
  writeFileSync(join(clientDir, 'test-results', 'perf.json'), JSON.stringify(report, null, 2))
  console.log(
    `client gzip ${(gzip / 1024).toFixed(1)} KiB; first load transferred ${(transferred / 1024).toFixed(1)} KiB; load ${timing.load} ms; login screen shown after ${timing.firstScreen} ms`,
  )
  assert.ok(gzip < 200 * 1024)
  assert.ok(transferred > 10 * 1024, `${transferred} bytes: the client was loaded`)
  assert.ok(transferred <= 120 * 1000, `first load transferred ${transferred} bytes (≤ 120 KB)`)
})
