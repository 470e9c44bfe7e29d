// :shortcode: completion, loaded the first time someone types ":" and two letters: the
// emoji database of emoji-picker-element over the English GitHub-style shortcodes
// (":smile:", ":+1:", ":tada:"), which Slack, Zulip and GitHub users type in every
// interface language. Served by praxisd like the picker's data.
import Database from 'emoji-picker-element/database.js'
import enData from 'emoji-picker-element-data/en/github/data.json?url'

let db: Database | null = null
const database = () =>
  (db ??= new Database({ locale: 'en', dataSource: new URL(enData, location.href).href }))

export interface Shortcode {
  code: string
  unicode: string
}

/** Up to `max` emoji with a shortcode starting with `prefix`, the shortest codes first. */
export async function shortcodesFor(prefix: string, max = 8): Promise<Shortcode[]> {
  const found = await database().getEmojiBySearchQuery(prefix)
  const out: Shortcode[] = []
  for (const e of found) {
    if (!('unicode' in e)) continue
    const code = e.shortcodes?.find((s) => s.startsWith(prefix))
    if (code) out.push({ code, unicode: e.unicode })
  }
  out.sort((a, b) => a.code.length - b.code.length || a.code.localeCompare(b.code))
  return out.slice(0, max)
}

/** The emoji of exactly this shortcode, or null. */
export async function emojiOf(code: string): Promise<string | null> {
  const e = await database().getEmojiByShortcode(code)
  return e && 'unicode' in e ? e.unicode : null
}
