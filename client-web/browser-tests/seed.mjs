// Posts many messages quickly through a WebSocket opened inside a logged-in page.
export async function seedMessages(page, room, texts) {
  await page.evaluate(
    ({ room, texts }) =>
      new Promise((resolve, reject) => {
        const ws = new WebSocket(`ws://${location.host}/ws`)
        let acked = 0
        ws.onerror = () => reject(new Error('seed socket failed'))
        ws.onopen = () => ws.send(JSON.stringify({ type: 'hello', version: 1 }))
        ws.onmessage = (ev) => {
          for (const line of String(ev.data).split('\n')) {
            const m = JSON.parse(line)
            if (m.type === 'synced')
              texts.forEach((text, i) =>
                ws.send(JSON.stringify({ type: 'post', rid: i, room, text, lang: 'en' })),
              )
            if (m.type === 'ack' && ++acked === texts.length) {
              ws.close()
              resolve(undefined)
            }
            if (m.type === 'error') reject(new Error(line))
          }
        }
      }),
    { room, texts },
  )
}

/**
 * Sends `frames` through a raw WebSocket opened inside a logged-in page (after hello and
 * synced), one request id each, and returns the server's answer to each, in order.
 */
export async function exchange(page, frames) {
  return page.evaluate(
    (frames) =>
      new Promise((resolve, reject) => {
        const ws = new WebSocket(`ws://${location.host}/ws`)
        const answers = new Array(frames.length)
        let left = frames.length
        const timer = setTimeout(() => {
          ws.close()
          reject(new Error(`no answer to ${JSON.stringify(frames.filter((_, i) => !answers[i]))}`))
        }, 10000)
        ws.onerror = () => reject(new Error('exchange socket failed'))
        ws.onopen = () => ws.send(JSON.stringify({ type: 'hello', version: 1 }))
        ws.onmessage = (ev) => {
          for (const line of String(ev.data).split('\n')) {
            if (!line) continue
            const m = JSON.parse(line)
            if (m.type === 'synced')
              frames.forEach((f, i) => ws.send(JSON.stringify({ ...f, rid: `x${i}` })))
            const i = typeof m.rid === 'string' ? Number(m.rid.slice(1)) : -1
            if (i >= 0 && !answers[i]) {
              answers[i] = m
              if (--left === 0) {
                clearTimeout(timer)
                ws.close()
                resolve(answers)
              }
            }
          }
        }
      }),
    frames,
  )
}
