// Account settings and the admin's user management, with the people involved in their own
// browsers: a member sees where they are signed in and signs a device out, changes their
// password (wrong or mistyped passwords say so), and an admin deactivates, reactivates
// and hands over a password-reset link that the member then uses signed out.
import assert from 'node:assert/strict'
import { test } from 'node:test'
import {
  ADMIN,
  checkA11yBothThemes,
  inviteAndRegister,
  login,
  newPage,
  screenshot,
  useServerAndBrowser,
} from './harness.mjs'

const fx = useServerAndBrowser()
const BEN = { email: 'ben@partner.example', password: 'first long secret', name: 'Ben' }

async function openSettings(page) {
  await page.getByRole('link', { name: 'Profile' }).click()
  await page.getByRole('heading', { name: 'Where you are signed in' }).waitFor()
}

async function signedOut(page) {
  await page.getByRole('button', { name: 'Log in' }).waitFor({ timeout: 20_000 })
}

test('sessions, password change, deactivation and a reset link', async () => {
  const ada = await newPage(fx.browser)
  await login(ada, fx.server.url, ADMIN.email, ADMIN.password)
  const ben = await inviteAndRegister(ada, fx.browser, fx.server.url, BEN)
  const benPhone = await newPage(fx.browser, { width: 375, height: 812 })
  await login(benPhone, fx.server.url, BEN.email, BEN.password)

  // Two sessions; the other one is signed out from here and its tab notices at once.
  await openSettings(ben)
  const sessions = ben.locator('.session-list li')
  await sessions.nth(1).waitFor()
  assert.equal(await sessions.count(), 2)
  assert.match(await sessions.first().innerText(), /Chrome on Linux/)
  assert.equal(await ben.getByText('This device').count(), 1)
  await checkA11yBothThemes(ben, 'account settings')
  await sessions.last().scrollIntoViewIfNeeded()
  await screenshot(ben, 'settings-1280')
  await ben.getByRole('button', { name: 'Sign out Chrome on Linux' }).click()
  await ben.getByRole('status').filter({ hasText: 'was signed out' }).waitFor()
  await signedOut(benPhone)
  assert.equal(await sessions.count(), 1)

  // Password change: the wrong current password, then two different new ones, then right.
  const change = async (current, next, repeat) => {
    await ben.getByLabel('Current password').fill(current)
    await ben.getByLabel('New password (at least 8 characters)').fill(next)
    await ben.getByLabel('New password again').fill(repeat)
    await ben.getByRole('button', { name: 'Change password' }).click()
  }
  await change('not my password', 'second long secret', 'second long secret')
  await ben.getByRole('alert').filter({ hasText: 'The current password is wrong.' }).waitFor()
  await change(BEN.password, 'second long secret', 'second long secreT')
  await ben.getByRole('alert').filter({ hasText: 'The two new passwords differ' }).waitFor()
  await change(BEN.password, 'second long secret', 'second long secret')
  await ben.getByRole('status').filter({ hasText: 'Your password was changed' }).waitFor()
  await login(benPhone, fx.server.url, BEN.email, 'second long secret')
  await openSettings(benPhone)
  await checkA11yBothThemes(benPhone, 'account settings on a phone')
  await benPhone.locator('.session-list li').first().scrollIntoViewIfNeeded()
  await screenshot(benPhone, 'settings-375')

  // Deactivation is confirmed first, signs Ben out everywhere, and keeps him out.
  await ada.getByRole('link', { name: 'Administration' }).click()
  const row = ada.getByRole('row').filter({ hasText: BEN.email })
  assert.match(await row.innerText(), /Active/)
  await row.getByRole('button', { name: 'Deactivate Ben' }).click()
  await row.getByText('They are signed out at once').waitFor()
  await checkA11yBothThemes(ada, 'admin, confirming a deactivation')
  await row.getByRole('button', { name: 'Deactivate', exact: true }).click()
  await ada.getByRole('status').filter({ hasText: 'Ben was deactivated' }).waitFor()
  await row.filter({ hasText: 'Deactivated' }).waitFor()
  await signedOut(ben)
  await signedOut(benPhone)
  await benPhone.getByLabel('E-mail').fill(BEN.email)
  await benPhone.getByLabel('Password', { exact: true }).fill('second long secret')
  await benPhone.getByRole('button', { name: 'Log in' }).click()
  await benPhone.getByRole('alert').filter({ hasText: 'Wrong e-mail or password.' }).waitFor()

  // Reactivated, and given a reset link (Ben has forgotten the new password).
  await row.getByRole('button', { name: 'Reactivate Ben' }).click()
  await ada.getByRole('status').filter({ hasText: 'Ben can sign in again' }).waitFor()
  await row.getByRole('button', { name: 'Make a password-reset link for Ben' }).click()
  const link = ada.locator('#reset-url')
  await link.filter({ hasText: '/reset?token=' }).waitFor()
  await checkA11yBothThemes(ada, 'admin users with a reset link')
  await screenshot(ada, 'admin-users-1280')
  const url = (await link.innerText()).replace(/^http:\/\/[^/]+/, fx.server.url)

  await ben.goto(url)
  await ben.getByRole('heading', { name: 'Choose a new password' }).waitFor()
  await ben.getByLabel('New password (at least 8 characters)').fill('third long secret')
  await ben.getByLabel('New password again').fill('third long secret')
  await checkA11yBothThemes(ben, 'password reset')
  await ben.getByRole('button', { name: 'Set new password' }).click()
  await ben.getByRole('status').filter({ hasText: 'Sign in with the new password' }).waitFor()
  await ben.getByLabel('E-mail').fill(BEN.email)
  await ben.getByLabel('Password', { exact: true }).fill('third long secret')
  await ben.getByRole('button', { name: 'Log in' }).click()
  await ben.getByRole('heading', { name: 'Rooms' }).first().waitFor()

  // The link worked once.
  const again = await newPage(fx.browser)
  await again.goto(url)
  await again.getByLabel('New password (at least 8 characters)').fill('fourth long secret')
  await again.getByLabel('New password again').fill('fourth long secret')
  await again.getByRole('button', { name: 'Set new password' }).click()
  await again.getByRole('alert').filter({ hasText: 'This link cannot be used' }).waitFor()

  for (const p of [ada, ben, benPhone, again]) assert.deepEqual(p.errors, [])
  for (const p of [ada, ben, benPhone, again]) await p.context().close()
})
