// Invitations as an admin manages them: the new link is copied with one click, the list
// says what became of each and revokes an open one, and a link that cannot be used says
// why and what to do (not only "This is not allowed").
import assert from 'node:assert/strict'
import { test } from 'node:test'
import {
  ADMIN,
  checkA11yBothThemes,
  fillPlaces,
  login,
  newPage,
  screenshot,
  useServerAndBrowser,
} from './harness.mjs'

const fx = useServerAndBrowser()

async function invite(page, email) {
  await page.getByLabel('E-mail (optional)').fill(email)
  await page.getByRole('button', { name: 'Create invitation' }).click()
  await page.locator('#invitation-url').filter({ hasText: 'invitation=' }).waitFor()
  await page.getByRole('row').filter({ hasText: email }).waitFor()
  return (await page.locator('#invitation-url').innerText()).replace(
    /^http:\/\/[^/]+/,
    fx.server.url,
  )
}

async function register(link, email) {
  const page = await newPage(fx.browser)
  await page.goto(link)
  await page.getByLabel('E-mail').fill(email)
  await page.getByLabel('Password (at least 8 characters)').fill('a long enough secret')
  await page.getByLabel('Name').fill('Someone')
  await fillPlaces(page)
  await page.getByRole('button', { name: 'Create account' }).click()
  return page
}

test('invitation list with copy and revoke; unusable links say why', async () => {
  const ada = await newPage(fx.browser)
  await ada.context().grantPermissions(['clipboard-read', 'clipboard-write'], {
    origin: fx.server.url,
  })
  await login(ada, fx.server.url, ADMIN.email, ADMIN.password)
  await ada.getByRole('link', { name: 'Administration' }).click()

  const benLink = await invite(ada, 'ben@partner.example')
  await ada.getByRole('button', { name: 'Copy link' }).click()
  await ada.getByRole('status').filter({ hasText: 'Link copied.' }).waitFor()
  const copied = await ada.evaluate(() => navigator.clipboard.readText())
  assert.equal(copied.replace(/^http:\/\/[^/]+/, fx.server.url), benLink)

  const row = ada.getByRole('row').filter({ hasText: 'ben@partner.example' })
  assert.match(await row.innerText(), /Not used yet/)
  await row.getByRole('button', { name: 'Revoke the invitation for ben@partner.example' }).click()
  await ada.getByRole('status').filter({ hasText: 'was revoked' }).waitFor()
  await row.filter({ hasText: 'Revoked' }).waitFor()
  assert.equal(await row.getByRole('button').count(), 0, 'nothing left to revoke')
  await checkA11yBothThemes(ada, 'admin invitations')
  await screenshot(ada, 'invitations-1280')

  const revoked = await register(benLink, 'ben@partner.example')
  await revoked.getByRole('alert').filter({ hasText: 'This invitation cannot be used' }).waitFor()
  assert.match(await revoked.getByRole('alert').innerText(), /ask the person who invited you/)
  await revoked.context().close()

  // A link for another address: the same explanation, and the link still works for Cy.
  const cyLink = await invite(ada, 'cy@partner.example')
  const wrong = await register(cyLink, 'someone.else@partner.example')
  await wrong.getByRole('alert').filter({ hasText: 'another e-mail address' }).waitFor()
  await wrong.context().close()
  const cy = await register(cyLink, 'cy@partner.example')
  await cy.getByRole('heading', { name: 'Rooms' }).first().waitFor()
  await ada.reload()
  await ada
    .getByRole('row')
    .filter({ hasText: 'cy@partner.example' })
    .filter({ hasText: 'Used' })
    .waitFor()
  for (const page of [ada, cy]) assert.deepEqual(page.errors, [])
})
