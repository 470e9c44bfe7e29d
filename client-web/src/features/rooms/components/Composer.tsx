import { useLayoutEffect, useMemo, useRef, useState } from 'preact/hooks'
import type { ChatStore } from '../store'
import { languageName } from '../../../core/format'
import { currentLanguage, t } from '../../../core/i18n'
import { renderMarkdown } from '../../../core/markdown'
import { closedShortcodeAt, mentionQueryAt, shortcodeQueryAt } from '../completion'
import { mentionCandidates, mentionedIds } from '../mentions'
import type { User } from '../../../core/protocol'
import type { Member, Message } from '../protocol'
import { FormError } from '../../../core/components/FormError'
import { Drafts } from '../drafts'
import { COUNTER_FROM, overLimit, textLength } from '../limits'
import { SuggestionList, type Suggestion } from './SuggestionList'

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

/** Completions offered at the caret: members for "@name", emoji for ":code". */
interface Completion {
  kind: 'people' | 'emoji'
  start: number
  items: (Suggestion & { insert: string; member?: Member })[]
  active: number
}

const shortcodes = () => import('../emoji/shortcodes')

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
  const [completion, setCompletion] = useState<Completion | null>(null)
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
    setCompletion(null)
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

  // Value and caret change at once, in this event: set later (after a render or a
  // frame), the caret would jump back over whatever a fast typist has typed since.
  const replace = (start: number, end: number, insert: string) => {
    const el = input.current
    if (!el) return
    const current = el.value // what is in the box now, even before a render caught up
    const caret = el.selectionStart ?? current.length
    el.value = current.slice(0, start) + insert + current.slice(end)
    // After the replaced text, the caret moves with it; inside it, to its end.
    const pos =
      caret >= end
        ? caret + insert.length - (end - start)
        : caret <= start
          ? caret
          : start + insert.length
    el.setSelectionRange(pos, pos)
    setText(el.value)
  }

  const updateCompletion = (value: string, caret: number) => {
    setCompletion(null)
    const q = mentionQueryAt(value, caret)
    if (q) {
      const list = mentionCandidates(store.room(roomId)?.members ?? [], q.query, user.id)
      const items = list.map((m) => ({
        key: `u${m.user}`,
        label: m.display_name,
        hint: m.institution,
        insert: `@${m.display_name} `,
        member: m,
      }))
      if (items.length) setCompletion({ kind: 'people', start: q.start, items, active: 0 })
      return
    }
    // Emoji come from a chunk and a database loaded on first use: the answer counts only
    // if the box still ends in the same ":code" (or ":code:") when it arrives.
    const at = () => {
      const el = input.current
      return el ? { v: el.value, c: el.selectionStart ?? el.value.length } : { v: '', c: 0 }
    }
    const sq = shortcodeQueryAt(value, caret)
    if (sq) {
      void shortcodes()
        .then((m) => m.shortcodesFor(sq.query))
        .then((found) => {
          const { v, c } = at()
          if (shortcodeQueryAt(v, c)?.query !== sq.query || !found.length) return
          if (document.activeElement !== input.current) return // the box was left meanwhile
          const items = found.map((e) => ({
            key: `e${e.code}`,
            label: `${e.unicode} :${e.code}:`,
            insert: `${e.unicode} `,
          }))
          setCompletion({ kind: 'emoji', start: sq.start, items, active: 0 })
        })
        .catch(() => {})
      return
    }
    const closed = closedShortcodeAt(value, caret)
    if (closed) {
      const typed = `:${closed.code}:`
      void shortcodes()
        .then((m) => m.emojiOf(closed.code))
        .then((emoji) => {
          const end = closed.start + typed.length
          if (emoji && at().v.slice(closed.start, end) === typed) replace(closed.start, end, emoji)
        })
        .catch(() => {})
    }
  }

  /** Completes with item `i`; false (and the list closed) when the caret left the word. */
  const pick = (i: number): boolean => {
    const el = input.current
    if (!el || !completion) return false
    const caret = el.selectionStart ?? el.value.length
    const at = (completion.kind === 'people' ? mentionQueryAt : shortcodeQueryAt)(el.value, caret)
    setCompletion(null)
    if (at?.start !== completion.start) return false
    const item = completion.items[i]
    if (item.member) chosen.current.set(item.member.user, item.member.display_name)
    replace(completion.start, caret, item.insert)
    return true
  }

  const onKeyDown = (e: KeyboardEvent) => {
    if (completion) {
      const n = completion.items.length
      if (e.key === 'ArrowDown' || e.key === 'ArrowUp') {
        e.preventDefault()
        const d = e.key === 'ArrowDown' ? 1 : n - 1
        setCompletion({ ...completion, active: (completion.active + d) % n })
        return
      }
      if ((e.key === 'Enter' || e.key === 'Tab') && pick(completion.active)) {
        e.preventDefault()
        return
      }
      if (e.key === 'Escape') {
        e.preventDefault()
        setCompletion(null)
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
    updateCompletion(el.value, el.selectionStart ?? el.value.length)
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
            aria-expanded={completion !== null}
            aria-controls={completion ? listId : undefined}
            aria-activedescendant={
              completion ? `${listId}-${completion.items[completion.active].key}` : undefined
            }
            onInput={onInput}
            onKeyDown={onKeyDown}
            onBlur={() => setCompletion(null)}
          />
          {completion && (
            <SuggestionList
              id={listId}
              label={t(completion.kind === 'people' ? 'composer.mentions' : 'composer.emoji')}
              items={completion.items}
              active={completion.active}
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
