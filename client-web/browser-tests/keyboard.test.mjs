// Keyboard use in a busy room: the message list is one Tab stop (arrow keys move between
// messages, Enter reaches a message's actions), so the composer is a few Tabs from the
// room list, and opening a room puts the caret in its box.
import assert from 'node:assert/strict'
import { test } from 'node:test'
import {
  ADMIN,
  checkA11yBothThemes,
  createRoom,
  login,
  messageAction,
  newPage,
  useServerAndBrowser,
  waitFor,
} from './harness.mjs'
import { seedMessages } from './seed.mjs'

let busy
const fx = useServerAndBrowser({}, async ({ browser }) => {
  const ada = await newPage(browser)
  await login(ada, fx.server.url, ADMIN.email, ADMIN.password)
  await createRoom(ada, 'Quiet corner')
  busy = await createRoom(ada, 'Busy room')
  await seedMessages(
    ada,
    busy,
    Array.from({ length: 200 }, (_, i) => `Message ${i + 1} of the busy room`),
  )
  await ada.context().close()
})

const active = (page) =>
  page.evaluate(() => {
    const el = document.activeElement
    return {
      tag: el?.tagName.toLowerCase(),
      seq: el?.getAttribute('data-seq'),
      emoji: el?.getAttribute('data-emoji'),
      pressed: el?.getAttribute('aria-pressed'),
      text: (el?.querySelector('.md') ?? el)?.textContent?.trim().slice(0, 60),
    }
  })

test('from the room list to the composer in at most 5 Tabs in a room of 200 messages', async () => {
  const page = await newPage(fx.browser)
  await login(page, fx.server.url, ADMIN.email, ADMIN.password)
  const link = page.locator('.sidebar').getByRole('link', { name: /Busy room/ })
  await link.focus()
  await page.keyboard.press('Enter')
  await page.getByRole('heading', { level: 1, name: 'Busy room' }).waitFor()
  await page.locator('.message-list > li.message').last().waitFor()
  await waitFor(async () => (await active(page)).tag === 'textarea', 'focus in the composer')

  await link.focus()
  let tabs = 0
  while ((await active(page)).tag !== 'textarea' && tabs < 50) {
    await page.keyboard.press('Tab')
    tabs++
  }
  assert.ok(tabs <= 5, `${tabs} Tabs from the room link to the composer`)

  // Back into the list: the newest message; Up moves to the one before.
  await page.keyboard.press('Shift+Tab')
  const last = await active(page)
  assert.equal(last.tag, 'li')
  assert.match(last.text, /Message 200 of the busy room/)
  await page.keyboard.press('ArrowUp')
  assert.match((await active(page)).text, /Message 199 of the busy room/)

  // Enter reaches its actions; Space on a reaction keeps the focus on it.
  await page.keyboard.press('Enter')
  const first = await active(page)
  assert.equal(first.tag, 'button')
  assert.equal(first.emoji, '👍')
  await page.keyboard.press('Space')
  await waitFor(async () => (await active(page)).pressed === 'true', 'the reaction is on')
  assert.equal((await active(page)).emoji, '👍', 'focus stays on the reaction')
  await page.keyboard.press('ArrowRight')
  assert.equal((await active(page)).emoji, '❤️')
  await page.keyboard.press('Escape')
  assert.match((await active(page)).text, /Message 199 of the busy room/)

  // The list's Tab stop is now that message; the composer is one Tab on.
  await page.keyboard.press('Tab')
  assert.equal((await active(page)).tag, 'textarea')
  assert.deepEqual(page.errors, [])
  await page.context().close()
})

test('shortcuts: "?" lists them; Alt+↓ / Alt+↑ switch rooms; Up in the empty box edits', async () => {
  const page = await newPage(fx.browser)
  await login(page, fx.server.url, ADMIN.email, ADMIN.password)
  await page
    .locator('.sidebar')
    .getByRole('link', { name: /Busy room/ })
    .click()
  await page.getByRole('heading', { level: 1, name: 'Busy room' }).waitFor()
  await waitFor(async () => (await active(page)).tag === 'textarea', 'focus in the composer')

  // In the box "?" is typed; elsewhere it opens the help.
  await page.keyboard.press('Shift+Tab')
  await page.keyboard.press('?')
  const help = page.getByRole('dialog', { name: 'Keyboard shortcuts' })
  await help.waitFor()
  for (const what of ['Next room', 'Previous room', 'edit your last message', 'Show these'])
    assert.match(await help.innerText(), new RegExp(what))
  await checkA11yBothThemes(page, 'shortcuts dialog')
  await page.keyboard.press('Escape')
  await help.waitFor({ state: 'hidden' })

  // Alt+↓ and Alt+↑ work from the message box too.
  await page.getByRole('combobox', { name: 'Message', exact: true }).focus()
  await page.keyboard.press('Alt+ArrowDown')
  await page.getByRole('heading', { level: 1, name: 'Quiet corner' }).waitFor()
  await waitFor(async () => (await active(page)).tag === 'textarea', 'focus in the composer')
  await page.keyboard.type('Meeting at 10')
  await page.keyboard.press('Enter')
  await page
    .locator('.message-list > li.message:not(.pending)')
    .filter({ hasText: 'Meeting at 10' })
    .waitFor()
  await page.keyboard.press('ArrowUp')
  await page.locator('.composer-mode').filter({ hasText: 'Editing' }).waitFor()
  const box = page.getByRole('combobox', { name: 'Message', exact: true })
  assert.equal(await box.inputValue(), 'Meeting at 10')
  await box.fill('Meeting at 11')
  await box.press('Enter')
  await page.locator('.message-list > li.message').filter({ hasText: 'Meeting at 11' }).waitFor()
  await page.keyboard.press('Alt+ArrowUp')
  await page.getByRole('heading', { level: 1, name: 'Busy room' }).waitFor()
  assert.deepEqual(page.errors, [])
  await page.context().close()
})

test('a link to a message: copied from its toolbar, it opens the room at that message', async () => {
  const page = await newPage(fx.browser)
  await page.context().grantPermissions(['clipboard-read', 'clipboard-write'], {
    origin: fx.server.url,
  })
  await login(page, fx.server.url, ADMIN.email, ADMIN.password)
  await page.goto(`${fx.server.url}/rooms/${busy}`)
  const newest = page.locator('.message-list > li.message').filter({ hasText: 'Message 200 of' })
  await (await messageAction(newest, 'Copy link')).click()
  await newest.getByRole('status').filter({ hasText: 'Link copied' }).waitFor()
  const url = await page.evaluate(() => navigator.clipboard.readText())
  const seq = Number(await newest.getAttribute('data-seq'))
  assert.equal(url, `${fx.server.url}/rooms/${busy}?msg=${seq}`)

  // Message 5 is four pages back: they load until it is in, and it has the focus.
  await page.goto(url.replace(`msg=${seq}`, `msg=${seq - 195}`))
  await waitFor(
    async () => /Message 5 of the busy room/.test((await active(page)).text ?? ''),
    'the linked message focused',
  )
  assert.match(await page.locator('li.message.targeted').innerText(), /Message 5 of the busy room/)
  // A link to a message that is not there says so.
  await page.goto(`${fx.server.url}/rooms/${busy}?msg=${seq + 1000}`)
  await page.getByRole('status').filter({ hasText: 'not here any more' }).waitFor()
  await page.context().close()
})
