import assert from 'node:assert/strict'
import { test } from 'node:test'
import {
  ADMIN,
  checkA11yBothThemes,
  createRoom,
  inviteAndRegister,
  login,
  messageAction,
  messageTexts,
  newPage,
  openRoom,
  send,
  useServerAndBrowser,
  waitFor,
  waitForTexts,
} from './harness.mjs'
import { exchange, seedMessages } from './seed.mjs'

let ada, ben, cy, room
// Pages of two rooms or members at most, so that the lists below take several pages.
const fx = useServerAndBrowser({ extra: ['--list-page-max', '2'] }, async ({ browser }) => {
  ada = await newPage(browser)
  await login(ada, fx.server.url, ADMIN.email, ADMIN.password)
  room = await createRoom(ada, 'Work-based learning')
  ben = await inviteAndRegister(ada, browser, fx.server.url, {
    email: 'ben@partner.example',
    password: 'another long secret',
    name: 'Ben',
  })
  await openRoom(ben, fx.server.url, room)
})

const msg = (page, text) => page.locator('.message-list > li.message').filter({ hasText: text })

test('reply, mention, edit, reaction and delete are seen live by the other member', async () => {
  await send(ada, 'Has anyone tried **dual VET** with SMEs?')
  await msg(ben, 'dual VET').waitFor()
  assert.equal(await msg(ben, 'dual VET').locator('strong').innerText(), 'dual VET')

  // Reply with a mention chosen from the completion list.
  await (await messageAction(msg(ben, 'dual VET').first(), 'Reply')).click()
  const box = ben.getByRole('combobox', { name: 'Message', exact: true })
  await box.pressSequentially('Yes @Ad')
  await ben.getByRole('option', { name: /Ada/ }).waitFor()
  await box.press('Enter')
  await box.pressSequentially('it worked well.')
  await box.press('Enter')
  const reply = msg(ada, 'it worked well')
  await reply.waitFor()
  assert.match(await reply.locator('.reply-ref').innerText(), /In reply to Ada/)
  // The quote is the original rendered (no raw Markdown) and leads to it.
  assert.equal(await reply.locator('.reply-quote strong').innerText(), 'dual VET')
  assert.doesNotMatch(await reply.locator('.reply-quote').innerText(), /\*\*/)
  await reply.getByRole('button', { name: 'In reply to Ada' }).click()
  assert.match(
    await ada.evaluate(() => document.activeElement?.querySelector('.md')?.textContent ?? ''),
    /Has anyone tried dual VET/,
  )
  assert.match(await reply.getAttribute('class'), /mentions-me/)
  assert.equal(await reply.locator('.msg-lang [aria-hidden="true"]').innerText(), 'DE')
  assert.equal(await reply.locator('.md').getAttribute('lang'), 'de')

  // Ben edits his reply; Ada sees the new text marked as edited.
  await (await messageAction(msg(ben, 'it worked well'), 'Edit')).click()
  await box.fill('Yes @Ada it worked very well.')
  await box.press('Enter')
  await msg(ada, 'it worked very well').locator('.edited').waitFor()

  // Ada reacts; Ben sees the count.
  await (await messageAction(msg(ada, 'dual VET').first(), 'React with 👍')).click()
  await msg(ben, 'dual VET').first().getByRole('button', { name: '👍 from 1' }).waitFor()
  assert.equal(
    await msg(ada, 'dual VET')
      .first()
      .getByRole('button', { name: '👍 from 1' })
      .getAttribute('aria-pressed'),
    'true',
  )

  // Delete asks first: Cancel keeps the message; confirmed, Ben sees it gone.
  const question = msg(ada, 'dual VET').first()
  await (await messageAction(question, 'Delete')).click()
  assert.match(await question.innerText(), /Delete this message for everyone\?/)
  await question.getByRole('button', { name: 'Cancel' }).click()
  assert.equal(await question.getByRole('button', { name: 'Yes, delete' }).count(), 0)
  await (await messageAction(question, 'Delete')).click()
  await question.getByRole('button', { name: 'Yes, delete' }).click()
  await ben.locator('.message-list .deleted').waitFor()
  assert.equal(await ben.locator('.message-list strong').count(), 0)
  await checkA11yBothThemes(ben, 'room')
})

test('unread badges count messages in rooms not open, and clear on opening', async () => {
  const other = await createRoom(ada, 'Mobility')
  await ada.goto(`${fx.server.url}/rooms/${room}`)
  await openRoom(ben, fx.server.url, other)
  await ben.goto(`${fx.server.url}/rooms/${room}`)
  await ben.locator('.conn[data-status="online"]').waitFor()
  await ada.goto(`${fx.server.url}/rooms/${other}`)
  await ada.getByRole('combobox', { name: 'Message', exact: true }).waitFor()
  await send(ada, 'one')
  await send(ada, 'two')
  const badge = ben.locator(`li[data-room="${other}"] .unread-badge`)
  await waitFor(
    async () => (await badge.getAttribute('data-count').catch(() => null)) === '2',
    'badge 2',
  )
  await checkA11yBothThemes(ben, 'room list with badges')
  await ben.locator(`li[data-room="${other}"] a`).click()
  await waitForTexts(ben, ['one', 'two'])
  await badge.waitFor({ state: 'detached' })
})

