import { memo } from 'preact/compat'
import { useEffect, useMemo, useRef, useState } from 'preact/hooks'
import type { ChatStore } from '../store'
import { formatClock, formatTime, languageName } from '../../../core/format'
import { t, type UiLanguage } from '../../../core/i18n'
import { renderMarkdown } from '../../../core/markdown'
import { copyText } from '../../../core/clipboard'
import type { User } from '../../../core/protocol'
import type { Message } from '../protocol'
import { QuickReactions, Reactions } from './Reactions'
import { ReactionPicker } from './ReactionPicker'
import { ProfileCard } from './ProfileCard'

interface Props {
  store: ChatStore
  roomId: number
  message: Message
  replyTo: Message | undefined
  user: User
  lang: UiLanguage
  onReply: (m: Message) => void
  onEdit: (m: Message) => void
  /** The list's one Tab stop (roving tabindex); its actions are reached with Enter. */
  tabbable: boolean
  /** Follows a message of the same author shortly before: no header line of its own. */
  grouped: boolean
  /** The message a link led to (highlighted). */
  targeted?: boolean
}

// Dark enough for white initials (contrast of 4.5:1 or more).
const AVATAR_COLOURS = ['#1d4e89', '#7a2e8c', '#1b6e3a', '#8a3b12', '#2f5d62', '#6b4226', '#a4161a']
const avatarColour = (user: number) => AVATAR_COLOURS[user % AVATAR_COLOURS.length]
const initials = (name: string) =>
  name
    .split(/\s+/)
    .filter(Boolean)
    .slice(0, 2)
    .map((w) => [...w][0]!.toUpperCase())
    .join('')

