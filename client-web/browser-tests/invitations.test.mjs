// Invitations as an admin manages them: the new link is copied with one click, the list
// says what became of each and revokes an open one; a link that cannot be used says why
// and what to do as soon as it is opened; a link made for an address fills it in.
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

async function openLink(link) {
  const page = await newPage(fx.browser)
  await page.goto(link)
  return page
}

async function register(link, email) {
  const page = await openLink(link)
  const field = page.getByLabel('E-mail')
  await field.waitFor()
  // An invitation made for an address fills it in, not to be changed.
  if (await field.isEditable()) await field.fill(email)
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
  await ada.getByRole('button', { name: 'Copy link', exact: true }).click()
  await ada.getByRole('status').filter({ hasText: 'Link copied.' }).waitFor()
  const copied = await ada.evaluate(() => navigator.clipboard.readText())
  assert.equal(copied.replace(/^http:\/\/[^/]+/, fx.server.url), benLink)

  // An older link made on this page is still copied from its row, not only the newest.
  await invite(ada, 'dora@partner.example')
  const row = ada.getByRole('row').filter({ hasText: 'ben@partner.example' })
  await row.getByRole('button', { name: 'Copy link: ben@partner.example' }).click()
  await ada
    .getByRole('status')
    .filter({ hasText: 'The link for ben@partner.example was copied.' })
    .waitFor()
  const again = await ada.evaluate(() => navigator.clipboard.readText())
  assert.equal(again.replace(/^http:\/\/[^/]+/, fx.server.url), benLink)
  assert.match(await row.innerText(), /Not used yet/)
  await row.getByRole('button', { name: 'Revoke the invitation for ben@partner.example' }).click()
  await ada.getByRole('status').filter({ hasText: 'was revoked' }).waitFor()
  await row.filter({ hasText: 'Revoked' }).waitFor()
  assert.equal(await row.getByRole('button').count(), 0, 'nothing left to revoke')
  await checkA11yBothThemes(ada, 'admin invitations')
  await screenshot(ada, 'invitations-1280')

  // A revoked link says so as soon as it is opened, before anyone types a thing.
  const revoked = await openLink(benLink)
  await revoked.getByRole('alert').filter({ hasText: 'This invitation cannot be used' }).waitFor()
  assert.match(await revoked.getByRole('alert').innerText(), /ask the person who invited you/)
  assert.equal(await revoked.getByLabel('E-mail').count(), 0)
  await checkA11yBothThemes(revoked, 'unusable invitation')
  await revoked.context().close()

  // A link for an address has it filled in and fixed; Cy registers with it.
  const cyLink = await invite(ada, 'cy@partner.example')
  const prefilled = await openLink(cyLink)
  const email = prefilled.getByLabel('E-mail')
  await email.waitFor()
  assert.equal(await email.inputValue(), 'cy@partner.example')
  assert.equal(await email.isEditable(), false)
  assert.match(await prefilled.locator('#reg-email-hint').innerText(), /made for this address/)
  await checkA11yBothThemes(prefilled, 'registration with the invited e-mail')
  await prefilled.context().close()
  const cy = await register(cyLink, 'cy@partner.example')
  await cy.getByRole('heading', { name: 'Rooms' }).first().waitFor()
  await ada.reload()
  await ada
    .getByRole('row')
    .filter({ hasText: 'cy@partner.example' })
    .filter({ hasText: 'Used' })
    .waitFor()
  // After a reload the server has only the links' hashes: revoke stays, copy is gone.
  const dora = ada.getByRole('row').filter({ hasText: 'dora@partner.example' })
  await dora
    .getByRole('button', { name: 'Revoke the invitation for dora@partner.example' })
    .waitFor()
  assert.equal(await dora.getByRole('button', { name: /Copy link/ }).count(), 0)
  for (const page of [ada, cy]) assert.deepEqual(page.errors, [])
})
