// Country, languages and time zone are chosen from lists named in the reader's language
// (ISO 3166, BCP 47, IANA): no free text can get in, and nothing is tagged "SUOMI".
import assert from 'node:assert/strict'
import { test } from 'node:test'
import {
  ADMIN,
  checkA11yBothThemes,
  login,
  newPage,
  screenshot,
  useServerAndBrowser,
} from './harness.mjs'

const fx = useServerAndBrowser()

test('the profile pickers refuse free text and name places in the reader’s language', async () => {
  const page = await newPage(fx.browser)
  await login(page, fx.server.url, ADMIN.email, ADMIN.password)
  await page.getByRole('link', { name: 'Profile' }).click()
  await page.getByRole('heading', { name: 'Profile settings' }).waitFor()

  const country = page.locator('#profile-country')
  const tz = page.locator('#profile-tz')
  for (const picker of [country, tz, page.locator('#profile-add-language')])
    assert.equal(await picker.evaluate((el) => el.tagName), 'SELECT', 'a list, not a text box')
  assert.equal(await page.locator('.languages-field input').count(), 0)
  assert.equal(await country.locator('option').count(), 250) // 249 countries and "Not given"
  await assert.rejects(country.fill('suomi, englanti'), /not an <input>/)

  await country.selectOption('FI')
  const remove = page.locator('.chosen-languages button')
  while ((await remove.count()) > 0) await remove.first().click()
  await page.getByLabel('Add a language').selectOption('en')
  await page.getByLabel('Add a language').selectOption('fi')
  await tz.selectOption('Europe/Helsinki')
  assert.deepEqual(await page.locator('.chosen-languages li').allInnerTexts(), [
    'English Remove',
    'Finnish Remove',
  ])
  await page.getByRole('button', { name: 'Remove English' }).click()
  await page.getByRole('button', { name: 'Save' }).click()
  await page.getByRole('status').filter({ hasText: 'Your profile was saved.' }).waitFor()
  await checkA11yBothThemes(page, 'profile')
  await screenshot(page, 'profile-1280')
  // The settings on a phone, too.
  await page.setViewportSize({ width: 375, height: 812 })
  await page.getByRole('heading', { name: 'Profile settings' }).waitFor()
  await checkA11yBothThemes(page, 'profile on a phone')
  await screenshot(page, 'profile-375')
  await page.setViewportSize({ width: 1280, height: 800 })

  const me = await page.evaluate(async () => (await (await fetch('/api/me')).json()).user)
  assert.equal(me.country, 'FI')
  assert.deepEqual(me.languages, ['fi'])
  assert.equal(me.time_zone, 'Europe/Helsinki')

  // In German, the same choices are named in German.
  await page.locator('#lang-app').selectOption('de')
  await page.getByRole('heading', { name: 'Profileinstellungen' }).waitFor()
  assert.equal(await country.locator('option:checked').innerText(), 'Finnland')
  assert.match(await page.locator('.chosen-languages li').first().innerText(), /^Finnisch/)
  assert.deepEqual(page.errors, [])
  await page.context().close()
})
