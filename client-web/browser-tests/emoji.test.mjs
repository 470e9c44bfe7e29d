// The full emoji picker: loaded only when first opened (perf.test.mjs measures the first
// load without it), usable with the mouse and with the keyboard alone, in the reader's
// language, axe-clean; the other member sees the reaction live, with who gave it.
import assert from 'node:assert/strict'
import { test } from 'node:test'
import {
  ADMIN,
  checkA11y,
  createRoom,
  inviteAndRegister,
  login,
  messageAction,
  newPage,
  openRoom,
  screenshot,
  send,
  useServerAndBrowser,
  waitFor,
  waitForTexts,
} from './harness.mjs'

const BEN = { email: 'ben@partner.example', password: 'another long secret', name: 'Ben' }
let room
let ben
const fx = useServerAndBrowser({}, async ({ browser }) => {
  const ada = await newPage(browser)
  await login(ada, fx.server.url, ADMIN.email, ADMIN.password)
  await createRoom(ada, 'Side room')
  room = await createRoom(ada, 'Celebrations')
  await send(ada, 'Our first apprentices passed their exams!')
  await waitForTexts(ada, ['Our first apprentices passed their exams!'])
  ben = await inviteAndRegister(ada, browser, fx.server.url, BEN)
  await openRoom(ben, fx.server.url, room)
  await ada.context().close()
})

/** Records the URL of every request the page makes. */
function recordRequests(page) {
  const seen = []
  page.on('request', (request) => seen.push({ url: request.url() }))
  return seen
}
const isPicker = (url) => /\/assets\/(picker-[^/]*\.js|data-[^/]*\.json)/.test(url)

test('the picker loads only when opened; a reaction from it reaches the other member', async () => {
  const page = await newPage(fx.browser)
  const transfers = recordRequests(page)
  await login(page, fx.server.url, ADMIN.email, ADMIN.password)
  await openRoom(page, fx.server.url, room)
  assert.deepEqual(
    transfers.filter((t) => isPicker(t.url)),
    [],
    'the picker is not loaded before it is opened',
  )
  const message = page.locator('.message-list > li.message').first()
  await (await messageAction(message, 'More reactions…')).click()
  const search = page.locator('.picker-popover emoji-picker input.search')
  await search.waitFor()
  await waitFor(async () => transfers.some((t) => isPicker(t.url)), 'the picker loaded')
  await search.fill('rocket')
  await page
    .locator('.picker-popover emoji-picker #search-results')
    .getByText('🚀', { exact: true })
    .click()
  await page.locator('.picker-popover').waitFor({ state: 'detached' })
  await message.getByRole('button', { name: /^🚀 from 1: Ada/ }).waitFor()
  // Ben sees it live, and who gave it.
  const bens = ben.locator('.message-list > li.message').first()
  await bens.getByRole('button', { name: '🚀 from 1: Ada' }).waitFor()
  assert.equal(await bens.locator('button[data-emoji="🚀"]').getAttribute('title'), 'Ada')
  assert.deepEqual(page.errors, [])
  await page.context().close()
})

for (const viewport of [
  { width: 1280, height: 800 },
  { width: 375, height: 812 },
]) {
  test(`the picker in Finnish, light and dark, axe-clean (${viewport.width} px)`, async () => {
    for (const colorScheme of ['light', 'dark']) {
      const page = await newPage(fx.browser, { ...viewport, colorScheme })
      await login(page, fx.server.url, ADMIN.email, ADMIN.password)
      await page.locator('#lang-app').selectOption('fi')
      await page.locator('.sidebar .room-link').filter({ hasText: 'Celebrations' }).click()
      const message = page.locator('.message-list > li.message').first()
      await message.waitFor()
      await (await messageAction(message, 'Lisää reaktioita…')).click()
      const search = page.locator('.picker-popover emoji-picker input.search')
      await search.waitFor()
      assert.equal(await search.getAttribute('placeholder'), 'Hae')
      await page.locator('.picker-popover emoji-picker [role="menuitem"]').first().waitFor()
      await checkA11y(page, `emoji picker, ${colorScheme}, ${viewport.width} px`)
      await screenshot(page, `emoji-picker-${colorScheme}-${viewport.width}`)
      await page.keyboard.press('Escape')
      await page.locator('.picker-popover').waitFor({ state: 'detached' })
      await page.context().close()
    }
  })
}

