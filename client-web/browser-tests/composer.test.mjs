// The composer keeps what is written: a draft per room survives switching rooms and
// reloading; a message over the limit stays in the box with the reason; a post the server
// refuses says why and can be sent again.
import assert from 'node:assert/strict'
import { test } from 'node:test'
import {
  ADMIN,
  createRoom,
  login,
  messageTexts,
  newPage,
  openRoom,
  useServerAndBrowser,
  waitForTexts,
} from './harness.mjs'

// A low text limit, and one post a second, to reach both refusals quickly.
const fx = useServerAndBrowser({
  extra: ['--max-text-chars', '40', '--messages-per-second', '1', '--messages-burst', '1'],
})

test('a draft survives a room switch and a reload, and is gone once sent', async () => {
  const page = await newPage(fx.browser)
  await login(page, fx.server.url, ADMIN.email, ADMIN.password)
  const first = await createRoom(page, 'Assessment criteria')
  await createRoom(page, 'Placements')
  const box = page.getByRole('combobox', { name: 'Message', exact: true })
  const roomLink = (name) => page.locator('.sidebar').getByRole('link', { name: new RegExp(name) })

  await openRoom(page, fx.server.url, first)
  await box.fill('Half a thought on **rubrics**')
  await roomLink('Placements').click()
  await page.getByRole('heading', { level: 1, name: 'Placements' }).waitFor()
  assert.equal(await box.inputValue(), '', 'another room has its own (empty) draft')
  await box.fill('A note for placements')

  await roomLink('Assessment criteria').click()
  await page.getByRole('heading', { level: 1, name: 'Assessment criteria' }).waitFor()
  assert.equal(await box.inputValue(), 'Half a thought on **rubrics**')

  await page.reload()
  await box.waitFor()
  assert.equal(await box.inputValue(), 'Half a thought on **rubrics**', 'kept across a reload')

  await box.press('Enter')
  await waitForTexts(page, ['Half a thought on rubrics'])
  assert.equal(await box.inputValue(), '')
  await page.reload()
  await box.waitFor()
  await waitForTexts(page, ['Half a thought on rubrics'])
  assert.equal(await box.inputValue(), '', 'a sent draft does not come back')
  assert.deepEqual(await messageTexts(page), ['Half a thought on rubrics'])

  await roomLink('Placements').click()
  await page.getByRole('heading', { level: 1, name: 'Placements' }).waitFor()
  assert.equal(await box.inputValue(), 'A note for placements')
  assert.deepEqual(page.errors, [])
  await page.context().close()
})

test('an over-long message stays in the box with the reason; a refused post survives a reload and can be retried', async () => {
  const page = await newPage(fx.browser)
  await login(page, fx.server.url, ADMIN.email, ADMIN.password)
  const room = await createRoom(page, 'Limits')
  await openRoom(page, fx.server.url, room)
  const box = page.getByRole('combobox', { name: 'Message', exact: true })
  const counter = page.locator('.composer .counter')

  const long = 'Feedback on the placement report, part one!' // 43 characters
  await box.fill(long)
  assert.equal(await counter.innerText(), '43 / 40 characters')
  assert.equal(await box.getAttribute('aria-invalid'), 'true')
  await box.press('Enter')
  await page.getByRole('alert').filter({ hasText: 'too long' }).waitFor()
  assert.equal(await box.inputValue(), long, 'the text stays in the box')
  assert.equal(await page.locator('.message-list > li').count(), 0, 'nothing was sent')

  await box.fill('Feedback on the placement report, part 1') // 40
  assert.equal(await counter.innerText(), '40 / 40 characters')
  assert.equal(await page.getByRole('alert').count(), 0, 'the reason goes once it is short enough')
  await box.press('Enter')
  await box.fill('And part 2')
  await box.press('Enter') // within the second: refused by the rate limit
  const refused = page.locator('li.pending-failed')
  await refused.waitFor()
  assert.match(await refused.innerText(), /Not sent: you are sending too fast/)
  // A reload keeps it, with its reason (the outbox is kept in the browser).
  await page.reload()
  await refused.waitFor()
  assert.match(await refused.innerText(), /And part 2/)
  assert.match(await refused.innerText(), /Not sent: you are sending too fast/)
  await page.waitForTimeout(1100)
  await refused.getByRole('button', { name: 'Retry' }).click()
  await waitForTexts(page, ['Feedback on the placement report, part 1', 'And part 2'])
  assert.equal(await refused.count(), 0)
  assert.deepEqual(page.errors, [])
  await page.context().close()
})