test('history loads older messages when scrolling up, without gaps', async () => {
  const id = await createRoom(ada, 'Archive')
  const texts = Array.from({ length: 120 }, (_, i) => `archived message ${i + 1}`)
  await seedMessages(ada, id, texts)
  await openRoom(ben, fx.server.url, id)
  await msg(ben, 'archived message 120').waitFor()
  assert.equal(await ben.locator('.message-list > li.message').count(), 50)
  const scroller = ben.locator('.messages')
  for (let i = 0; i < 10 && !(await ben.locator('.beginning').isVisible()); i++) {
    const n = await ben.locator('.message-list > li.message').count()
    await scroller.evaluate((el) => el.scrollTo(0, 0))
    await waitFor(
      async () =>
        (await ben.locator('.message-list > li.message').count()) > n ||
        ben.locator('.beginning').isVisible(),
      'older page',
    )
  }
  await waitForTexts(ben, texts)
})

test('the room list and the member list arrive in pages, and nothing is missing', async () => {
  await createRoom(ada, 'Zeta')
  await createRoom(ada, 'Beta')
  cy = await inviteAndRegister(ada, fx.browser, fx.server.url, {
    email: 'cy@college.example',
    password: 'yet another secret',
    name: 'Cy',
  })
  const all = ['Archive', 'Beta', 'Mobility', 'Work-based learning', 'Zeta']
  const roomNames = (page) => page.locator('.room-list .room-name').allInnerTexts()
  await waitFor(
    async () => JSON.stringify(await roomNames(cy)) === JSON.stringify(all),
    'all rooms for Cy',
  ).catch(async (e) => {
    throw new Error(`${e.message}; got ${JSON.stringify(await roomNames(cy))}`)
  })
  await openRoom(cy, fx.server.url, room)
  await ben.goto(`${fx.server.url}/rooms/${room}`)
  const online = (page) => page.locator('.online-list li').allInnerTexts()
  await waitFor(
    async () => JSON.stringify(await online(ben)) === JSON.stringify(['Ada', 'Ben', 'Cy']),
    'three members online',
  ).catch(async (e) => {
    throw new Error(`${e.message}; got ${JSON.stringify(await online(ben))}`)
  })
  // The mention list is made from the member list: Cy is in it, from its second page.
  const box = ben.getByRole('combobox', { name: 'Message', exact: true })
  await box.pressSequentially('@C')
  await ben.getByRole('option', { name: /Cy/ }).waitFor()
  await box.fill('')
  assert.deepEqual(await roomNames(ben), all)
  assert.deepEqual([...ada.errors, ...ben.errors, ...cy.errors], [])
})

test('a member removed by the owner sees the open room read-only, and can join it again', async () => {
  await ada.goto(`${fx.server.url}/rooms/${room}`)
  await ada.getByRole('combobox', { name: 'Message', exact: true }).waitFor()
  await cy.goto(`${fx.server.url}/rooms/${room}`)
  await cy.getByRole('combobox', { name: 'Message', exact: true }).waitFor()
  const cyId = await cy.evaluate(async () => (await (await fetch('/api/me')).json()).user.id)
  const [removed, leave] = await exchange(ada, [
    { type: 'room_remove', room, user: cyId },
    { type: 'room_leave', room },
  ])
  assert.equal(removed.type, 'room', JSON.stringify(removed))
  // The owner cannot leave before handing the room over.
  assert.equal(leave.type, 'error', JSON.stringify(leave))
  assert.equal(leave.code, 'conflict', JSON.stringify(leave))
  await cy.getByRole('button', { name: 'Join' }).waitFor()
  // An open room: Cy still has a look inside (read-only), but no box to write in.
  await cy.locator('.join-bar').filter({ hasText: 'A look inside' }).waitFor()
  await msg(cy, 'it worked very well').waitFor()
  assert.equal(await cy.getByRole('combobox', { name: 'Message', exact: true }).count(), 0)
  // Posted while Cy is not a member: Cy gets no event of it, but must see it on rejoining.
  await send(ada, 'While Cy was away')
  await msg(ada, 'While Cy was away').and(ada.locator(':not(.pending)')).waitFor()
  await cy.getByRole('button', { name: 'Join' }).click()
  const box = cy.getByRole('combobox', { name: 'Message', exact: true })
  await box.waitFor()
  await send(cy, 'Back in the room')
  await msg(cy, 'Back in the room').and(cy.locator(':not(.pending)')).waitFor()
  await msg(ada, 'Back in the room').waitFor()
  await msg(cy, 'it worked very well').waitFor()
  const texts = (await messageTexts(cy)).map((t) => t.trim())
  assert.deepEqual(texts.slice(-2), ['While Cy was away', 'Back in the room'])
  assert.deepEqual([...ada.errors, ...cy.errors], [])
})
