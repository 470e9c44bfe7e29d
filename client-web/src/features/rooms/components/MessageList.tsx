import { useEffect, useLayoutEffect, useRef } from 'preact/hooks'
import type { ChatStore } from '../store'
import { t, type UiLanguage } from '../../../core/i18n'
import type { User } from '../../../core/protocol'
import type { Message } from '../protocol'
import { MessageItem } from './MessageItem'
import { PendingItem } from './PendingItem'

interface Props {
  store: ChatStore
  roomId: number
  user: User
  lang: UiLanguage
  onReply: (m: Message) => void
  onEdit: (m: Message) => void
}

const NEAR_EDGE_PX = 80

/** The room's history; scrolling to the top loads older messages. */
export function MessageList({ store, roomId, user, lang, onReply, onEdit }: Props) {
  const room = store.room(roomId)
  const messages = store.messagesOf(roomId)
  const pending = store.pendingOf(roomId)
  const scroller = useRef<HTMLDivElement>(null)
  const prev = useRef({ first: 0, last: 0, pending: 0, height: 0, atBottom: true })

  // Keep the reader's place: older messages grow the list above; new ones stick to the bottom.
  useLayoutEffect(() => {
    const el = scroller.current
    if (!el) return
    const first = messages[0]?.seq ?? 0
    const last = messages[messages.length - 1]?.seq ?? 0
    const p = prev.current
    if (p.first && first < p.first) el.scrollTop += el.scrollHeight - p.height
    else if (last !== p.last || pending.length !== p.pending) {
      if (p.atBottom || pending.length > p.pending) el.scrollTop = el.scrollHeight
    }
    prev.current = {
      first,
      last,
      pending: pending.length,
      height: el.scrollHeight,
      atBottom: p.atBottom,
    }
  })

  useEffect(() => {
    const el = scroller.current
    if (!el) return
    const onScroll = () => {
      prev.current.atBottom = el.scrollHeight - el.scrollTop - el.clientHeight < NEAR_EDGE_PX
      prev.current.height = el.scrollHeight
      if (el.scrollTop < NEAR_EDGE_PX) store.loadOlder(roomId)
    }
    el.addEventListener('scroll', onScroll, { passive: true })
    return () => el.removeEventListener('scroll', onScroll)
  }, [store, roomId])

  const bySeq = new Map(messages.map((m) => [m.seq, m]))
  return (
    <div class="messages" ref={scroller} tabIndex={0} role="region" aria-label={t('room.history')}>
      {room?.load === 'loaded' && room.hasMore && (
        <button
          type="button"
          class="load-older"
          onClick={() => store.loadOlder(roomId)}
          disabled={room.loadingOlder}
        >
          {room.loadingOlder ? t('room.loadingOlder') : t('room.loadOlder')}
        </button>
      )}
      {room?.load === 'loaded' && !room.hasMore && messages.length > 0 && (
        <p class="beginning">{t('room.beginning')}</p>
      )}
      {room?.load !== 'loaded' && <p>{t('room.loading')}</p>}
      {room?.load === 'loaded' && messages.length === 0 && pending.length === 0 && (
        <p>{t('room.empty')}</p>
      )}
      <ol class="message-list">
        {messages.map((m) => (
          <MessageItem
            key={m.seq}
            store={store}
            roomId={roomId}
            message={m}
            replyTo={m.reply_to !== null ? bySeq.get(m.reply_to) : undefined}
            user={user}
            lang={lang}
            onReply={onReply}
            onEdit={onEdit}
          />
        ))}
        {pending.map((p) => (
          <PendingItem key={p.cmid} store={store} post={p} user={user} />
        ))}
      </ol>
    </div>
  )
}
