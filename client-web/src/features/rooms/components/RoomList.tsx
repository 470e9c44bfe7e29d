import type { ChatStore } from '../store'
import { useStore } from '../../../core/hooks'
import { t } from '../../../core/i18n'
import { CreateRoomForm } from './CreateRoomForm'
import { NavLink } from '../../../core/components/NavLink'
import { NotifyPrompt } from '../../../core/components/NotifyPrompt'

/** Rooms by name, with unread and mention badges and how many are online. */
export function RoomList({ store, activeRoom }: { store: ChatStore; activeRoom: number | null }) {
  useStore(store)
  const rooms = store.sortedRooms()
  return (
    <nav class="sidebar" aria-labelledby="rooms-heading">
      <h2 id="rooms-heading">{t('rooms.title')}</h2>
      {rooms.length === 0 && store.synced && <p>{t('rooms.empty')}</p>}
      <ul class="room-list">
        {rooms.map(({ info }) => {
          const unread = info.unread ?? 0
          const mentions = info.mentions ?? 0
          const online = info.online?.length ?? 0
          return (
            <li
              key={info.id}
              class={info.id === activeRoom ? 'active' : undefined}
              data-room={info.id}
            >
              <NavLink
                href={`/rooms/${info.id}`}
                current={info.id === activeRoom}
                class="room-link"
              >
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
                {online > 0 && (
                  <span class="online-count">{t('rooms.online', { count: online })}</span>
                )}
              </NavLink>
            </li>
          )
        })}
      </ul>
      <CreateRoomForm store={store} />
      {/* Asked when it explains itself: once someone mentioned or answered the reader. */}
      {store.calledForAttention && <NotifyPrompt />}
    </nav>
  )
}
