// The outbox kept in the browser's localStorage, per user: a post that was queued
// offline, sent but not yet confirmed, or refused survives a reload (as in Slack). A
// restored post that was sent goes again with the same cmid: the server keeps at most
// one message per cmid. Storage that refuses only means the outbox is not kept.
import type { DraftStorage } from './drafts'
import type { PendingPost } from './store'

/** At most this many posts are kept (the oldest); more stay in memory only. */
export const MAX_SAVED_POSTS = 200

export class SavedOutbox {
  private last = '[]'

  constructor(
    private readonly user: number,
    private readonly storage: DraftStorage | null,
  ) {}

  private get key() {
    return `praxis.outbox.${this.user}`
  }

  /** The posts saved for this user; sent ones are queued again. */
  load(): PendingPost[] {
    try {
      const text = this.storage?.getItem(this.key)
      if (!text) return []
      this.last = text
      const posts: unknown = JSON.parse(text)
      if (!Array.isArray(posts)) return []
      return posts
        .filter(valid)
        .map((p) => ({ ...p, state: p.state === 'failed' ? 'failed' : 'queued' }))
    } catch {
      return []
    }
  }

  /** Keeps `posts` (this user's outbox); writes only when it changed. */
  save(posts: readonly PendingPost[]): void {
    const text = JSON.stringify(posts.slice(0, MAX_SAVED_POSTS))
    if (text === this.last) return
    this.last = text
    try {
      if (posts.length === 0) this.storage?.removeItem(this.key)
      else this.storage?.setItem(this.key, text)
    } catch {
      // not kept: the posts stay in memory
    }
  }
}

function valid(p: unknown): p is PendingPost {
  if (typeof p !== 'object' || p === null) return false
  const q = p as Record<string, unknown>
  return (
    typeof q.cmid === 'string' &&
    typeof q.room === 'number' &&
    typeof q.text === 'string' &&
    typeof q.lang === 'string' &&
    (q.reply_to === null || typeof q.reply_to === 'number') &&
    Array.isArray(q.mentions) &&
    q.mentions.every((m) => typeof m === 'number')
  )
}
