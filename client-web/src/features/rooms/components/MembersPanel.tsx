import { useEffect, useRef, useState } from 'preact/hooks'
import type { ChatStore } from '../store'
import { instanceUsers } from '../api'
import { refusal } from '../refusal'
import { ConfirmButton } from '../../../core/components/ConfirmButton'
import { FormError } from '../../../core/components/FormError'
import { t } from '../../../core/i18n'
import type { User } from '../../../core/protocol'
import type { Member } from '../protocol'

interface Props {
  store: ChatStore
  roomId: number
  user: User
  /** Just created: the focus goes to adding people. */
  startAdding?: boolean
}

/** Suggestions shown at most while adding people. */
const MAX_MATCHES = 8

/**
 * The room's members, online and offline; owners, moderators and admins add people of
 * the instance, remove members and (owners and admins) make moderators or hand the room
 * over to a new owner.
 */
export function MembersPanel({ store, roomId, user, startAdding = false }: Props) {
  const room = store.room(roomId)
  const [query, setQuery] = useState('')
  const [people, setPeople] = useState<User[] | null>(null)
  const [status, setStatus] = useState('')
  const [error, setError] = useState('')
  const role = room?.info.role
  const admin = user.role === 'admin'
  const canManage = admin || role === 'owner' || role === 'moderator'
  const canSetRoles = admin || role === 'owner'

  useEffect(() => store.loadMembers(roomId, true), [store, roomId])
  const addInput = useRef<HTMLInputElement>(null)
  // NOTE: a plain effect, after the composer's layout effect has put the caret in its box.
  useEffect(() => {
    if (startAdding) addInput.current?.focus()
  }, [startAdding])
  useEffect(() => {
    if (canManage && query && people === null) instanceUsers().then(setPeople, () => setPeople([]))
  }, [canManage, query, people])

  const members = room?.members ?? null
  const inRoom = new Set(members?.map((m) => m.user))
  const q = query.trim().toLocaleLowerCase()
  const matches = q
    ? (people ?? [])
        .filter((p) => !inRoom.has(p.id))
        .filter((p) => `${p.display_name} ${p.institution}`.toLocaleLowerCase().includes(q))
        .slice(0, MAX_MATCHES)
    : []

  const change = (msg: Parameters<ChatStore['changeMember']>[0], done: string) => {
    setError('')
    setStatus('')
    store.changeMember(msg).then(
      () => setStatus(done),
      (e: { code: string }) => setError(t('members.refused', { reason: refusal(e.code) })),
    )
  }
  const add = (p: User) => {
    setQuery('')
    change(
      { type: 'room_invite', room: roomId, user: p.id },
      t('members.added', { name: p.display_name }),
    )
  }
  const remove = (m: Member) =>
    change(
      { type: 'room_remove', room: roomId, user: m.user },
      t('members.removed', { name: m.display_name }),
    )
  const transfer = (m: Member) =>
    change(
      { type: 'room_transfer', room: roomId, user: m.user },
      t('members.transferred', { name: m.display_name }),
    )
  const setRole = (m: Member, to: 'moderator' | 'member') =>
    change(
      { type: 'room_set_role', room: roomId, user: m.user, role: to },
      t('members.roleChanged', { name: m.display_name }),
    )

  return (
    <aside
      class="members-panel"
      aria-labelledby={`members-heading-${roomId}`}
      id={`members-${roomId}`}
    >
      <h2 id={`members-heading-${roomId}`} class="small-heading">
        {t('room.members')}
      </h2>
      {canManage && (
        <div class="members-add">
          <label for={`members-add-${roomId}`}>{t('members.add')}</label>
          <input
            ref={addInput}
            id={`members-add-${roomId}`}
            type="search"
            value={query}
            placeholder={t('members.search')}
            autocomplete="off"
            onInput={(e) => setQuery(e.currentTarget.value)}
          />
          {q && people !== null && (
            <ul class="members-matches" aria-label={t('members.matches')}>
              {matches.map((p) => (
                <li key={p.id}>
                  <button type="button" onClick={() => add(p)}>
                    {t('members.addOne', { name: p.display_name })}
                    {p.institution && <span class="muted"> · {p.institution}</span>}
                  </button>
                </li>
              ))}
              {matches.length === 0 && <li class="muted">{t('members.noMatch')}</li>}
            </ul>
          )}
        </div>
      )}
      <p class="members-status" role="status">
        {status}
      </p>
      {error && <FormError text={error} />}
      {members === null ? (
        <p class="muted">{t('members.loading')}</p>
      ) : (
        <ul class="members-list">
          {members.map((m) => (
            <li key={m.user} data-user={m.user} class={m.online ? 'online' : 'offline'}>
              <span class={`dot${m.online ? '' : ' off'}`} aria-hidden="true" />
              <span class="member-name">{m.display_name}</span>
              <span class="visually-hidden">
                , {m.online ? t('members.online') : t('members.offline')}
              </span>
              {m.institution && <span class="muted"> · {m.institution}</span>}
              {m.role !== 'member' && <span class="role"> {t(`members.role.${m.role}`)}</span>}
              {m.user !== user.id && m.role !== 'owner' && (
                <span class="member-actions">
                  {canSetRoles && (
                    <button
                      type="button"
                      class="link-button"
                      onClick={() => setRole(m, m.role === 'moderator' ? 'member' : 'moderator')}
                    >
                      {m.role === 'moderator'
                        ? t('members.makeMember')
                        : t('members.makeModerator')}
                    </button>
                  )}
                  {canSetRoles && (
                    <ConfirmButton
                      label={t('members.makeOwner')}
                      name={t('members.makeOwnerOne', { name: m.display_name })}
                      question={t('members.confirmOwner', { name: m.display_name })}
                      confirmLabel={t('members.makeOwner')}
                      onConfirm={() => transfer(m)}
                      buttonClass="link-button"
                    />
                  )}
                  {canManage && (
                    <button
                      type="button"
                      class="link-button"
                      aria-label={t('members.removeOne', { name: m.display_name })}
                      onClick={() => remove(m)}
                    >
                      {t('members.remove')}
                    </button>
                  )}
                </span>
              )}
            </li>
          ))}
        </ul>
      )}
    </aside>
  )
}
