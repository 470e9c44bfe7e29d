// A draft per room survives switching rooms and reloading, and goes once it is sent.
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

const fx = useServerAndBrowser()

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
