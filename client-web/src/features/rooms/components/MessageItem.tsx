import { memo } from 'preact/compat'
import { useMemo } from 'preact/hooks'
import type { ChatStore } from '../store'
import { formatTime, languageName } from '../../../core/format'
import { t, type UiLanguage } from '../../../core/i18n'
import { renderMarkdown } from '../../../core/markdown'
import type { User } from '../../../core/protocol'
import type { Message } from '../protocol'
import { Reactions } from './Reactions'

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
}

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
}: Props) {
  const html = useMemo(() => (m.deleted ? '' : renderMarkdown(m.text)), [m.text, m.deleted])
  const mine = m.by === user.id
  const mentionsMe = m.mentions.includes(user.id)
  const headingId = `msg-${roomId}-${m.seq}-author`
  return (
    <li
      class={`message${mine ? ' mine' : ''}${mentionsMe ? ' mentions-me' : ''}`}
      data-seq={m.seq}
      aria-labelledby={headingId}
      tabIndex={tabbable ? 0 : -1}
    >
      <div class="meta">
        <span class="author" id={headingId}>
          {m.author_name}
        </span>{' '}
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
        <p class="reply-ref">
          {t('msg.inReplyTo', { name: replyTo?.author_name ?? t('msg.unknownReply') })}
          {replyTo && !replyTo.deleted && (
            <span class="reply-quote">: {replyTo.text.slice(0, 80)}</span>
          )}
        </p>
      )}
      {m.deleted ? (
        <p class="deleted">{t('msg.deleted')}</p>
      ) : (
        <div class="md" lang={m.lang} dangerouslySetInnerHTML={{ __html: html }} />
      )}
      {!m.deleted && (
        <>
          <Reactions store={store} roomId={roomId} message={m} user={user} />
          <div class="actions" role="group" aria-label={t('msg.actions', { name: m.author_name })}>
            <button type="button" tabIndex={-1} onClick={() => onReply(m)}>
              {t('msg.reply')}
            </button>
            {mine && (
              <button type="button" tabIndex={-1} onClick={() => onEdit(m)}>
                {t('msg.edit')}
              </button>
            )}
            {(mine || user.role === 'admin') && (
              <button type="button" tabIndex={-1} onClick={() => store.remove(roomId, m.seq)}>
                {t('msg.delete')}
              </button>
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
    a.tabbable === b.tabbable
  )
})
