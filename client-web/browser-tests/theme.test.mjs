// Light and dark themes: the system's setting by default, a manual switch kept across
// reloads, and every screen axe-clean in the dark theme too.
import assert from 'node:assert/strict'
import { test } from 'node:test'
import {
  ADMIN,
  checkA11y,
  createRoom,
  login,
  newPage,
  screenshot,
  send,
  useServerAndBrowser,
  waitForTexts,
} from './harness.mjs'

const fx = useServerAndBrowser()
const theme = (page) => page.evaluate(() => document.documentElement.dataset.theme)

for (const viewport of [
  { width: 1280, height: 800 },
  { width: 375, height: 812 },
]) {
  test(`dark theme from the system setting, axe-clean on every screen (${viewport.width} px)`, async () => {
    const page = await newPage(fx.browser, { ...viewport, colorScheme: 'dark' })
    await login(page, fx.server.url, ADMIN.email, ADMIN.password)
    assert.equal(await theme(page), 'dark')
    await checkA11y(page, 'room list, dark')
    await createRoom(page, `Dark room ${viewport.width}`)
    await send(page, 'A message with **bold** and `code`')
    await waitForTexts(page, ['A message with bold and code'])
    await checkA11y(page, 'room, dark')
    await screenshot(page, `dark-room-${viewport.width}`)
    await page.getByRole('button', { name: /^Members/ }).click()
    await page.locator('.members-panel .members-list').waitFor()
    await checkA11y(page, 'members panel, dark')
    // On a phone the room has the whole screen: back to the list, where the top bar is.
    const back = page.getByRole('link', { name: 'Back to rooms' })
    if (await back.isVisible()) await back.click()
    await page.getByRole('link', { name: 'Profile' }).click()
    await page.getByRole('heading', { name: 'Profile settings' }).waitFor()
    await checkA11y(page, 'profile, dark')
    await page.getByRole('link', { name: 'Administration' }).click()
    await page.getByRole('button', { name: 'Create invitation' }).click()
    await page.locator('#invitation-url').waitFor()
    await checkA11y(page, 'admin, dark')
    await screenshot(page, `dark-admin-${viewport.width}`)
    assert.deepEqual(page.errors, [])
    await page.context().close()
  })
}

test('the theme switch overrides the system and is kept across a reload', async () => {
  const page = await newPage(fx.browser, { colorScheme: 'dark' })
  await login(page, fx.server.url, ADMIN.email, ADMIN.password)
  const select = page.getByLabel('Theme', { exact: true })
  assert.equal(await select.inputValue(), 'system')
  await select.selectOption('light')
  assert.equal(await theme(page), 'light')
  await page.reload()
  await page.getByRole('heading', { name: 'Rooms' }).first().waitFor()
  assert.equal(await theme(page), 'light')
  assert.equal(await page.getByLabel('Theme', { exact: true }).inputValue(), 'light')
  await page.getByLabel('Theme', { exact: true }).selectOption('system')
  assert.equal(await theme(page), 'dark')
  const light = await newPage(fx.browser, { colorScheme: 'light' })
  await login(light, fx.server.url, ADMIN.email, ADMIN.password)
  assert.equal(await theme(light), 'light')
  await page.context().close()
  await light.context().close()
})
