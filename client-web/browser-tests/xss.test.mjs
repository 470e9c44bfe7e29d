import assert from 'node:assert/strict'
import { test } from 'node:test'
import {
  ADMIN,
  createRoom,
  inviteAndRegister,
  login,
  newPage,
  openRoom,
  waitFor,
  useServerAndBrowser,
} from './harness.mjs'
import { seedMessages } from './seed.mjs'

// Each payload, if it ran, would set window.__pwned or open a dialog.
const P = 'window.__pwned=1'
const PAYLOADS = [
  `<script>${P}</script>`,
  `<img src=x onerror="${P}">`,
  `<svg onload="${P}"></svg>`,
  `<svg><script>${P}</script></svg>`,
  `<iframe src="javascript:${P}"></iframe>`,
  `<body onload="${P}">`,
  `<a href="javascript:${P}">click</a>`,
  `[click](javascript:${P})`,
  `[click](JaVaScRiPt:${P})`,
  `[click](  javascript:${P})`,
  `[click](java&#x09;script:${P})`,
  `[click](data:text/html;base64,PHNjcmlwdD5hbGVydCgxKTwvc2NyaXB0Pg==)`,
  `[click](vbscript:msgbox(1))`,
  `![x](javascript:${P})`,
  `![x" onerror="${P}](https://x)`,
  `[x](https://example.org "title\\" onmouseover=\\"${P}")`,
  `<details open ontoggle="${P}">`,
  `<math><mtext><table><mglyph><style><img src=x onerror="${P}">`,
  `<style>@import 'https://evil.example/x.css';</style>`,
  `<div style="background:url(javascript:${P})">x</div>`,
  `<input autofocus onfocus="${P}">`,
  `<object data="javascript:${P}"></object>`,
  `<form action="javascript:${P}"><button>go</button></form>`,
  `<base href="https://evil.example/">`,
  `<meta http-equiv="refresh" content="0;url=javascript:${P}">`,
  `[a](<javascript:${P}>)`,
  `<https://example.org/" onmouseover="${P}>`,
  `\`<script>${P}</script>\``,
]

const fx = useServerAndBrowser()

test(`none of ${PAYLOADS.length} XSS payloads runs, and the CSP header is strict`, async () => {
  assert.ok(PAYLOADS.length >= 20)
  const ada = await newPage(fx.browser)
  const dialogs = []
  ada.on('dialog', (d) => {
    dialogs.push(d.message())
    void d.dismiss()
  })
  const response = await ada.goto(`${fx.server.url}/login`)
  const csp = response.headers()['content-security-policy'] ?? ''
  for (const part of [
    "default-src 'self'",
    "script-src 'self'",
    "object-src 'none'",
    "base-uri 'none'",
    "frame-ancestors 'none'",
  ]) {
    assert.ok(csp.includes(part), `CSP has ${part}: ${csp}`)
  }
  assert.ok(!/unsafe-inline|unsafe-eval/.test(csp), 'CSP allows no inline script')
  assert.equal(response.headers()['cache-control'], 'no-cache')

  // Count CSP violations: a payload the sanitiser let through would show up here.
  await ada.addInitScript(() => {
    window.__violations = []
    document.addEventListener('securitypolicyviolation', (e) =>
      window.__violations.push(e.violatedDirective),
    )
  })
  await login(ada, fx.server.url, ADMIN.email, ADMIN.password)
  const room = await createRoom(ada, 'XSS')
  const ben = await inviteAndRegister(ada, fx.browser, fx.server.url, {
    email: 'ben@partner.example',
    password: 'another long secret',
    name: 'Ben',
  })
  await openRoom(ben, fx.server.url, room)
  await seedMessages(ben, room, PAYLOADS)
  await openRoom(ada, fx.server.url, room)
  await waitFor(
    async () => (await ada.locator('.message-list > li.message').count()) === PAYLOADS.length,
    'all payloads shown',
  )

  // Hover and focus everything inside the messages, and click every link.
  const links = ada.locator('.message-list .md a')
  for (let i = 0; i < (await links.count()); i++) {
    await links.nth(i).hover()
    const href = await links.nth(i).getAttribute('href')
    assert.ok(href === null || /^(https?:|mailto:)/.test(href), `safe href: ${href}`)
    assert.equal(await links.nth(i).getAttribute('rel'), 'noopener noreferrer nofollow')
  }
  const audit = await ada.evaluate(() => {
    const root = document.querySelector('.message-list')
    const bad = []
    for (const el of root.querySelectorAll('.md *')) {
      if (
        /^(SCRIPT|IFRAME|OBJECT|EMBED|SVG|MATH|STYLE|FORM|INPUT|BASE|META|IMG|DETAILS)$/i.test(
          el.tagName,
        )
      )
        bad.push(el.tagName)
      for (const a of el.attributes)
        if (/^on/i.test(a.name) || a.name === 'style') bad.push(`${el.tagName}[${a.name}]`)
    }
    return {
      bad,
      pwned: window.__pwned ?? 0,
      violations: window.__violations,
      base: document.baseURI,
    }
  })
  assert.deepEqual(audit.bad, [])
  assert.equal(audit.pwned, 0)
  assert.deepEqual(audit.violations, [], 'no CSP violation: the sanitiser stopped everything first')
  assert.ok(audit.base.startsWith(fx.server.url))
  assert.deepEqual(dialogs, [])
  assert.deepEqual(ada.errors, [])
  await ben.close()
})
