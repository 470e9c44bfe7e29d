// A private room, end to end in three browsers: the owner adds people from the members
// panel, they see the room appear and chat; someone not added cannot see or open it; a
// plain member cannot add anyone, a moderator can; removal takes the room away again.
import assert from 'node:assert/strict'
import { test } from 'node:test'
import {
  ADMIN,
  checkA11yBothThemes,
  inviteAndRegister,
  login,
  newPage,
  screenshot,
  send,
  useServerAndBrowser,
  waitFor,
  waitForTexts,
} from './harness.mjs'

let ada, ben, cy
const fx = useServerAndBrowser({}, async ({ browser }) => {
  ada = await newPage(browser)
  await login(ada, fx.server.url, ADMIN.email, ADMIN.password)
  ben = await inviteAndRegister(ada, browser, fx.server.url, {
    email: 'ben@partner.example',
    password: 'another long secret',
    name: 'Ben',
    institution: 'Omnia',
  })
  cy = await inviteAndRegister(ada, browser, fx.server.url, {
    email: 'cy@partner.example',
    password: 'a third long secret',
    name: 'Cy',
  })
})

const sidebarRoom = (page, name) =>
  page.locator('.sidebar').getByRole('link', { name: new RegExp(name) })
const membersPanel = (page) => page.locator('.members-panel')

async function openMembers(page) {
  const toggle = page.getByRole('button', { name: /^Members/ })
  if ((await toggle.getAttribute('aria-expanded')) !== 'true') await toggle.click()
  await membersPanel(page).locator('.members-list').waitFor()
}

async function addPerson(page, name) {
  await openMembers(page)
  await page.getByLabel('Add people').fill(name)
  await membersPanel(page)
    .getByRole('button', { name: `Add ${name}` })
    .click()
  await membersPanel(page)
    .getByRole('status')
    .filter({ hasText: `${name} was added` })
    .waitFor()
}

test('a private room with invited members chatting; others cannot see it', async () => {
  await ada.getByText('Create a room').click()
  await ada.getByLabel('Room name').fill('Quality team')
  await ada.getByLabel('Only invited people').check()
  await ada.getByRole('button', { name: 'Create', exact: true }).click()
  await ada.getByRole('heading', { level: 1, name: 'Quality team' }).waitFor()
  const room = Number(new URL(ada.url()).pathname.split('/').pop())
  // A new private room opens with its members panel, the focus on adding people.
  await waitFor(
    async () => (await ada.evaluate(() => document.activeElement?.id)) === `members-add-${room}`,
    'focus on "Add people"',
  )

  // Nobody else sees it yet.
  await ben.reload()
  await ben.getByRole('heading', { name: 'Rooms' }).first().waitFor()
  assert.equal(await sidebarRoom(ben, 'Quality team').count(), 0)

  await addPerson(ada, 'Ben')
  // Ben's open sidebar shows the room without a reload; he chats with Ada.
  await sidebarRoom(ben, 'Quality team').waitFor()
  await sidebarRoom(ben, 'Quality team').click()
  await ben.getByRole('heading', { level: 1, name: 'Quality team' }).waitFor()
  await send(ben, 'Thanks for adding me')
  await waitForTexts(ada, ['Thanks for adding me'])
  await send(ada, 'Welcome, Ben')
  await waitForTexts(ben, ['Thanks for adding me', 'Welcome, Ben'])

  // The panel lists members online and offline, with roles.
  await openMembers(ada)
  const list = membersPanel(ada).locator('.members-list')
  await waitFor(async () => (await list.locator('li').count()) === 2, 'two members')
  assert.match(await list.locator('li', { hasText: 'Ada' }).innerText(), /owner/)
  assert.match(await list.locator('li', { hasText: 'Ben' }).innerText(), /Omnia/)
  await checkA11yBothThemes(ada, 'members panel')
  await screenshot(ada, 'members-1280')

  // Cy, not added, neither sees nor opens it.
  assert.equal(await sidebarRoom(cy, 'Quality team').count(), 0)
  await cy.goto(`${fx.server.url}/rooms/${room}`)
  await cy.getByRole('heading', { name: 'This room does not exist or is private.' }).waitFor()

  // A plain member cannot add anyone; once moderator, Ben adds Cy.
  await openMembers(ben)
  assert.equal(await ben.getByLabel('Add people').count(), 0)
  await list
    .locator('li', { hasText: 'Ben' })
    .getByRole('button', { name: 'Make moderator' })
    .click()
  await membersPanel(ada).getByRole('status').filter({ hasText: 'role of Ben' }).waitFor()
  await ben.reload()
  await ben.getByRole('heading', { level: 1, name: 'Quality team' }).waitFor()
  await addPerson(ben, 'Cy')
  await sidebarRoom(cy, 'Quality team').waitFor()

  // Removed, Cy loses the room.
  await openMembers(ada)
  await waitFor(async () => (await list.locator('li').count()) === 3, 'three members')
  await list.getByRole('button', { name: 'Remove Cy from the room' }).click()
  await membersPanel(ada).getByRole('status').filter({ hasText: 'Cy was removed' }).waitFor()
  await cy.reload()
  await cy.getByRole('heading', { name: 'This room does not exist or is private.' }).waitFor()
  for (const page of [ada, ben, cy]) assert.deepEqual(page.errors, [])
})

test('the members panel on a phone', async () => {
  const phone = await newPage(fx.browser, { width: 375, height: 812 })
  await login(phone, fx.server.url, ADMIN.email, ADMIN.password)
  await sidebarRoom(phone, 'Quality team').click()
  await phone.getByRole('heading', { level: 1, name: 'Quality team' }).waitFor()
  await openMembers(phone)
  await checkA11yBothThemes(phone, 'members panel on a phone')
  await screenshot(phone, 'members-375')
  await phone.context().close()
})

test('a room created by someone else appears in an open sidebar at once, and can be joined', async () => {
  await ben.goto(`${fx.server.url}/rooms`)
  await ben.getByRole('heading', { name: 'Rooms' }).first().waitFor()
  await ada.goto(`${fx.server.url}/rooms`)
  await ada.getByText('Create a room').click()
  await ada.getByLabel('Room name').fill('Apprenticeship fair')
  await ada.getByRole('button', { name: 'Create', exact: true }).click()
  await ada.getByRole('heading', { level: 1, name: 'Apprenticeship fair' }).waitFor()
  // Ben did not reload: the open room is in his list, not joined yet.
  await sidebarRoom(ben, 'Apprenticeship fair').click()
  await ben.getByRole('button', { name: 'Join' }).click()
  await send(ben, 'Count me in')
  await waitForTexts(ada, ['Count me in'])
})

test("a name in the room opens a card: institution, country in the reader's language, role, online", async () => {
  // Ada reads 'Apprenticeship fair', where Ben posted (the test before).
  await ada.goto(`${fx.server.url}/rooms`)
  await sidebarRoom(ada, 'Apprenticeship fair').click()
  const bens = ada.locator('.message-list > li.message').filter({ hasText: 'Count me in' })
  await bens.getByRole('button', { name: 'Ben', exact: true }).click()
  const card = ada.getByRole('dialog', { name: 'Ben' })
  await card.waitFor()
  await card.getByText('Omnia').waitFor()
  const text = await card.innerText()
  assert.match(text, /Germany/)
  assert.match(text, /member, (online|offline)/)
  await checkA11yBothThemes(ada, 'profile card')
  await screenshot(ada, 'profile-card-1280')
  await ada.keyboard.press('Escape')
  await card.waitFor({ state: 'detached' })
  assert.equal(await ada.evaluate(() => document.activeElement?.textContent), 'Ben')
})
