// The app shell is fixed to the viewport: only the message list (and the sidebar, when
// its rooms overflow) scrolls. The wheel over any region, and PageDown, Space or End with
// focus outside the list, never move the shell off screen.
import assert from 'node:assert/strict'
import { test } from 'node:test'
import { ADMIN, createRoom, login, newPage, openRoom, useServerAndBrowser } from './harness.mjs'
import { seedMessages } from './seed.mjs'

let room
const fx = useServerAndBrowser({}, async ({ browser }) => {
  const ada = await newPage(browser)
  await login(ada, fx.server.url, ADMIN.email, ADMIN.password)
  room = await createRoom(ada, 'Apprenticeship mentors')
  await seedMessages(
    ada,
    room,
    Array.from({ length: 80 }, (_, i) => `Note ${i + 1} on mentoring`),
  )
  await ada.context().close()
})

/** Where the shell is and how far the page itself can scroll. */
async function shellPlace(page) {
  return page.evaluate(() => ({
    shellTop: document.querySelector('.shell').getBoundingClientRect().top,
    pageScroll: document.scrollingElement.scrollTop,
    pageHeight: document.scrollingElement.scrollHeight,
    viewport: window.innerHeight,
  }))
}

async function assertShellInPlace(page, what) {
  const p = await shellPlace(page)
  assert.equal(p.shellTop, 0, `${what}: shell moved ${JSON.stringify(p)}`)
  assert.equal(p.pageScroll, 0, `${what}: page scrolled ${JSON.stringify(p)}`)
  assert.ok(
    p.pageHeight <= p.viewport + 1,
    `${what}: page taller than the viewport ${JSON.stringify(p)}`,
  )
}

for (const viewport of [
  { width: 1280, height: 800 },
  { width: 375, height: 812 },
]) {
  test(`wheel and paging keys never move the shell (${viewport.width} px)`, async () => {
    const page = await newPage(fx.browser, viewport)
    await login(page, fx.server.url, ADMIN.email, ADMIN.password)
    await openRoom(page, fx.server.url, room)
    await page.locator('.message-list > li.message').first().waitFor()
    await assertShellInPlace(page, 'opened')

    // On a phone an open room has the whole screen (no top bar, no sidebar).
    const regions = ['.room-header', '.composer', '.messages']
    if (viewport.width > 600) regions.push('.topbar', '.sidebar')
    for (const region of regions) {
      const box = await page.locator(region).first().boundingBox()
      assert.ok(box, `${region} is shown`)
      await page.mouse.move(box.x + box.width / 2, box.y + Math.min(box.height / 2, 20))
      for (const dy of [-4000, 4000]) {
        await page.mouse.wheel(0, dy)
        await page.waitForTimeout(100)
        await assertShellInPlace(page, `wheel ${dy} over ${region}`)
      }
    }
    // Keys with focus on the page (not in the list or a text box).
    await page.locator('.room-header h1').click()
    for (const key of ['PageDown', 'Space', 'End', 'ArrowDown']) {
      await page.keyboard.press(key)
      await page.waitForTimeout(100)
      await assertShellInPlace(page, `${key} on the page`)
    }
    // The message list itself still scrolls.
    const list = page.locator('.messages')
    const before = await list.evaluate((el) => el.scrollTop)
    const box = await list.boundingBox()
    await page.mouse.move(box.x + box.width / 2, box.y + box.height / 2)
    await page.mouse.wheel(0, -2000)
    await page.waitForTimeout(200)
    assert.notEqual(await list.evaluate((el) => el.scrollTop), before, 'the list scrolls')
    await assertShellInPlace(page, 'list scrolled')
    await page.context().close()
  })
}
