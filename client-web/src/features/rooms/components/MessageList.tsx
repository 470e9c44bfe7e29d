import { useEffect, useLayoutEffect, useRef, useState } from 'preact/hooks'
import type { ChatStore } from '../store'
import { t, type UiLanguage } from '../../../core/i18n'
import type { User } from '../../../core/protocol'
import type { Message } from '../protocol'
import { MessageItem } from './MessageItem'
import { PendingItem } from './PendingItem'
import { firstNewSeq } from '../unread'

interface Props {
  store: ChatStore
  roomId: number
  user: User
  lang: UiLanguage
  onReply: (m: Message) => void
  onEdit: (m: Message) => void
  /** A link's message (?msg=seq): shown and focused once loaded. */
  target: number | null
}

const NEAR_EDGE_PX = 80
/** How many older pages a link to a message loads, at most, to reach it. */
const MAX_LINK_PAGES = 40
/** A message within this long of the one before, by the same author, joins its group. */
export const GROUP_MS = 5 * 60 * 1000

/** Whether m goes under prev's header (same author, soon after, not a reply). */
export function groupsWith(prev: Message | undefined, m: Message): boolean {
  return (
    prev !== undefined &&
    prev.by === m.by &&
    m.reply_to === null &&
    !prev.deleted &&
    m.at - prev.at >= 0 &&
    m.at - prev.at < GROUP_MS
  )
}

/** The message (li) an event came from, if it is one of the list's. */
function messageOf(target: EventTarget | null): HTMLElement | null {
  const el = target instanceof Element ? target.closest<HTMLElement>('li.message[data-seq]') : null
  return el
}

/**
 * Keyboard use of the list (one Tab stop, a roving tabindex): Up/Down, Home/End move
 * between messages; Enter goes to the focused message's actions, Left/Right move among
 * them, Escape goes back to the message.
 */
function onListKey(e: KeyboardEvent, atFirst: () => void) {
  const li = messageOf(e.target)
  if (!li) return
  // The emoji picker has keys of its own.
  if (e.target instanceof Element && e.target.closest('.picker-popover')) return
  const inAction = e.target !== li
  const items = () => [...li.parentElement!.querySelectorAll<HTMLElement>('li.message[data-seq]')]
  const move = (to: HTMLElement | undefined) => {
    if (!to) return
    e.preventDefault()
    to.focus()
  }
  if (!inAction) {
    const all = items()
    const i = all.indexOf(li)
    if (e.key === 'ArrowDown') move(all[i + 1])
    else if (e.key === 'ArrowUp') {
      if (i === 0) atFirst()
      move(all[i - 1])
    } else if (e.key === 'Home') move(all[0])
    else if (e.key === 'End') move(all[all.length - 1])
    else if (e.key === 'Enter')
      // The toolbar first (its quick reactions, then reply, edit, delete).
      move(
        li.querySelector<HTMLElement>('.actions button') ?? li.querySelector('button') ?? undefined,
      )
    return
  }
  const buttons = [...li.querySelectorAll<HTMLElement>('button')]
  const j = buttons.indexOf(e.target as HTMLElement)
  if (e.key === 'ArrowRight') move(buttons[(j + 1) % buttons.length])
  else if (e.key === 'ArrowLeft') move(buttons[(j + buttons.length - 1) % buttons.length])
  else if (e.key === 'Escape') move(li)
}

