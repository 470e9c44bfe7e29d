import assert from 'node:assert/strict'
import { test } from 'node:test'
import {
  ADMIN,
  checkA11yBothThemes,
  createRoom,
  login,
  newPage,
  screenshot,
  send,
  useServerAndBrowser,
  waitForTexts,
} from './harness.mjs'

const fx = useServerAndBrowser()

const LANGS = ['en', 'de', 'fi', 'it', 'es', 'el', 'fr']
const ROOMS = {
  en: 'Rooms',
  de: 'Räume',
  fi: 'Huoneet',
  it: 'Stanze',
  es: 'Salas',
  el: 'Αίθουσες',
  fr: 'Salons',
}

test('the interface switches through all seven languages at once with no missing key', async () => {
  const page = await newPage(fx.browser)
  await login(page, fx.server.url, ADMIN.email, ADMIN.password)
  const room = await createRoom(page, 'Languages')
  await send(page, 'Hello **everyone**')
  await waitForTexts(page, ['Hello everyone'])
  for (const lang of LANGS) {
    await page.locator('#lang-app').selectOption(lang)
    await page.getByRole('heading', { name: ROOMS[lang] }).waitFor()
    assert.equal(await page.evaluate(() => document.documentElement.lang), lang)
    for (const path of ['/profile', '/admin', `/rooms/${room}`]) {
      await page
        .getByRole('link', { name: new RegExp('.') })
        .first()
        .waitFor()
      await page.evaluate((p) => {
        history.pushState(null, '', p)
        window.dispatchEvent(new Event('praxis:navigate'))
      }, path)
      await page.locator('#main h1').waitFor()
    }
    const raw = await page.evaluate(
      () =>
        document.body.innerText.match(
          /\b(?:app|nav|conn|rooms|room|msg|composer|admin|profile|login|setup|register|error|lang|live)\.[a-zA-Z]+\b/g,
        ) ?? [],
    )
    assert.deepEqual(raw, [], `no raw keys shown in ${lang}`)
  }
  await page.locator('#lang-app').selectOption('en')
})

test('screenshots of the room view at 375 px and 1280 px', async () => {
  for (const width of [375, 1280]) {
    const page = await newPage(fx.browser, { width, height: width === 375 ? 740 : 800 })
    await login(page, fx.server.url, ADMIN.email, ADMIN.password)
    await page.locator('.room-link').first().click()
    await waitForTexts(page, ['Hello everyone'])
    await checkA11yBothThemes(page, `room at ${width}px`)
    const overflow = await page.evaluate(
      () => document.documentElement.scrollWidth - window.innerWidth,
    )
    assert.ok(overflow <= 0, `no horizontal scrolling at ${width}px (${overflow})`)
    await screenshot(page, `room-${width}`)
    await page.context().close()
  }
})
