// Shared helpers for the browser tests: a praxisd of its own on port 0 with a temp data
// dir, headless Debian Chromium through playwright-core, axe-core, and login shortcuts.

import { spawn } from 'node:child_process'
import { once } from 'node:events'
import { mkdtempSync, mkdirSync, readFileSync, rmSync, existsSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { dirname, join, resolve } from 'node:path'
import { fileURLToPath } from 'node:url'
import { after, before } from 'node:test'
import { chromium } from 'playwright-core'

const here = dirname(fileURLToPath(import.meta.url))
export const clientDir = resolve(here, '..')
export const PRAXISD = process.env.PRAXISD ?? resolve(clientDir, '../build/release/praxisd')
export const SCREENSHOTS = join(clientDir, 'test-results', 'screenshots')
export const ADMIN = { email: 'ada@school.example', password: 'correct horse battery' }

async function waitFor(check, what, timeoutMs = 15000) {
  const end = Date.now() + timeoutMs
  for (;;) {
    const v = await check()
    if (v) return v
    if (Date.now() > end) throw new Error(`timed out waiting for ${what}`)
    await new Promise((r) => setTimeout(r, 25))
  }
}

/** Starts praxisd; `restart()` stops it and starts it again on the same port and data. */
export async function startServer({ admin = true, extra = [] } = {}) {
  const dataDir = mkdtempSync(join(tmpdir(), 'praxis-web-'))
  let port = 0
  let proc = null
  let stdout = ''
  const launch = async () => {
    const portFile = join(dataDir, 'port')
    rmSync(portFile, { force: true })
    const args = [
      '--data-dir',
      dataDir,
      '--port',
      String(port),
      '--port-file',
      portFile,
      '--listen',
      '127.0.0.1',
      '--web-root',
      join(clientDir, 'dist'),
      '--kdf-memory-kib',
      '1024',
      '--kdf-iterations',
      '1',
      // Tests act much faster than people: rooms, posts, reactions, read markers and
      // typing notices come in bursts, so none of them may be rate limited here.
      ...['messages', 'actions', 'reads', 'typing'].flatMap((what) => [
        `--${what}-per-second`,
        '1000',
        `--${what}-burst`,
        '1000',
      ]),
      '--shutdown-grace-seconds',
      '1',
      ...(admin ? ['--admin-email', ADMIN.email, '--admin-name', 'Ada'] : []),
      ...extra,
    ]
    // NOTE: the first admin's password comes from the environment, never the command
    //       line (where every local user could read it in the process list).
    const env = { ...process.env }
    delete env.PRAXIS_ADMIN_PASSWORD
    if (admin) env.PRAXIS_ADMIN_PASSWORD = ADMIN.password
    proc = spawn(PRAXISD, args, { stdio: ['ignore', 'pipe', 'pipe'], env })
    proc.stdout.on('data', (d) => (stdout += d))
    proc.stderr.on('data', (d) => (stdout += d))
    const exited = once(proc, 'exit')
    await Promise.race([
      waitFor(() => existsSync(portFile) && readFileSync(portFile, 'utf8').trim(), 'port file'),
      exited.then(() => {
        throw new Error(`praxisd exited early:\n${stdout}`)
      }),
    ])
    port = Number(readFileSync(portFile, 'utf8').trim())
  }
  const stop = async () => {
    if (!proc || proc.exitCode !== null) return
    const exited = once(proc, 'exit')
    proc.kill('SIGTERM')
    await exited
  }
  await launch()
  return {
    get url() {
      return `http://127.0.0.1:${port}`
    },
    get stdout() {
      return stdout
    },
    restart: async () => {
      await stop()
      await launch()
    },
    stop: async () => {
      await stop()
      rmSync(dataDir, { recursive: true, force: true })
    },
  }
}

export async function launchBrowser() {
  return chromium.launch({
    executablePath: process.env.CHROMIUM ?? '/usr/bin/chromium',
    args: [
      '--headless',
      '--no-sandbox',
      '--disable-gpu',
      '--disable-quic',
      '--no-first-run',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
    ],
  })
}

/** A fresh browser context + page, with page errors collected for assertions. */
export async function newPage(
  browser,
  { width = 1280, height = 800, locale = 'en-GB', colorScheme = 'light' } = {},
) {
  const context = await browser.newContext({
    viewport: { width, height },
    locale,
    colorScheme,
    timezoneId: 'Europe/Helsinki',
  })
  const page = await context.newPage()
  page.errors = []
  page.on('pageerror', (e) => page.errors.push(String(e)))
  return page
}

export async function login(page, base, email, password) {
  await page.goto(`${base}/login`)
  await page.getByLabel('E-mail').fill(email)
  await page.getByLabel('Password', { exact: true }).fill(password)
  await page.getByRole('button', { name: 'Log in' }).click()
  await page.getByRole('heading', { name: 'Rooms' }).first().waitFor()
  await waitOnline(page)
}

export async function waitOnline(page) {
  // Attached, not visible: in a room on a phone the top bar (and its badge) is hidden.
  await page.locator('.conn[data-status="online"]').waitFor({ state: 'attached' })
}

/**
 * Picks country and languages in a profile form (the pickers take no free text):
 * `country` an ISO code (default DE), `languages` codes in order (default 'de, en').
 */
export async function fillPlaces(page, { country = 'DE', languages = 'de, en' } = {}) {
  await page.getByLabel('Country', { exact: true }).selectOption(country)
  const remove = page.locator('.chosen-languages button')
  while ((await remove.count()) > 0) await remove.first().click()
  for (const code of languages.split(/[\s,]+/).filter(Boolean))
    await page.getByLabel('Add a language').selectOption(code)
}

/** Creates an invitation as the logged-in admin page and registers a new member with it. */
export async function inviteAndRegister(adminPage, browser, base, who) {
  const { invitation } = await adminPage.evaluate(async () => {
    const r = await fetch('/api/invitations', {
      method: 'POST',
      headers: { 'Content-Type': 'application/json' },
      body: JSON.stringify({ role: 'member' }),
    })
    return r.json()
  })
  const page = await newPage(browser, who.viewport)
  await page.goto(invitation.url.replace(/^http:\/\/[^/]+/, base))
  await page.getByLabel('E-mail').fill(who.email)
  await page.getByLabel('Password (at least 8 characters)').fill(who.password)
  await page.getByLabel('Name').fill(who.name)
  await page.getByLabel('Institution').fill(who.institution ?? 'Bfz')
  await fillPlaces(page, who)
  await page.getByRole('button', { name: 'Create account' }).click()
  await page.getByRole('heading', { name: 'Rooms' }).first().waitFor()
  await waitOnline(page)
  return page
}

export async function createRoom(page, name) {
  await page.getByText('Create a room').click()
  await page.getByLabel('Room name').fill(name)
  await page.getByRole('button', { name: 'Create', exact: true }).click()
  await page.getByRole('heading', { level: 1, name }).waitFor()
  return Number(new URL(page.url()).pathname.split('/').pop())
}

export async function openRoom(page, base, id) {
  await page.goto(`${base}/rooms/${id}`)
  await waitOnline(page)
  const join = page.getByRole('button', { name: 'Join' })
  const composer = page.getByRole('combobox', { name: 'Message', exact: true })
  await Promise.race([join.waitFor(), composer.waitFor()])
  if (await join.isVisible()) await join.click()
  await composer.waitFor()
}

/**
 * A button of a message's toolbar, hovered into view first (the toolbar shows on hover
 * or focus, as a person sees it).
 */
export async function messageAction(message, name) {
  await message.hover()
  return message.locator('.actions').getByRole('button', { name, exact: true })
}

export async function send(page, text) {
  const box = page.getByRole('combobox', { name: 'Message', exact: true })
  await box.fill(text)
  await box.press('Enter')
}

/** Texts of the room's confirmed messages, in order. */
export async function messageTexts(page) {
  return page.locator('.message-list > li.message:not(.pending) .md').allInnerTexts()
}

export async function waitForTexts(page, expected) {
  const want = JSON.stringify(expected)
  await waitFor(
    async () => JSON.stringify((await messageTexts(page)).map((s) => s.trim())) === want,
    `messages ${want}`,
  ).catch(async (e) => {
    throw new Error(`${e.message}; got ${JSON.stringify(await messageTexts(page))}`)
  })
}

const axePath = join(clientDir, 'node_modules', 'axe-core', 'axe.min.js')

/** Runs axe-core on the page; fails on serious or critical violations. */
export async function checkA11y(page, screen) {
  // NOTE: evaluated through the DevTools protocol, which the page's CSP does not govern;
  //       a <script> tag (addScriptTag) would be blocked by script-src 'self', as it should.
  if (!(await page.evaluate(() => 'axe' in window)))
    await page.evaluate(readFileSync(axePath, 'utf8'))
  const result = await page.evaluate(async () => {
    // eslint-disable-next-line no-undef
    const r = await axe.run(document, { resultTypes: ['violations'] })
    return r.violations.map((v) => ({
      id: v.id,
      impact: v.impact,
      nodes: v.nodes.map((n) => n.target.join(' ')).slice(0, 5),
    }))
  })
  const bad = result.filter((v) => v.impact === 'serious' || v.impact === 'critical')
  if (bad.length) throw new Error(`axe on ${screen}: ${JSON.stringify(bad, null, 1)}`)
  return result
}

/**
 * axe in both themes: as the page is, then with the system switched to the other colour
 * scheme (the theme follows it live), then back. Overlays are checked while open.
 */
export async function checkA11yBothThemes(page, screen) {
  const dark = await page.evaluate(() => document.documentElement.dataset.theme === 'dark')
  await checkA11y(page, `${screen}, ${dark ? 'dark' : 'light'}`)
  await page.emulateMedia({ colorScheme: dark ? 'light' : 'dark' })
  await page.locator(`html[data-theme="${dark ? 'light' : 'dark'}"]`).waitFor({ state: 'attached' })
  try {
    await checkA11y(page, `${screen}, ${dark ? 'light' : 'dark'}`)
  } finally {
    await page.emulateMedia({ colorScheme: dark ? 'dark' : 'light' })
  }
}

export async function screenshot(page, name) {
  mkdirSync(SCREENSHOTS, { recursive: true })
  await page.screenshot({ path: join(SCREENSHOTS, `${name}.png`), fullPage: false })
}

export { waitFor }

/** Registers before/after hooks giving the test file its own praxisd and browser. */
export function useServerAndBrowser(serverOptions, ready = async () => {}) {
  const fx = { server: null, browser: null }
  before(async () => {
    fx.server = await startServer(serverOptions)
    fx.browser = await launchBrowser()
    await ready(fx)
  })
  after(async () => {
    await fx.browser?.close()
    await fx.server?.stop()
  })
  return fx
}