/** The room's history; scrolling to the top loads older messages. */
export function MessageList({ store, roomId, user, lang, onReply, onEdit, target }: Props) {
  const room = store.room(roomId)
  const messages = store.messagesOf(roomId)
  const pending = store.pendingOf(roomId)
  const scroller = useRef<HTMLDivElement>(null)
  const prev = useRef({ first: 0, last: 0, pending: 0, height: 0, atBottom: true })
  // Scrolled away from the newest (a Jump to the newest button shows).
  const [away, setAway] = useState(false)

  // Keep the reader's place: older messages grow the list above; new ones stick to the bottom.
  useLayoutEffect(() => {
    const el = scroller.current
    if (!el) return
    const first = messages[0]?.seq ?? 0
    const last = messages[messages.length - 1]?.seq ?? 0
    const p = prev.current
    const divider = !p.last && last ? document.getElementById(`new-${roomId}`) : null
    if (divider) {
      // Opening a room with new messages: start at the first of them.
      divider.scrollIntoView({ block: 'start' })
      p.atBottom = el.scrollHeight - el.scrollTop - el.clientHeight < NEAR_EDGE_PX
      setAway(!p.atBottom)
    } else if (p.first && first < p.first) el.scrollTop += el.scrollHeight - p.height
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
      setAway(!prev.current.atBottom)
      prev.current.height = el.scrollHeight
      if (el.scrollTop < NEAR_EDGE_PX) store.loadOlder(roomId)
    }
    el.addEventListener('scroll', onScroll, { passive: true })
    return () => el.removeEventListener('scroll', onScroll)
  }, [store, roomId])

  // A link to a message: older pages load until it is in, then it is shown and focused.
  const link = useRef({ target: null as number | null, pages: 0, done: false })
  const [missing, setMissing] = useState(false)
  useEffect(() => {
    const l = link.current
    if (l.target !== target) Object.assign(l, { target, pages: 0, done: false })
    if (target === null || l.done || room?.load !== 'loaded' || room.loadingOlder) return
    // NOTE: the store as it is now, not as this render saw it: a page may have come in
    //       between (its messages are then in the next render).
    const loaded = store.messagesOf(roomId)
    const el = document.getElementById(`msg-${roomId}-${target}`)
    if (el) {
      l.done = true
      setMissing(false)
      el.scrollIntoView({ block: 'center' })
      el.focus()
    } else if (loaded.some((m) => m.seq === target) || (loaded.length === 0 && room.hasMore)) {
      // Rendered next.
    } else if (room.hasMore && l.pages < MAX_LINK_PAGES && loaded[0].seq > target) {
      l.pages++
      store.loadOlder(roomId)
    } else {
      l.done = true
      setMissing(true)
    }
  })

  // The message that takes the list's Tab stop: the last one focused, else the newest.
  const [focused, setFocused] = useState<number | null>(null)
  const tabStop =
    focused !== null && messages.some((m) => m.seq === focused)
      ? focused
      : (messages[messages.length - 1]?.seq ?? null)

  // A "new messages" line goes before the first message new to the reader.
  const firstNew = firstNewSeq(messages, room?.readAtOpen ?? 0, room?.hasMore ?? false, user.id)
  const dividerId = `new-${roomId}`
  const jumpTo = (where: 'new' | 'newest') => {
    const el = scroller.current
    if (!el) return
    if (where === 'newest') el.scrollTop = el.scrollHeight
    else document.getElementById(dividerId)?.scrollIntoView({ block: 'start' })
  }

  const bySeq = new Map(messages.map((m) => [m.seq, m]))
  return (
    <div class="messages" ref={scroller} role="region" aria-label={t('room.history')}>
      {room?.load === 'loaded' && room.hasMore && (
        // Out of the Tab order: Up on the first message loads older ones too.
        <button
          type="button"
          tabIndex={-1}
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
      {missing && (
        <p class="notice" role="status">
          {t('msg.notFound')}
        </p>
      )}
      {room?.load === 'loaded' && messages.length === 0 && pending.length === 0 && (
        <p>{t('room.empty')}</p>
      )}
      <ol
        class="message-list"
        onKeyDown={(e) => onListKey(e, () => store.loadOlder(roomId))}
        onFocusIn={(e) => {
          const li = messageOf(e.target)
          if (li) setFocused(Number(li.dataset.seq))
        }}
      >
        {messages.flatMap((m, i) => [
          ...(m.seq === firstNew
            ? [
                <li key="new" id={dividerId} class="new-divider">
                  <span>{t('room.newMessages')}</span>
                </li>,
              ]
            : []),
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
            tabbable={m.seq === tabStop}
            targeted={m.seq === target}
            grouped={m.seq !== firstNew && groupsWith(messages[i - 1], m)}
          />,
        ])}
        {pending.map((p) => (
          <PendingItem key={p.cmid} store={store} post={p} user={user} />
        ))}
      </ol>
      {(away || firstNew !== null) && (
        <div class="jump-bar">
          {firstNew !== null && (
            <button type="button" onClick={() => jumpTo('new')}>
              {t('room.jumpToNew')}
            </button>
          )}
          {away && (
            <button type="button" onClick={() => jumpTo('newest')}>
              {t('room.jumpToNewest')}
            </button>
          )}
        </div>
      )}
    </div>
  )
}
