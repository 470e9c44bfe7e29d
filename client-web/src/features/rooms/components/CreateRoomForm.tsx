import { useRef, useState } from 'preact/hooks'
import type { ChatStore } from '../store'
import { t } from '../../../core/i18n'
import { navigate } from '../../../core/router'
import { Field } from '../../../core/components/Field'
import { FormError } from '../../../core/components/FormError'

export function CreateRoomForm({ store }: { store: ChatStore }) {
  const [name, setName] = useState('')
  const [topic, setTopic] = useState('')
  const [visibility, setVisibility] = useState<'open' | 'private'>('open')
  const [error, setError] = useState('')
  const details = useRef<HTMLDetailsElement>(null)
  const submit = (e: Event) => {
    e.preventDefault()
    if (!name.trim()) return
    const ok = store.request(
      { type: 'room_create', name: name.trim(), visibility, topic: topic.trim() },
      (m) => {
        if (m.type === 'room') {
          setName('')
          setTopic('')
          if (details.current) details.current.open = false
          // A private room is nothing without its people: the members panel opens, ready to
          // add them.
          navigate(`/rooms/${m.room.id}${m.room.visibility === 'private' ? '?add=people' : ''}`)
        } else if (m.type === 'error') setError(m.message)
      },
    )
    setError(ok ? '' : t('error.offline'))
  }
  return (
    <details class="create-room" ref={details}>
      <summary>{t('rooms.create')}</summary>
      <form onSubmit={submit}>
        <Field
          id="room-name"
          label={t('rooms.name')}
          value={name}
          onInput={setName}
          required
          maxLength={100}
        />
        <Field
          id="room-topic"
          label={t('rooms.topic')}
          value={topic}
          onInput={setTopic}
          maxLength={500}
        />
        <fieldset>
          <legend>{t('rooms.visibility')}</legend>
          {(['open', 'private'] as const).map((v) => (
            <label key={v} class="radio">
              <input
                type="radio"
                name="room-visibility"
                value={v}
                checked={visibility === v}
                onChange={() => setVisibility(v)}
              />
              {t(v === 'open' ? 'rooms.open' : 'rooms.private')}
            </label>
          ))}
        </fieldset>
        {error && <FormError text={error} />}
        <button type="submit" class="primary">
          {t('rooms.createSubmit')}
        </button>
      </form>
    </details>
  )
}
