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
