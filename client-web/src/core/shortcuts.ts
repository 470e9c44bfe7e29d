// Keyboard shortcuts, for every feature: each registers what it offers (keys, what they
// do, and a handler unless the keys work in one place only, as in a text box); one
// listener runs them, never while one is typing; the help dialog lists them all.
import type { MessageKey } from './i18n'

export interface Shortcut {
  /** As shown in the help, e.g. "Alt+↓"; one entry may name several. */
  keys: string
  /** What it does (a catalogue key). */
  does: MessageKey
  /** Whether a key event is this shortcut; absent for one documented only. */
  matches?: (e: KeyboardEvent) => boolean
  run?: () => void
}

const shortcuts: Shortcut[] = []

/** Adds shortcuts; returns what removes them. */
export function registerShortcuts(...list: Shortcut[]): () => void {
  shortcuts.push(...list)
  return () => {
    for (const s of list) shortcuts.splice(shortcuts.indexOf(s), 1)
  }
}

export function listShortcuts(): readonly Shortcut[] {
  return shortcuts
}

/** A text field (or the picker's search) has the focus: its keys are its own. */
function typing(e: KeyboardEvent): boolean {
  const el = e.composedPath()[0]
  return (
    el instanceof HTMLElement &&
    (el.isContentEditable || ['INPUT', 'TEXTAREA', 'SELECT'].includes(el.tagName))
  )
}

/** Runs the shortcut `e` is, if any; true when one ran. */
export function runShortcut(e: KeyboardEvent): boolean {
  // Alt combinations work from a text box too (they type nothing there).
  if (typing(e) && !e.altKey) return false
  const s = shortcuts.find((x) => x.run && x.matches?.(e))
  if (!s) return false
  e.preventDefault()
  s.run!()
  return true
}
