// Room settings end to end, the owner and a member in their own browsers: a rename and a
// new topic reach the member live; a plain member is offered no settings but leaving; an
// archived room is read-only and listed apart, and unarchiving opens it again; the owner
// hands the room over and can then leave it.
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
  waitForTexts,
} from './harness.mjs'

const fx = useServerAndBrowser()
const sidebar = (page) => page.locator('.sidebar')
const settings = (page) => page.locator('.room-settings')

async function openSettings(page) {
  const toggle = page.getByRole('button', { name: 'Room settings' })
  if ((await toggle.getAttribute('aria-expanded')) !== 'true') await toggle.click()
  await settings(page).getByRole('heading', { name: 'Room settings' }).waitFor()
}

test('rename, topic, archive and leave, seen live by the other side', async () => {
  const ada = await newPage(fx.browser)
  await login(ada, fx.server.url, ADMIN.email, ADMIN.password)
  const ben = await inviteAndRegister(ada, fx.browser, fx.server.url, {
    email: 'ben@partner.example',
    password: 'another long secret',
    name: 'Ben',
    viewport: { width: 375, height: 812 },
  })
  const room = await createRoom(ada, 'Workshop')
  await openRoom(ben, fx.server.url, room) // and joins it

  // The owner renames the room and sets its topic; Ben's header and list follow.
  await openSettings(ada)
  await settings(ada).getByLabel('Room name').fill('Autumn workshop')
  await settings(ada).getByLabel('Topic').fill('Planning the mobility week')
  await settings(ada).getByRole('button', { name: 'Save' }).click()
  await settings(ada).getByRole('status').filter({ hasText: 'everyone in the room' }).waitFor()
  await ben.getByRole('heading', { level: 1, name: 'Autumn workshop' }).waitFor()
  await ada.locator('.room-header .topic').filter({ hasText: 'Planning the mobility' }).waitFor()
  await checkA11yBothThemes(ada, 'room settings')
  await screenshot(ada, 'room-settings-1280')

  // A plain member: no name or topic to change, but a way out (confirmed first). The
  // header's buttons are one Tab stop: the arrow keys move from Members to the settings.
  await ben.getByRole('button', { name: /^Members/ }).focus()
  await ben.keyboard.press('ArrowRight')
  await ben.keyboard.press('Enter')
  await settings(ben).getByRole('heading', { name: 'Room settings' }).waitFor()
  assert.equal(
    await ben.getByRole('toolbar', { name: 'Room tools' }).locator('[tabindex="0"]').count(),
    1,
  )
  assert.equal(await settings(ben).getByLabel('Room name').count(), 0)
  await settings(ben).getByRole('button', { name: 'Leave room' }).waitFor()
  await checkA11yBothThemes(ben, 'room settings of a member on a phone')
  await screenshot(ben, 'room-settings-375')
  assert.equal(await settings(ada).getByRole('button', { name: 'Leave room' }).count(), 0)
  assert.match(await settings(ada).innerText(), /You own this room/)

  // Archived: read-only for both, listed apart; unarchived: writable again.
  await settings(ada).getByRole('button', { name: 'Archive room' }).click()
  await settings(ada).getByText('It stays readable').waitFor()
  await settings(ada).getByRole('button', { name: 'Archive room' }).click()
  await ben.getByText('This room is archived').waitFor()
  assert.equal(await ben.getByRole('combobox', { name: 'Message', exact: true }).count(), 0)
  await ada.getByText('This room is archived').waitFor()
  await sidebar(ada).getByText('Archived rooms (1)').waitFor()
  await checkA11yBothThemes(ada, 'archived room')
  await screenshot(ada, 'room-archived-1280')
  await settings(ada).getByRole('button', { name: 'Unarchive room' }).click()
  await ben.getByRole('combobox', { name: 'Message', exact: true }).waitFor()
  await send(ben, 'Back in business')
  await waitForTexts(ada, ['Back in business'])
  assert.equal(await sidebar(ada).getByText('Archived rooms').count(), 0)

  // Ada hands the room over to Ben (confirmed first), and may then leave it herself:
  // back to the list, where the open room waits to be joined again.
  await ada.getByRole('button', { name: /^Members/ }).click()
  await ada.getByRole('button', { name: 'Make owner: Ben' }).click()
  await ada.getByText('Hand the room over to Ben?').waitFor()
  await ada.locator('.members-panel').getByRole('button', { name: 'Make owner' }).click()
  await ada.getByRole('status').filter({ hasText: 'Ben now owns the room.' }).waitFor()
  await settings(ben).getByLabel('Room name').waitFor()
  await openSettings(ada)
  await settings(ada).getByRole('button', { name: 'Leave room' }).click()
  await settings(ada).getByText('You can join it again').waitFor()
  await settings(ada).getByRole('button', { name: 'Leave room' }).click()
  await ada.waitForURL(/\/rooms$/)
  await sidebar(ada)
    .getByRole('link', { name: /Autumn workshop/ })
    .filter({ hasText: 'not joined' })
    .waitFor()

  for (const p of [ada, ben]) assert.deepEqual(p.errors, [])
  for (const p of [ada, ben]) await p.context().close()
})

test('an admin sees every room, private ones too, and archives one it is not in', async () => {
  const ada = await newPage(fx.browser)
  await login(ada, fx.server.url, ADMIN.email, ADMIN.password)
  const cy = await inviteAndRegister(ada, fx.browser, fx.server.url, {
    email: 'cy@partner.example',
    password: 'a third long secret',
    name: 'Cy',
  })
  await cy.getByText('Create a room').click()
  await cy.getByLabel('Room name').fill('Tutors only')
  await cy.getByLabel('Only invited people').check()
  await cy.getByRole('button', { name: 'Create', exact: true }).click()
  await cy.getByRole('heading', { level: 1, name: 'Tutors only' }).waitFor()

  await ada.getByRole('link', { name: 'Administration' }).click()
  const row = ada.locator('tr[data-room]').filter({ hasText: 'Tutors only' })
  await row.waitFor()
  assert.match(await row.innerText(), /Only invited people/)
  assert.match(await row.innerText(), /Active/)
  await row.getByRole('button', { name: 'Archive room: Tutors only' }).click()
  await ada.getByRole('status').filter({ hasText: 'Tutors only was archived.' }).waitFor()
  await row.filter({ hasText: 'Archived' }).waitFor()
  await cy.getByText('This room is archived').waitFor()
  // Seen from outside, the private room stays out of the admin's own room list.
  assert.equal(await sidebar(ada).getByText('Tutors only').count(), 0)
  await checkA11yBothThemes(ada, 'admin rooms')
  await row.scrollIntoViewIfNeeded()
  await screenshot(ada, 'admin-rooms-1280')
  await row.getByRole('button', { name: 'Unarchive room: Tutors only' }).click()
  await cy.getByRole('combobox', { name: 'Message', exact: true }).waitFor()
  for (const p of [ada, cy]) assert.deepEqual(p.errors, [])
  for (const p of [ada, cy]) await p.context().close()
})
