import assert from 'node:assert/strict'
import { test } from 'node:test'
import {
  ADMIN,
  createRoom,
  inviteAndRegister,
  login,
  newPage,
  openRoom,
  send,
  waitForTexts,
  waitOnline,
  useServerAndBrowser,
} from './harness.mjs'

const fx = useServerAndBrowser()

test('two members chat live; a server restart mid-conversation leaves no gap or duplicate', async () => {
  const ada = await newPage(fx.browser)
  await login(ada, fx.server.url, ADMIN.email, ADMIN.password)
  const room = await createRoom(ada, 'Dual VET')
  const ben = await inviteAndRegister(ada, fx.browser, fx.server.url, {
    email: 'ben@partner.example',
    password: 'another long secret',
    name: 'Ben',
  })
  await openRoom(ben, fx.server.url, room)

  await send(ada, 'Hello from Ada')
  await send(ben, 'Hallo von Ben')
  const before = ['Hello from Ada', 'Hallo von Ben']
  await waitForTexts(ada, before)
  await waitForTexts(ben, before)

  // Stop the server: both clients notice; Ada types a message while disconnected.
  const restarting = fx.server.restart()
  await ada.locator('.conn[data-status="reconnecting"]').waitFor()
  await send(ada, 'Typed while offline')
  await ada.locator('.pending').filter({ hasText: 'Typed while offline' }).waitFor()
  await restarting
  await waitOnline(ada)
  await waitOnline(ben)
  await send(ben, 'Back again')

  const all = [...before, 'Typed while offline', 'Back again']
  await waitForTexts(ada, all)
  await waitForTexts(ben, all)
  assert.equal(await ada.locator('.pending').count(), 0, 'the queued message is no longer marked')
  // A reload loads history from the server: the same list, so nothing was posted twice.
  await ben.reload()
  await waitOnline(ben)
  await waitForTexts(ben, all)
  assert.deepEqual([...ada.errors, ...ben.errors], [])
})
