// The HTTP route the rooms feature reads: the instance's people (GET /api/users, paged;
// protocol/accounts/accounts.md), to add someone to a room.

import { call } from '../../core/api'
import type { User } from '../../core/protocol'

/** Pages read at most: a picker of 2,000 people is as far as a list goes. */
const MAX_PAGES = 10

export async function instanceUsers(): Promise<User[]> {
  const all: User[] = []
  let cursor: string | null = null
  for (let page = 0; page < MAX_PAGES; page++) {
    const query: string = cursor ? `?cursor=${encodeURIComponent(cursor)}` : ''
    const res: { users: User[]; next: string | null } = await call('GET', `/api/users${query}`)
    all.push(...res.users)
    cursor = res.next
    if (!cursor) break
  }
  return all
}
