import { useEffect, useState } from 'preact/hooks'
import type { ChatStore } from '../store'
import type { Room } from '../protocol'
import { refusal } from '../refusal'
import { t } from '../../../core/i18n'
import { focusAfterRender } from '../../../core/focus'
import { DataTable } from '../../../core/components/DataTable'
import { FormError } from '../../../core/components/FormError'
import { NavLink } from '../../../core/components/NavLink'

/**
 * Every room of the instance for its admins, private ones included: visibility, whether
 * the admin is in it, archived or not; archiving and unarchiving from here.
 */
export function AdminRooms({ store }: { store: ChatStore }) {
  const [rooms, setRooms] = useState<Room[] | null>(null)
  const [status, setStatus] = useState('')
  const [error, setError] = useState('')
  const failed = (e: { code: string }) =>
    setError(t('members.refused', { reason: refusal(e.code) }))
  const reload = () => {
    store.everyRoom().then(setRooms, failed)
  }
  useEffect(reload, [store])
  const setArchived = (r: Room, archived: boolean) => {
    setStatus('')
    setError('')
    store.updateRoom(r.id, { archived }).then(() => {
      setStatus(t(archived ? 'rooms.adminArchived' : 'rooms.adminUnarchived', { name: r.name }))
      reload()
      focusAfterRender(() => document, '#admin-rooms-status')
    }, failed)
  }
  return (
    <section aria-labelledby="admin-rooms-heading">
      <h2 id="admin-rooms-heading">{t('rooms.adminTitle')}</h2>
      <p role="status" id="admin-rooms-status" tabIndex={-1}>
        {status}
      </p>
      {error && <FormError text={error} />}
      {rooms === null ? (
        <p>{t('app.loading')}</p>
      ) : (
        <DataTable
          labelledBy="admin-rooms-heading"
          headings={[
            t('rooms.name'),
            t('rooms.visibility'),
            t('rooms.adminYou'),
            t('rooms.adminStatus'),
            t('rooms.adminActions'),
          ]}
        >
          {rooms.map((r) => (
            <tr key={r.id} data-room={r.id}>
              <td>
                <NavLink href={`/rooms/${r.id}`}>{r.name}</NavLink>
              </td>
              <td>{t(r.visibility === 'open' ? 'rooms.open' : 'rooms.private')}</td>
              <td>
                {!r.member
                  ? '—'
                  : r.role === 'owner' || r.role === 'moderator'
                    ? t(`members.role.${r.role}`)
                    : t('rooms.adminMember')}
              </td>
              <td>{t(r.archived ? 'rooms.adminIsArchived' : 'rooms.adminIsActive')}</td>
              <td>
                <button
                  type="button"
                  aria-label={`${t(r.archived ? 'roomSettings.unarchive' : 'roomSettings.archive')}: ${r.name}`}
                  onClick={() => setArchived(r, !r.archived)}
                >
                  {t(r.archived ? 'roomSettings.unarchive' : 'roomSettings.archive')}
                </button>
              </td>
            </tr>
          ))}
        </DataTable>
      )}
    </section>
  )
}
