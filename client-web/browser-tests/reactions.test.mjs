// Defect: "reaction names like __proto__ or toString break every viewer's client".
// The server refuses such names (an emoji needs a non-ASCII character); the client keeps
// reactions in a Map, so even a name that got through could not hit Object.prototype.
import assert from 'node:assert/strict'
import { test } from 'node:test'
import {
  ADMIN,
  createRoom,
  inviteAndRegister,
  login,
  messageAction,
  newPage,
  openRoom,
  screenshot,
  send,
  waitForTexts,
  useServerAndBrowser,
} from './harness.mjs'
import { exchange } from './seed.mjs'

const BEN = { email: 'ben@partner.example', password: 'another long secret', name: 'Ben' }
const ODD = ['__proto__', 'toString', 'constructor', 'hasOwnProperty', 'valueOf']

let ada, ben, room
const fx = useServerAndBrowser({}, async ({ browser }) => {
  ada = await newPage(browser)
  await login(ada, fx.server.url, ADMIN.email, ADMIN.password)
  room = await createRoom(ada, 'Reactions')
  ben = await inviteAndRegister(ada, browser, fx.server.url, BEN)
  await openRoom(ben, fx.server.url, room)
})

const msg = (page, text) => page.locator('.message-list > li.message').filter({ hasText: text })
const reactionButtons = (page, text) =>
  msg(page, text)
    .locator('button.reaction')
    .evaluateAll((bs) =>
      // The label without who reacted (": Ada, Ben").
      bs.map((b) => [b.dataset.emoji, b.getAttribute('aria-label').split(': ')[0]]),
    )

test('another member reacting with __proto__ or toString is refused; the viewer keeps working', async () => {
  await send(ada, 'Shall we compare our curricula?')
  await waitForTexts(ben, ['Shall we compare our curricula?'])
  const target = Number(await msg(ben, 'compare our curricula').getAttribute('data-seq'))
  assert.ok(target > 0)

  // Ada reacts through a raw WebSocket, as any client could.
  const odd = ODD.map((emoji) => ({ type: 'react', room, target, emoji, on: true }))
  const answers = await exchange(ada, [
    ...odd,
    { type: 'react', room, target, emoji: '🎉', on: true },
  ])
  for (const [i, a] of answers.slice(0, ODD.length).entries()) {
    assert.equal(a.type, 'error', `${ODD[i]}: ${JSON.stringify(a)}`)
    assert.equal(a.code, 'bad_field', `${ODD[i]}: ${JSON.stringify(a)}`)
  }
  const ack = answers.at(-1)
  assert.equal(ack.type, 'ack', JSON.stringify(ack))
  assert.equal(ack.room, room)
  assert.equal(ack.stream, room)
  assert.ok(ack.seq > target)

  // Ben sees the real emoji, once, and nothing named like Object.prototype members.
  await msg(ben, 'compare our curricula').getByRole('button', { name: '🎉 from 1' }).waitFor()
  const buttons = await reactionButtons(ben, 'compare our curricula')
  assert.deepEqual(
    buttons.filter(([e]) => ODD.includes(e)),
    [],
    JSON.stringify(buttons),
  )
  assert.equal(buttons.filter(([e]) => e === '🎉').length, 1)

  // The room still works both ways: Ben reacts and posts, Ada sees both.
  await msg(ben, 'compare our curricula').getByRole('button', { name: '🎉 from 1' }).click()
  await msg(ada, 'compare our curricula').getByRole('button', { name: '🎉 from 2' }).waitFor()
  await send(ben, 'Yes, gladly.')
  await waitForTexts(ada, ['Shall we compare our curricula?', 'Yes, gladly.'])
  await waitForTexts(ben, ['Shall we compare our curricula?', 'Yes, gladly.'])

  // After a reload the reactions come from a history page: still one 🎉, from 2.
  await ben.reload()
  await msg(ben, 'compare our curricula').getByRole('button', { name: '🎉 from 2' }).waitFor()
  await screenshot(ben, 'reactions-refused')
  assert.deepEqual([...ada.errors, ...ben.errors], [])
})

test('a history page whose reactions are named __proto__ and toString renders, and the room keeps working', async () => {
  const me = await ben.evaluate(async () => (await (await fetch('/api/me')).json()).user.id)
  // NOTE: the server refuses such names, so they are spliced into its history answers on
  //       their way to the page, as JSON text: JSON.parse makes "__proto__" an own key.
  const extra = `"__proto__":[1,${me}],"toString":[${me}],"constructor":[1,2,3]`
  const viewer = await newPage(fx.browser)
  let spliced = 0
  await viewer.routeWebSocket(/\/ws$/, (ws) => {
    const server = ws.connectToServer()
    ws.onMessage((m) => server.send(m))
    server.onMessage((frame) => {
      if (typeof frame !== 'string') return ws.send(frame)
      const lines = frame.split('\n').map((line) => {
        if (!line || JSON.parse(line).type !== 'history') return line
        spliced++
        return line.replace(
          /"reactions":\{(\}?)/g,
          (_, empty) => `"reactions":{${extra}${empty ? '}' : ','}`,
        )
      })
      ws.send(lines.join('\n'))
    })
  })
  await login(viewer, fx.server.url, BEN.email, BEN.password)
  await openRoom(viewer, fx.server.url, room)
  await waitForTexts(viewer, ['Shall we compare our curricula?', 'Yes, gladly.'])
  assert.ok(spliced > 0, 'a history answer went through the splice')

  const first = msg(viewer, 'compare our curricula')
  await first.getByRole('button', { name: '🎉 from 2' }).waitFor()
  const buttons = new Map(await reactionButtons(viewer, 'compare our curricula'))
  assert.equal(buttons.get('__proto__'), '__proto__ from 2')
  assert.equal(buttons.get('toString'), 'toString from 1')
  assert.equal(buttons.get('constructor'), 'constructor from 3')
  assert.equal(buttons.get('🎉'), '🎉 from 2')
  assert.equal(
    await first.locator('button[data-emoji="toString"]').getAttribute('aria-pressed'),
    'true',
  )
  const reply = msg(viewer, 'gladly')
  assert.match(
    await reply.locator('button[data-emoji="__proto__"]').getAttribute('aria-label'),
    /^__proto__ from 2: /,
  )

  // Live events still apply on top: Ada adds a reaction, the viewer posts.
  await (await messageAction(msg(ada, 'gladly'), 'React with 👍')).click()
  await reply.getByRole('button', { name: '👍 from 1' }).waitFor()
  await send(viewer, 'Still working.')
  await waitForTexts(ada, ['Shall we compare our curricula?', 'Yes, gladly.', 'Still working.'])
  await waitForTexts(viewer, ['Shall we compare our curricula?', 'Yes, gladly.', 'Still working.'])
  await screenshot(viewer, 'reactions-odd-history')
  assert.deepEqual([...viewer.errors, ...ada.errors], [])
  assert.equal(await viewer.evaluate(() => Object.getPrototypeOf({}) === Object.prototype), true)
})