test('keyboard alone: log in, switch rooms, react with the picker, post', async () => {
  const page = await newPage(fx.browser)
  await page.goto(`${fx.server.url}/login`)
  const active = () =>
    page.evaluate(() => {
      let el = document.activeElement
      while (el?.shadowRoot?.activeElement) el = el.shadowRoot.activeElement
      return {
        tag: el?.tagName.toLowerCase(),
        cls: el?.getAttribute('class') ?? '',
        label: el?.getAttribute('aria-label') ?? '',
        text: el?.textContent?.trim().slice(0, 60),
      }
    })
  const tabTo = async (matches, what, max = 40) => {
    for (let i = 0; i < max; i++) {
      await page.keyboard.press('Tab')
      if (matches(await active())) return
    }
    throw new Error(`Tab never reached ${what}`)
  }
  await tabTo((a) => a.tag === 'input', 'the e-mail field')
  await page.keyboard.type(BEN.email)
  await page.keyboard.press('Tab')
  await page.keyboard.type(BEN.password)
  await page.keyboard.press('Enter')
  await page.getByRole('heading', { name: 'Rooms' }).first().waitFor()
  await page.locator('.conn[data-status="online"]').waitFor({ state: 'attached' })
  // Switch rooms: the room link, Enter; the caret lands in the room's box.
  await tabTo((a) => a.text?.startsWith('Celebrations'), 'the room link')
  await page.keyboard.press('Enter')
  await page.getByRole('heading', { level: 1, name: 'Celebrations' }).waitFor()
  await waitFor(async () => (await active()).tag === 'textarea', 'focus in the composer')
  // Into the list (the newest message), Enter to its toolbar, on to "More reactions".
  await page.keyboard.press('Shift+Tab')
  assert.equal((await active()).tag, 'li')
  await page.keyboard.press('Enter')
  for (let i = 0; i < 8 && !(await active()).cls.includes('more-reactions'); i++)
    await page.keyboard.press('ArrowRight')
  assert.match((await active()).cls, /more-reactions/)
  await page.keyboard.press('Enter')
  await waitFor(async () => (await active()).tag === 'input', 'focus in the picker search')
  await page.keyboard.type('tada')
  await page
    .locator('.picker-popover emoji-picker #search-results [role="option"]')
    .first()
    .waitFor()
  await page.keyboard.press('ArrowDown')
  await page.keyboard.press('Enter')
  await page.locator('.picker-popover').waitFor({ state: 'detached' })
  const message = page.locator('.message-list > li.message').first()
  await message.getByRole('button', { name: /^🎉 from 1: Ben/ }).waitFor()
  assert.equal((await active()).tag, 'li', 'the focus is back on the message')
  await page.keyboard.press('Tab')
  assert.equal((await active()).tag, 'textarea')
  await page.keyboard.type('Congratulations, typed with the keyboard only')
  await page.keyboard.press('Enter')
  await waitForTexts(page, [
    'Our first apprentices passed their exams!',
    'Congratulations, typed with the keyboard only',
  ])
  assert.deepEqual(page.errors, [])
  await page.context().close()
})

test(':shortcode: completion in the composer, and a typed :code: becomes its emoji', async () => {
  const page = await newPage(fx.browser)
  await login(page, fx.server.url, ADMIN.email, ADMIN.password)
  await openRoom(page, fx.server.url, room)
  const box = page.getByRole('combobox', { name: 'Message', exact: true })
  await box.pressSequentially('Well done :tad')
  const list = page.getByRole('listbox', { name: 'Emoji for the code you are typing' })
  await list.getByRole('option', { name: '🎉 :tada:' }).waitFor()
  assert.equal(await box.getAttribute('aria-expanded'), 'true')
  await checkA11y(page, 'emoji completion')
  await box.press('Enter')
  await waitFor(async () => (await box.inputValue()) === 'Well done 🎉 ', 'the emoji inserted')
  // Typed in full, the code is converted when its colon closes; times stay as they are.
  await box.pressSequentially('at 10:30 :+1:')
  await waitFor(
    // (The data's thumbs up carries the emoji presentation selector, U+FE0F.)
    async () => (await box.inputValue()).replace(/\uFE0F/g, '') === 'Well done 🎉 at 10:30 👍',
    'the closed code converted',
  )
  await box.press('Enter')
  await page
    .locator('.message-list')
    .getByText(/Well done 🎉 at 10:30 👍/)
    .waitFor()
  assert.deepEqual(page.errors, [])
  await page.context().close()
})
