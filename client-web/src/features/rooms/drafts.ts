// What someone was writing in a room, kept per user and room in the browser's
// localStorage, so that it survives a room switch and a reload (as in Zulip or Slack).
// Storage that refuses (private mode, full, disabled) only means drafts are not kept.

/** The part of Storage that drafts use (localStorage in the browser). */
export type DraftStorage = Pick<Storage, 'getItem' | 'setItem' | 'removeItem'>

/** Longer drafts are not kept (the server refuses far shorter messages anyway). */
export const MAX_DRAFT_CHARS = 100_000

export function browserStorage(): DraftStorage | null {
  try {
    return typeof localStorage === 'undefined' ? null : localStorage
  } catch {
    return null
  }
}

export class Drafts {
  constructor(
    private readonly user: number,
    private readonly storage: DraftStorage | null = browserStorage(),
  ) {}

  private key(room: number) {
    return `praxis.draft.${this.user}.${room}`
  }

  get(room: number): string {
    try {
      return this.storage?.getItem(this.key(room)) ?? ''
    } catch {
      return ''
    }
  }

  /** Keeps `text` as the room's draft; an empty (or blank) text removes it. */
  set(room: number, text: string) {
    try {
      if (!text.trim() || text.length > MAX_DRAFT_CHARS) this.storage?.removeItem(this.key(room))
      else this.storage?.setItem(this.key(room), text)
    } catch {
      // not kept: the text stays in the box
    }
  }
}
