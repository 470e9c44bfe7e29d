import { useLayoutEffect, useMemo, useRef, useState } from 'preact/hooks'
import type { ChatStore } from '../store'
import { languageName } from '../../../core/format'
import { currentLanguage, t } from '../../../core/i18n'
import { renderMarkdown } from '../../../core/markdown'
import { mentionCandidates, mentionedIds, mentionQueryAt } from '../mentions'
import type { User } from '../../../core/protocol'
import type { Member, Message } from '../protocol'
import { FormError } from '../../../core/components/FormError'
import { Drafts } from '../drafts'
import { COUNTER_FROM, overLimit, textLength } from '../limits'
import { MentionList } from './MentionList'

export type ComposerMode =
  { kind: 'new' } | { kind: 'reply'; target: Message } | { kind: 'edit'; target: Message }

interface Props {
  store: ChatStore
  roomId: number
  user: User
  mode: ComposerMode
  onModeDone: () => void
  /** Up in the empty box: edit this (one's last message). */
  onEdit: (m: Message) => void
}

const TYPING_EVERY_MS = 3000

export function Composer({ store, roomId, user, mode, onModeDone, onEdit }: Props) {
  const drafts = useMemo(() => new Drafts(user.id), [user.id])
  // The room's draft (kept across room switches and reloads); an edit is not a draft.
  const [text, setTextState] = useState(() => drafts.get(roomId))
  const editing = mode.kind === 'edit'
  const setText = (value: string, keep = !editing) => {
    setTextState(value)
    if (keep) drafts.set(roomId, value)
  }
  const [preview, setPreview] = useState(false)
  const [lang, setLang] = useState(user.languages[0] || currentLanguage())
  const [mention, setMention] = useState<{ start: number; list: Member[]; active: number } | null>(
    null,
  )
  const [error, setError] = useState('')
  const chosen = useRef(new Map<number, string>())
  const lastTyping = useRef(0)
  const input = useRef<HTMLTextAreaElement>(null)

  // Opening a room puts the caret in its box (not on touch screens, where that would
  // open the keyboard over the room).
  useLayoutEffect(() => {
    // (Not when a link to a message has put the focus on it.)
    const onMessage = document.activeElement?.closest('.message-list')
    if (window.matchMedia?.('(pointer: fine)').matches && !onMessage) input.current?.focus()
  }, [])

  // A layout effect runs in the render that follows the click on Edit or Reply, before
  // any later keystroke: a plain effect runs after paint and could overwrite typed text.
  useLayoutEffect(() => {
    if (mode.kind === 'edit') setText(mode.target.text, false)
    if (mode.kind !== 'new') {
      setPreview(false)
      input.current?.focus()
    }
  }, [mode])

  // After a send the box is empty; after an edit (sent or cancelled) the draft returns.
  const reset = (sent: boolean) => {
    if (editing) setText(drafts.get(roomId), false)
    else setText(sent ? '' : text)
    chosen.current.clear()
    setMention(null)
    setPreview(false)
    onModeDone()
  }

  const limits = store.limits
  const length = textLength(text)
  const tooLong = overLimit(text, limits)

  const send = () => {
    const body = text.trim()
    if (!body) return
    // Kept in the box, with the reason: the server would refuse it.
    if (tooLong) return setError(t('composer.tooLong', { max: limits.maxTextChars }))
    if (mode.kind === 'edit') {
      if (!store.edit(roomId, mode.target.seq, body)) return setError(t('error.offline'))
    } else {
      const replyTo = mode.kind === 'reply' ? mode.target.seq : null
      store.post(roomId, body, lang, replyTo, mentionedIds(body, chosen.current))
    }
    setError('')
    reset(true)
    input.current?.focus()
  }

  const updateMention = (value: string, caret: number) => {
    const q = mentionQueryAt(value, caret)
    const members = store.room(roomId)?.members ?? []
    const list = q ? mentionCandidates(members, q.query, user.id) : []
    setMention(q && list.length ? { start: q.start, list, active: 0 } : null)
  }

  const pick = (m: Member) => {
    const el = input.current
    if (!el || !mention) return
    const current = el.value // what is in the box now, even before a render caught up
    const caret = el.selectionStart ?? current.length
    const insert = `@${m.display_name} `
    const next = current.slice(0, mention.start) + insert + current.slice(caret)
    chosen.current.set(m.user, m.display_name)
    // Value and caret change now, in this key event: set later (after a render or a frame),
    // the caret would jump back over whatever a fast typist has typed since.
    const pos = mention.start + insert.length
    el.value = next
    el.setSelectionRange(pos, pos)
    setText(next)
    setMention(null)
  }

  const onKeyDown = (e: KeyboardEvent) => {
    if (mention) {
      const n = mention.list.length
      if (e.key === 'ArrowDown' || e.key === 'ArrowUp') {
        e.preventDefault()
        const d = e.key === 'ArrowDown' ? 1 : n - 1
        setMention({ ...mention, active: (mention.active + d) % n })
        return
      }
      if (e.key === 'Enter' || e.key === 'Tab') {
        e.preventDefault()
        pick(mention.list[mention.active])
        return
      }
      if (e.key === 'Escape') {
        e.preventDefault()
        setMention(null)
        return
      }
    }
    if (e.key === 'ArrowUp' && mode.kind === 'new' && text === '' && !e.altKey) {
      // As in Slack and Zulip: Up in the empty box edits one's last message.
      const last = store
        .messagesOf(roomId)
        .filter((m) => m.by === user.id && !m.deleted)
        .at(-1)
      if (last) {
        e.preventDefault()
        onEdit(last)
      }
    } else if (e.key === 'Escape' && mode.kind !== 'new') {
      e.preventDefault()
      reset(false)
    } else if (e.key === 'Enter' && !e.shiftKey && !e.isComposing) {
      e.preventDefault()
      send()
    }
  }

  const onInput = (e: Event) => {
    const el = e.currentTarget as HTMLTextAreaElement
    setText(el.value)
    if (error && !overLimit(el.value, limits)) setError('')
    updateMention(el.value, el.selectionStart ?? el.value.length)
    if (el.value.includes('@') && !store.room(roomId)?.members) store.loadMembers(roomId)
    const now = Date.now()
    if (now - lastTyping.current > TYPING_EVERY_MS) {
      lastTyping.current = now
      store.typing(roomId)
    }
  }

  const listId = `mentions-${roomId}`
  const languages = [...new Set([lang, ...user.languages, currentLanguage()])]
  return (
    <form
      class="composer"
      onSubmit={(e) => {
        e.preventDefault()
        send()
      }}
    >
      {mode.kind !== 'new' && (
        <p class="composer-mode">
          {mode.kind === 'reply'
            ? t('composer.replyingTo', { name: mode.target.author_name })
            : t('composer.editing')}{' '}
          <button type="button" class="link-button" onClick={() => reset(false)}>
            {t('composer.cancel')}
          </button>
        </p>
      )}
      {preview ? (
        <div class="md preview" lang={lang} aria-label={t('composer.preview')} role="region">
          {text.trim() ? (
            <div dangerouslySetInnerHTML={{ __html: renderMarkdown(text) }} />
          ) : (
            <p>{t('composer.emptyPreview')}</p>
          )}
        </div>
      ) : (
        <div class="composer-input">
          <label for={`composer-${roomId}`} class="visually-hidden">
            {t('composer.label')}
          </label>
          <textarea
            id={`composer-${roomId}`}
            ref={input}
            rows={1}
            value={text}
            placeholder={t('composer.placeholder')}
            aria-describedby={`composer-hint-${roomId} composer-count-${roomId}`}
            aria-invalid={tooLong || undefined}
            role="combobox"
            aria-autocomplete="list"
            aria-expanded={mention !== null}
            aria-controls={mention ? listId : undefined}
            aria-activedescendant={
              mention ? `${listId}-${mention.list[mention.active].user}` : undefined
            }
            onInput={onInput}
            onKeyDown={onKeyDown}
            onBlur={() => setMention(null)}
          />
          {mention && (
            <MentionList
              id={listId}
              candidates={mention.list}
              active={mention.active}
              onPick={pick}
            />
          )}
        </div>
      )}
      <p id={`composer-count-${roomId}`} class={`counter${tooLong ? ' over' : ''}`}>
        {length >= limits.maxTextChars * COUNTER_FROM &&
          t('composer.counter', { count: length, max: limits.maxTextChars })}
      </p>
      <div class="composer-row">
        <div class="tabs" role="group" aria-label={t('composer.preview')}>
          <button type="button" aria-pressed={!preview} onClick={() => setPreview(false)}>
            {t('composer.write')}
          </button>
          <button type="button" aria-pressed={preview} onClick={() => setPreview(true)}>
            {t('composer.preview')}
          </button>
        </div>
        <label for={`composer-lang-${roomId}`} class="lang-label">
          {t('composer.lang')}
        </label>
        <select
          id={`composer-lang-${roomId}`}
          value={lang}
          onChange={(e) => setLang(e.currentTarget.value)}
        >
          {languages.map((l) => (
            <option key={l} value={l}>
              {languageName(l, currentLanguage())} ({l})
            </option>
          ))}
        </select>
        <p id={`composer-hint-${roomId}`} class="hint">
          {t('composer.hint')}
        </p>
        <button type="submit" class="primary">
          {mode.kind === 'edit' ? t('composer.saveEdit') : t('composer.send')}
        </button>
      </div>
      {error && <FormError text={error} />}
    </form>
  )
}
