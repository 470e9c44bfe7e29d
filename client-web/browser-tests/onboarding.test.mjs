import assert from 'node:assert/strict'
import { test } from 'node:test'
import {
  checkA11y,
  checkA11yBothThemes,
  fillPlaces,
  newPage,
  openRoom,
  screenshot,
  send,
  useServerAndBrowser,
  waitFor,
  waitForTexts,
} from './harness.mjs'

const fx = useServerAndBrowser({ admin: false })

test('a newcomer sets up the admin from the printed link, invites a second person, and they chat', async () => {
  const link = await waitFor(
    () => /https?:\/\/\S+\/setup\?token=\S+/.exec(fx.server.stdout)?.[0],
    'setup link',
  )
  const ada = await newPage(fx.browser)
  await ada.goto(link.replace(/^https?:\/\/[^/]+/, fx.server.url))
  await ada.getByRole('heading', { name: 'Set up Praxis' }).waitFor()
  await checkA11yBothThemes(ada, 'setup')
  const dark = await newPage(fx.browser, { colorScheme: 'dark' })
  await dark.goto(link.replace(/^https?:\/\/[^/]+/, fx.server.url))
  await dark.getByRole('heading', { name: 'Set up Praxis' }).waitFor()
  await checkA11yBothThemes(dark, 'setup, dark')
  await dark.context().close()
  await ada.getByLabel('E-mail').fill('ada@school.example')
  await ada.getByLabel('Password (at least 8 characters)').fill('correct horse battery')
  await ada.getByLabel('Name').fill('Ada')
  await ada.getByLabel('Institution').fill('Omnia')
  await fillPlaces(ada, { country: 'FI', languages: 'en' })
  await ada.getByRole('button', { name: 'Create administrator' }).click()
  await ada.getByRole('heading', { name: 'Rooms' }).first().waitFor()
  await checkA11yBothThemes(ada, 'room list')

  await ada.getByText('Create a room').click()
  await ada.getByLabel('Room name').fill('Welcome')
  await ada.getByRole('button', { name: 'Create', exact: true }).click()
  await ada.getByRole('heading', { level: 1, name: 'Welcome' }).waitFor()
  const room = Number(new URL(ada.url()).pathname.split('/').pop())

  await ada.getByRole('link', { name: 'Administration' }).click()
  await ada.getByRole('button', { name: 'Create invitation' }).click()
  const url = await ada.locator('#invitation-url').innerText()
  await ada.getByRole('cell', { name: 'Not used yet' }).waitFor()
  await checkA11yBothThemes(ada, 'admin')
  await ada.getByRole('link', { name: 'Profile' }).click()
  await ada.getByRole('heading', { name: 'Profile settings' }).waitFor()
  await checkA11yBothThemes(ada, 'profile')

  const ben = await newPage(fx.browser, { width: 375, height: 740 })
  await ben.goto(url.replace(/^https?:\/\/[^/]+/, fx.server.url))
  await ben.getByRole('heading', { name: 'Join Praxis' }).waitFor()
  await checkA11yBothThemes(ben, 'register')
  const darkRegister = await newPage(fx.browser, { width: 375, height: 740, colorScheme: 'dark' })
  await darkRegister.goto(url.replace(/^https?:\/\/[^/]+/, fx.server.url))
  await darkRegister.getByRole('heading', { name: 'Join Praxis' }).waitFor()
  await checkA11yBothThemes(darkRegister, 'register, dark')
  await darkRegister.context().close()
  await ben.getByLabel('E-mail').fill('ben@partner.example')
  await ben.getByLabel('Password (at least 8 characters)').fill('another long secret')
  await ben.getByLabel('Name').fill('Ben')
  await ben.getByRole('button', { name: 'Create account' }).click()
  await ben.getByRole('heading', { name: 'Rooms' }).first().waitFor()
  await openRoom(ben, fx.server.url, room)
  await openRoom(ada, fx.server.url, room)
  await send(ben, 'Hallo Ada!')
  await send(ada, 'Welcome, Ben!')
  await waitForTexts(ada, ['Hallo Ada!', 'Welcome, Ben!'])
  await waitForTexts(ben, ['Hallo Ada!', 'Welcome, Ben!'])
  assert.match(await ada.locator('#live-region').innerText(), /New message from Ben/)
  await screenshot(ben, 'onboarding-375')
})

test('a used setup link, opened again, says so and offers the login (light and dark)', async () => {
  const link = /https?:\/\/\S+\/setup\?token=\S+/.exec(fx.server.stdout)[0]
  for (const colorScheme of ['light', 'dark']) {
    const page = await newPage(fx.browser, { colorScheme })
    await page.goto(link.replace(/^https?:\/\/[^/]+/, fx.server.url))
    await page.getByRole('heading', { name: 'Log in' }).waitFor()
    assert.match(
      await page.getByRole('status').innerText(),
      /This setup link was already used.*first administrator exists/,
    )
    await checkA11y(page, `used setup link, ${colorScheme}`)
    await page.context().close()
  }
})

test('keyboard alone: log in and post a message', async () => {
  const page = await newPage(fx.browser)
  await page.goto(`${fx.server.url}/login`)
  await page.getByRole('heading', { name: 'Log in' }).waitFor()
  await checkA11yBothThemes(page, 'login')
  const focusOn = async (selector, max = 40) => {
    for (let i = 0; i < max; i++) {
      await page.keyboard.press('Tab')
      if (await page.evaluate((s) => document.activeElement?.matches(s), selector)) return
    }
    throw new Error(`Tab never reached ${selector}`)
  }
  await focusOn('#login-email')
  await page.keyboard.type('ben@partner.example')
  await page.keyboard.press('Tab')
  await page.keyboard.type('another long secret')
  await page.keyboard.press('Enter')
  await page.getByRole('heading', { name: 'Rooms' }).first().waitFor()
  await page.locator('.conn[data-status="online"]').waitFor()
  await focusOn('.room-link')
  await page.keyboard.press('Enter')
  await focusOn('textarea')
  await page.keyboard.type('Typed with the keyboard only')
  await page.keyboard.press('Enter')
  await waitForTexts(page, ['Hallo Ada!', 'Welcome, Ben!', 'Typed with the keyboard only'])
})
