import type { ChatStore } from '../store'
import type { Room } from '../protocol'
import { useStore } from '../../../core/hooks'
import { t } from '../../../core/i18n'
import { CreateRoomForm } from './CreateRoomForm'
import { NavLink } from '../../../core/components/NavLink'
import { NotifyPrompt } from '../../../core/components/NotifyPrompt'

/** Rooms by name (the archived ones apart, folded), with unread and mention badges and how many are online. */
export function RoomList({ store, activeRoom }: { store: ChatStore; activeRoom: number | null }) {
  useStore(store)
  const rooms = store.sortedRooms()
  const current = rooms.filter((r) => !r.info.archived)
  const archived = rooms.filter((r) => r.info.archived)
  return (
    <nav class="sidebar" aria-labelledby="rooms-heading">
      <h2 id="rooms-heading" tabIndex={-1}>
        {t('rooms.title')}
      </h2>
      {rooms.length === 0 && store.synced && <p>{t('rooms.empty')}</p>}
      <ul class="room-list">
        {current.map(({ info }) => (
          <RoomItem key={info.id} info={info} active={info.id === activeRoom} />
        ))}
      </ul>
      {archived.length > 0 && (
        <details class="archived-rooms" open={archived.some((r) => r.info.id === activeRoom)}>
          <summary>{t('rooms.archivedGroup', { count: archived.length })}</summary>
          <ul class="room-list">
            {archived.map(({ info }) => (
              <RoomItem key={info.id} info={info} active={info.id === activeRoom} />
            ))}
          </ul>
        </details>
      )}
      <CreateRoomForm store={store} />
      {/* Asked when it explains itself: once someone mentioned or answered the reader. */}
      {store.calledForAttention && <NotifyPrompt />}
    </nav>
  )
}

function RoomItem({ info, active }: { info: Room; active: boolean }) {
  const unread = info.unread ?? 0
  const mentions = info.mentions ?? 0
  const online = info.online?.length ?? 0
  return (
    <li class={active ? 'active' : undefined} data-room={info.id}>
      <NavLink href={`/rooms/${info.id}`} current={active} class="room-link">
        <span class="room-name">{info.name}</span>
        {!info.member && <span class="muted"> ({t('rooms.notMember')})</span>}
        {info.member && unread > 0 && (
          <span class="badge unread-badge" data-count={unread}>
            <span aria-hidden="true">{unread}</span>
            <span class="visually-hidden">{t('rooms.unread', { count: unread })}</span>
          </span>
        )}
        {mentions > 0 && (
          <span class="badge mention-badge">
            <span aria-hidden="true">@{mentions}</span>
            <span class="visually-hidden">{t('rooms.mentions', { count: mentions })}</span>
          </span>
        )}
        {online > 0 && <span class="online-count">{t('rooms.online', { count: online })}</span>}
      </NavLink>
    </li>
  )
}
