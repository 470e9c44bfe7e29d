import { useRef, useState } from 'preact/hooks'
import type { ChatStore } from '../store'
import { refusal } from '../refusal'
import { t } from '../../../core/i18n'
import type { User } from '../../../core/protocol'
import { focusAfterRender } from '../../../core/focus'
import { navigate } from '../../../core/router'
import { ConfirmButton } from '../../../core/components/ConfirmButton'
import { FormError } from '../../../core/components/FormError'
import { Field } from '../../../core/components/Field'

interface Props {
  store: ChatStore
  roomId: number
  user: User
}

/**
 * A room's name and topic (the topic: owners, moderators and admins; the name and
 * archiving: owners and admins), and leaving it. The server decides; changes arrive
 * for everyone as `room`.
 */
export function RoomSettings({ store, roomId, user }: Props) {
  const info = store.room(roomId)?.info
  // null: not edited, so the field shows the room's current value (someone else may
  // rename it meanwhile) and saving does not send it back.
  const [name, setName] = useState<string | null>(null)
  const [topic, setTopic] = useState<string | null>(null)
  const [status, setStatus] = useState('')
  const archiveSlot = useRef<HTMLDivElement>(null)
  // Archive and Unarchive replace each other: the focus goes to the one now shown.
  const focusArchive = () => focusAfterRender(() => archiveSlot.current, 'button')
  const [error, setError] = useState('')
  if (!info) return null
  const admin = user.role === 'admin'
  const canRename = admin || info.role === 'owner'
  const canTopic = canRename || info.role === 'moderator'
  const archived = info.archived === true

  const run = (p: Promise<void>, done: string, after?: () => void) => {
    setStatus('')
    setError('')
    p.then(
      () => {
        setStatus(done)
        after?.()
      },
      (e: { code: string }) => setError(t('members.refused', { reason: refusal(e.code) })),
    )
  }
  const save = (e: Event) => {
    e.preventDefault()
    const change: { name?: string; topic?: string } = {}
    if (canRename && name !== null && name.trim() !== info.name) change.name = name.trim()
    if (topic !== null && topic.trim() !== info.topic) change.topic = topic.trim()
    if (Object.keys(change).length === 0) return setStatus(t('roomSettings.unchanged'))
    run(store.updateRoom(roomId, change), t('roomSettings.saved'), () => {
      setName(null)
      setTopic(null)
    })
  }
  const heading = `settings-heading-${roomId}`
  return (
    <aside class="side-panel room-settings" aria-labelledby={heading} id={`settings-${roomId}`}>
      <h2 id={heading} class="small-heading">
        {t('roomSettings.title')}
      </h2>
      {canTopic && !archived && (
        <form onSubmit={save}>
          <Field
            id={`settings-name-${roomId}`}
            label={t('rooms.name')}
            value={name ?? info.name}
            onInput={setName}
            required
            maxLength={100}
            disabled={!canRename}
          />
          <Field
            id={`settings-topic-${roomId}`}
            label={t('rooms.topic')}
            value={topic ?? info.topic}
            onInput={setTopic}
            maxLength={500}
          />
          <button type="submit" class="primary">
            {t('roomSettings.save')}
          </button>
        </form>
      )}
      <p class="members-status" role="status">
        {status}
      </p>
      {error && <FormError text={error} />}
      <div ref={archiveSlot}>
        {canRename &&
          (archived ? (
            <button
              type="button"
              onClick={() =>
                run(
                  store.updateRoom(roomId, { archived: false }),
                  t('roomSettings.unarchived'),
                  focusArchive,
                )
              }
            >
              {t('roomSettings.unarchive')}
            </button>
          ) : (
            <ConfirmButton
              label={t('roomSettings.archive')}
              question={t('roomSettings.confirmArchive')}
              confirmLabel={t('roomSettings.archive')}
              onConfirm={() =>
                run(
                  store.updateRoom(roomId, { archived: true }),
                  t('roomSettings.archived'),
                  focusArchive,
                )
              }
            />
          ))}
      </div>
      <h3 class="small-heading">{t('roomSettings.leaveTitle')}</h3>
      {info.role === 'owner' ? (
        <p class="hint">{t('roomSettings.ownerStays')}</p>
      ) : (
        <ConfirmButton
          label={t('roomSettings.leave')}
          question={t(
            info.visibility === 'private'
              ? 'roomSettings.confirmLeavePrivate'
              : 'roomSettings.confirmLeave',
          )}
          confirmLabel={t('roomSettings.leave')}
          onConfirm={() =>
            run(store.leave(roomId), '', () => {
              navigate('/rooms')
              focusAfterRender(() => document, '#rooms-heading')
            })
          }
          danger
        />
      )}
    </aside>
  )
}
