// The rooms' part of notifications: the unread count in the tab title, and a desktop
// notification for a mention or a reply to the reader while they look elsewhere (or at
// another room).
import { useEffect } from 'preact/hooks'
import { away, notify, setUnread } from '../../core/notify'
import { t } from '../../core/i18n'
import { navigate } from '../../core/router'
import type { ChatStore } from './store'

const MAX_BODY = 140

export function useRoomNotifications(store: ChatStore): void {
  useEffect(() => {
    const title = () => setUnread('rooms', store.totalUnread())
    title()
    const offChange = store.subscribe(title)
    const offAttention = store.onAttention((a) => {
      if (!away() && store.activeRoom === a.room) return
      const text = a.text.length > MAX_BODY ? `${a.text.slice(0, MAX_BODY)}…` : a.text
      const key = a.why === 'mention' ? 'notify.mentioned' : 'notify.replied'
      notify(t(key, { name: a.author, room: a.roomName }), text, `room-${a.room}-${a.seq}`, () =>
        navigate(`/rooms/${a.room}`),
      )
    })
    return () => {
      offChange()
      offAttention()
      setUnread('rooms', 0)
    }
  }, [store])
}
