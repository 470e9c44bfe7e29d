// Desktop notifications and the tab title's unread count, for every feature. Permission
// is asked for only from a prompt that says why (never on load); a reader who says
// "not now" is not asked again on this device.
import { t } from './i18n'

const DISMISSED_KEY = 'praxis.notifications.dismissed'

export type NotifyState = 'unsupported' | NotificationPermission

export function notifyState(): NotifyState {
  return typeof Notification === 'undefined' ? 'unsupported' : Notification.permission
}

export function askDismissed(): boolean {
  try {
    return localStorage.getItem(DISMISSED_KEY) === '1'
  } catch {
    return false
  }
}

export function dismissAsk(): void {
  try {
    localStorage.setItem(DISMISSED_KEY, '1')
  } catch {
    // Private mode: asked again next time.
  }
}

export async function askPermission(): Promise<NotifyState> {
  if (notifyState() === 'unsupported') return 'unsupported'
  return Notification.requestPermission()
}

/** Shows a notification if the reader allowed them; a click brings the tab forward. */
export function notify(title: string, body: string, tag: string, onClick: () => void): void {
  if (notifyState() !== 'granted') return
  try {
    const n = new Notification(title, { body, tag })
    n.onclick = () => {
      window.focus()
      onClick()
      n.close()
    }
  } catch {
    // Some browsers allow notifications from a service worker only: none then.
  }
}

/** Whether the reader is looking elsewhere (another tab, window or application). */
export function away(): boolean {
  return document.visibilityState === 'hidden' || !document.hasFocus()
}

const unread = new Map<string, number>()

/** Sets one feature's unread count; the tab title shows the sum, "(3) Praxis". */
export function setUnread(source: string, count: number): void {
  unread.set(source, count)
  let total = 0
  for (const n of unread.values()) total += n
  const name = t('app.name')
  document.title = total > 0 ? `(${total}) ${name}` : name
}
