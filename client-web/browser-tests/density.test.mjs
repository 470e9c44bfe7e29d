// Rooms read like a chat: compact rows grouped by author, actions on hover or focus.
// At 1280×800 at least 12 one-line messages from two authors are in view; on a 375×812
// phone the message list takes at least 60 % of the height.
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
  screenshot,
  useServerAndBrowser,
} from './harness.mjs'
import { seedMessages } from './seed.mjs'

const BEN = { email: 'ben@partner.example', password: 'another long secret', name: 'Ben Weber' }
let room
const fx = useServerAndBrowser({}, async ({ browser }) => {
  const ada = await newPage(browser)
  await login(ada, fx.server.url, ADMIN.email, ADMIN.password)
  room = await createRoom(ada, 'Work placements')
  const ben = await inviteAndRegister(ada, browser, fx.server.url, BEN)
  await openRoom(ben, fx.server.url, room)
  // A conversation: turns of two or three lines each, as people write.
  for (let turn = 0; turn < 8; turn++) {
    const [page, who] = turn % 2 ? [ben, 'Ben'] : [ada, 'Ada']
    const lines = 2 + (turn % 2)
    await seedMessages(
      page,
      room,
      Array.from({ length: lines }, (_, i) => `${who}, turn ${turn + 1}, line ${i + 1}`),
    )
  }
  await ada.context().close()
  await ben.context().close()
})

/** The message rows wholly inside the list's visible area, and the list's height. */
async function inView(page) {
  return page.evaluate(() => {
    const list = document.querySelector('.messages').getBoundingClientRect()
    const rows = [...document.querySelectorAll('.message-list > li.message')].filter((li) => {
      const r = li.getBoundingClientRect()
      return r.top >= list.top - 1 && r.bottom <= list.bottom + 1
    })
    return {
      rows: rows.length,
      authors: new Set(rows.map((li) => li.querySelector('.md').textContent.split(',')[0])).size,
      listHeight: list.height,
      rowHeights: rows.map((li) => Math.round(li.getBoundingClientRect().height)),
    }
  })
}

test('at 1280×800 at least 12 one-line messages of two authors are in view', async () => {
  const page = await newPage(fx.browser, { width: 1280, height: 800 })
  await login(page, fx.server.url, ADMIN.email, ADMIN.password)
  await openRoom(page, fx.server.url, room)
  await page.locator('.message-list > li.message').nth(19).waitFor()
  await screenshot(page, 'room-compact-1280')
  const seen = await inView(page)
  console.log(`density at 1280×800: ${seen.rows} messages in view`)
  assert.ok(seen.rows >= 12, `${seen.rows} messages in view: ${JSON.stringify(seen)}`)
  assert.equal(seen.authors, 2, JSON.stringify(seen))
  // Grouped: a header (name) only where the author changes: 8 turns, 8 headers.
  assert.equal(await page.locator('.message-list > li.message:not(.grouped)').count(), 8)
  // Actions are not shown until a message is hovered or focused.
  const last = page.locator('.message-list > li.message').last()
  const toolbar = last.locator('.actions')
  assert.equal(await toolbar.evaluate((el) => getComputedStyle(el).opacity), '0')
  await last.hover()
  assert.equal(await toolbar.evaluate((el) => getComputedStyle(el).opacity), '1')
  await checkA11yBothThemes(page, 'compact room')
  await page.context().close()
})

test('on a 375×812 phone the message list takes at least 60 % of the height', async () => {
  const page = await newPage(fx.browser, { width: 375, height: 812 })
  await login(page, fx.server.url, ADMIN.email, ADMIN.password)
  await openRoom(page, fx.server.url, room)
  await page.locator('.message-list > li.message').nth(19).waitFor()
  await screenshot(page, 'room-compact-375')
  const seen = await inView(page)
  console.log(`density at 375×812: the list is ${Math.round(seen.listHeight)} px`)
  assert.ok(seen.listHeight >= 0.6 * 812, `the list is ${seen.listHeight} of 812 px`)
  // The room header leads back to the list, where the top bar is.
  await page.getByRole('link', { name: 'Back to rooms' }).click()
  await page.locator('.topbar').waitFor()
  await checkA11yBothThemes(page, 'room list on a phone')
  await openRoom(page, fx.server.url, room)
  await checkA11yBothThemes(page, 'compact room on a phone')
  await page.context().close()
})