function MessageItemImpl({
  store,
  roomId,
  message: m,
  replyTo,
  user,
  lang,
  onReply,
  onEdit,
  tabbable,
  grouped,
  targeted = false,
}: Props) {
  const html = useMemo(() => (m.deleted ? '' : renderMarkdown(m.text)), [m.text, m.deleted])
  const quote = useMemo(
    () => (replyTo && !replyTo.deleted ? renderMarkdown(replyTo.text) : ''),
    [replyTo],
  )
  // Delete asks first (inline): a slip of the finger should not remove a message.
  const [confirming, setConfirming] = useState(false)
  const item = useRef<HTMLLIElement>(null)
  const [card, setCard] = useState(false)
  const [copied, setCopied] = useState<'msg.linkCopied' | 'msg.linkFailed' | null>(null)
  useEffect(() => {
    if (!copied) return
    const timer = setTimeout(() => setCopied(null), 3000)
    return () => clearTimeout(timer)
  }, [copied])
  const confirmButton = useRef<HTMLButtonElement>(null)
  useEffect(() => {
    if (confirming) confirmButton.current?.focus()
  }, [confirming])
  const showOriginal = () => {
    const el = document.getElementById(`msg-${roomId}-${m.reply_to}`)
    el?.scrollIntoView({ block: 'center' })
    el?.focus()
  }
  const mine = m.by === user.id
  const mentionsMe = m.mentions.includes(user.id)
  const headingId = `msg-${roomId}-${m.seq}-author`
  return (
    <li
      class={`message${targeted ? ' targeted' : ''}${grouped ? ' grouped' : ''}${mine ? ' mine' : ''}${mentionsMe ? ' mentions-me' : ''}`}
      id={`msg-${roomId}-${m.seq}`}
      ref={item}
      data-seq={m.seq}
      aria-labelledby={headingId}
      tabIndex={tabbable ? 0 : -1}
    >
      {!grouped && (
        <span class="avatar" aria-hidden="true" style={{ '--avatar': avatarColour(m.by) }}>
          {initials(m.author_name)}
        </span>
      )}
      {grouped && (
        <span class="gutter-time" aria-hidden="true">
          {formatClock(m.at, lang, user.time_zone)}
        </span>
      )}
      {/* A grouped message keeps its header for screen readers (its accessible name). */}
      <div class={grouped ? 'meta visually-hidden' : 'meta'}>
        {grouped ? (
          // Hidden but for screen readers (the group's first message has the card).
          <span class="author" id={headingId}>
            {m.author_name}
          </span>
        ) : (
          <button
            type="button"
            tabIndex={-1}
            class="author link-button"
            id={headingId}
            aria-expanded={card}
            aria-haspopup="dialog"
            title={t('card.show', { name: m.author_name })}
            onClick={() => setCard(!card)}
          >
            {m.author_name}
          </button>
        )}{' '}
        {card && (
          <ProfileCard
            store={store}
            roomId={roomId}
            user={m.by}
            name={m.author_name}
            onClose={() => {
              setCard(false)
              document.getElementById(headingId)?.focus()
            }}
          />
        )}
        <time dateTime={new Date(m.at).toISOString()}>
          {formatTime(m.at, lang, user.time_zone)}
        </time>{' '}
        <span class="msg-lang" title={t('msg.language', { language: languageName(m.lang, lang) })}>
          <span aria-hidden="true">{m.lang}</span>
          <span class="visually-hidden">
            {t('msg.language', { language: languageName(m.lang, lang) })}
          </span>
        </span>
        {m.edited_at !== null && !m.deleted && <span class="edited"> {t('msg.edited')}</span>}
        {mentionsMe && <span class="visually-hidden">, {t('msg.mentionsYou')}</span>}
      </div>
      {m.reply_to !== null && (
        <div class="reply-ref">
          {replyTo ? (
            <button type="button" tabIndex={-1} class="link-button" onClick={showOriginal}>
              {t('msg.inReplyTo', { name: replyTo.author_name })}
            </button>
          ) : (
            t('msg.inReplyTo', { name: t('msg.unknownReply') })
          )}
          {quote && (
            <div
              class="reply-quote"
              lang={replyTo?.lang}
              dangerouslySetInnerHTML={{ __html: quote }}
            />
          )}
        </div>
      )}
      {m.deleted ? (
        <p class="deleted">{t('msg.deleted')}</p>
      ) : (
        <div class="md" lang={m.lang} dangerouslySetInnerHTML={{ __html: html }} />
      )}
      {!m.deleted && (
        <>
          <Reactions store={store} roomId={roomId} message={m} user={user} />
          {/* Shown on hover and focus (CSS); always in the DOM, out of the Tab order. */}
          <div class="actions" role="group" aria-label={t('msg.actions', { name: m.author_name })}>
            <QuickReactions store={store} roomId={roomId} message={m} user={user} />
            <ReactionPicker
              onPick={(emoji) => store.react(roomId, m.seq, emoji, true)}
              onClosed={() => item.current?.focus()}
            />
            <button type="button" tabIndex={-1} onClick={() => onReply(m)}>
              {t('msg.reply')}
            </button>
            <button
              type="button"
              tabIndex={-1}
              onClick={() => {
                const url = `${location.origin}/rooms/${roomId}?msg=${m.seq}`
                void copyText(url).then((ok) => setCopied(ok ? 'msg.linkCopied' : 'msg.linkFailed'))
              }}
            >
              {t('msg.copyLink')}
            </button>
            {copied && (
              <span class="copied" role="status">
                {t(copied)}
              </span>
            )}
            {mine && (
              <button type="button" tabIndex={-1} onClick={() => onEdit(m)}>
                {t('msg.edit')}
              </button>
            )}
            {(mine || user.role === 'admin') && !confirming && (
              <button type="button" tabIndex={-1} onClick={() => setConfirming(true)}>
                {t('msg.delete')}
              </button>
            )}
            {confirming && (
              <span class="confirm">
                {t('msg.confirmDelete')}{' '}
                <button
                  type="button"
                  tabIndex={-1}
                  class="danger"
                  ref={confirmButton}
                  onClick={() => {
                    setConfirming(false)
                    store.remove(roomId, m.seq)
                  }}
                >
                  {t('msg.confirmDeleteYes')}
                </button>{' '}
                <button type="button" tabIndex={-1} onClick={() => setConfirming(false)}>
                  {t('composer.cancel')}
                </button>
              </span>
            )}
          </div>
        </>
      )}
    </li>
  )
}

/** One message; re-renders only when its own data changes. */
export const MessageItem = memo(MessageItemImpl, (a, b) => {
  // NOTE: the store replaces a message object whenever it changes, so identity suffices.
  return (
    a.message === b.message &&
    a.replyTo === b.replyTo &&
    a.lang === b.lang &&
    a.user === b.user &&
    a.tabbable === b.tabbable &&
    a.grouped === b.grouped &&
    a.targeted === b.targeted
  )
})
