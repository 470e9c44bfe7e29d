// Notifications: the tab title counts unread messages; a mention or a reply in a room the
// reader is not looking at raises a desktop notification once they allowed them, asked
// with the first mention, from a prompt that says why ("Not now" is remembered).
import assert from 'node:assert/strict'
import { test } from 'node:test'
import {
  ADMIN,
  checkA11yBothThemes,
  createRoom,
  inviteAndRegister,
  login,
  newPage,
  openRoom,
  useServerAndBrowser,
  waitFor,
} from './harness.mjs'
import { exchange } from './seed.mjs'

const BEN = { email: 'ben@partner.example', password: 'another long secret', name: 'Ben' }
let ada, main, side
const fx = useServerAndBrowser({}, async ({ browser }) => {
  ada = await newPage(browser)
  await login(ada, fx.server.url, ADMIN.email, ADMIN.password)
  side = await createRoom(ada, 'Side room')
  main = await createRoom(ada, 'Main room')
  const ben = await inviteAndRegister(ada, browser, fx.server.url, BEN)
  await openRoom(ben, fx.server.url, main)
  await openRoom(ben, fx.server.url, side)
  await ben.context().close()
})

/** Records the notifications the page creates (the real API still runs). */
async function recordNotifications(page) {
  await page.addInitScript(() => {
    const Real = window.Notification
    window.__notes = []
    class Recorded extends Real {
      constructor(title, options) {
        super(title, options)
        window.__notes.push({ title, body: options?.body })
      }
      static get permission() {
        return Real.permission
      }
      static requestPermission() {
        return Real.requestPermission()
      }
    }
    window.Notification = Recorded
  })
}
const notes = (page) => page.evaluate(() => window.__notes)

test('a mention in another room notifies; the title counts what is unread', async () => {
  const page = await newPage(fx.browser)
  await page.context().grantPermissions(['notifications'], { origin: fx.server.url })
  await recordNotifications(page)
  await login(page, fx.server.url, BEN.email, BEN.password)
  await openRoom(page, fx.server.url, side)
  const me = await page.evaluate(async () => (await (await fetch('/api/me')).json()).user.id)
  assert.equal(await page.title(), 'Praxis')

  const [plain, mention] = await exchange(ada, [
    { type: 'post', room: main, text: 'Agenda is out', lang: 'en' },
    { type: 'post', room: main, text: '@Ben could you check it?', lang: 'en', mentions: [me] },
  ])
  assert.equal(plain.type, 'ack')
  assert.equal(mention.type, 'ack')
  await waitFor(async () => (await notes(page)).length === 1, 'one notification')
  assert.deepEqual(await notes(page), [
    { title: 'Ada mentioned you in Main room', body: '@Ben could you check it?' },
  ])
  await waitFor(async () => (await page.title()) === '(2) Praxis', 'two unread in the title')

  // A reply to Ben's message, while he reads another room, notifies too.
  await openRoom(page, fx.server.url, main)
  await waitFor(async () => (await page.title()) === 'Praxis', 'read: no count')
  const [own] = await exchange(page, [{ type: 'post', room: main, text: 'Done', lang: 'en' }])
  await page.locator('.message-list > li.message').filter({ hasText: 'Done' }).waitFor()
  // Switching in the app (no reload): the room read stays loaded.
  await page
    .locator('.sidebar')
    .getByRole('link', { name: /Side room/ })
    .click()
  await page.getByRole('heading', { level: 1, name: 'Side room' }).waitFor()
  await exchange(ada, [
    { type: 'post', room: main, text: 'Thanks!', lang: 'en', reply_to: own.seq },
  ])
  // (The page was loaded afresh since: it recorded nothing before this.)
  await waitFor(async () => (await notes(page)).length === 1, 'a notification of the reply')
  assert.deepEqual(await notes(page), [
    { title: 'Ada replied to you in Main room', body: 'Thanks!' },
  ])
  assert.deepEqual(page.errors, [])
  await page.context().close()
})

test('the prompt comes with the first mention, says why; "Not now" is remembered', async () => {
  const page = await newPage(fx.browser)
  await login(page, fx.server.url, BEN.email, BEN.password)
  const prompt = page.getByRole('region', { name: 'Desktop notifications' })
  assert.equal(await prompt.count(), 0, 'not asked on load')
  const me = await page.evaluate(async () => (await (await fetch('/api/me')).json()).user.id)
  await exchange(ada, [
    { type: 'post', room: main, text: '@Ben one more thing', lang: 'en', mentions: [me] },
  ])
  await prompt.waitFor()
  assert.match(await prompt.innerText(), /mentions you or replies to you/)
  await checkA11yBothThemes(page, 'notification prompt')
  await prompt.getByRole('button', { name: 'Not now' }).click()
  await prompt.waitFor({ state: 'detached' })
  await page.reload()
  await page.getByRole('heading', { name: 'Rooms' }).first().waitFor()
  await exchange(ada, [
    { type: 'post', room: main, text: '@Ben and another', lang: 'en', mentions: [me] },
  ])
  await page.locator('.room-link .mention-badge').waitFor()
  assert.equal(await prompt.count(), 0, 'not asked again')
  await page.context().close()
})
