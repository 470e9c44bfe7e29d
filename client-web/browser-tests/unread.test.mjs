// Coming back to a room with new messages: a "New messages" line before the first one
// from someone else, the room opened there, and jumps to it and to the newest.
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
  send,
  useServerAndBrowser,
  waitFor,
  waitForTexts,
} from './harness.mjs'
import { seedMessages } from './seed.mjs'

const fx = useServerAndBrowser()

/** Whether `locator` is within the message list's visible part. */
async function inView(page, locator) {
  const box = await locator.boundingBox()
  const list = await page.locator('.messages').boundingBox()
  return !!box && box.y >= list.y - 1 && box.y + box.height <= list.y + list.height + 1
}

test('a new-messages line, the room opened at it, and jumps to it and to the newest', async () => {
  const ada = await newPage(fx.browser)
  await login(ada, fx.server.url, ADMIN.email, ADMIN.password)
  const room = await createRoom(ada, 'Work placements')
  await send(ada, 'Read by Ada: her own')
  await waitForTexts(ada, ['Read by Ada: her own'])
  await createRoom(ada, 'Elsewhere')

  const ben = await inviteAndRegister(ada, fx.browser, fx.server.url, {
    email: 'ben@partner.example',
    password: 'another long secret',
    name: 'Ben',
  })
  await openRoom(ben, fx.server.url, room)
  await seedMessages(
    ben,
    room,
    Array.from({ length: 40 }, (_, i) => `Ben's note ${i + 1}`),
  )

  await ada
    .locator('.sidebar')
    .getByRole('link', { name: /Work placements/ })
    .click()
  const divider = ada.locator('.new-divider').filter({ hasText: 'New messages' })
  await divider.waitFor()
  const after = ada.locator('.new-divider + li.message .md')
  assert.equal((await after.innerText()).trim(), "Ben's note 1")
  await waitFor(() => inView(ada, divider), 'the room opens at the new messages')
  await checkA11yBothThemes(ada, 'room with new messages')
  await screenshot(ada, 'new-messages-1280')

  await ada.getByRole('button', { name: 'Jump to the newest' }).click()
  const newest = ada.locator('.message-list > li.message').last()
  await waitFor(() => inView(ada, newest), 'the newest message in view')
  await waitFor(
    async () => (await ada.getByRole('button', { name: 'Jump to the newest' }).count()) === 0,
    'no jump to the newest once there',
  )
  await ada.getByRole('button', { name: 'Jump to the first unread' }).click()
  await waitFor(() => inView(ada, divider), 'back at the new messages')
  for (const page of [ada, ben]) assert.deepEqual(page.errors, [])
})
