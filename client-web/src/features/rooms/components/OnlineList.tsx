import type { ChatStore } from '../store'
import { t } from '../../../core/i18n'

/** Who of the room's members is connected now. */
export function OnlineList({ store, roomId }: { store: ChatStore; roomId: number }) {
  const room = store.room(roomId)
  const online = new Set(room?.info.online ?? [])
  const names =
    room?.members
      ?.filter((m) => online.has(m.user))
      .map((m) => ({ id: m.user, name: m.display_name })) ?? []
  return (
    <section class="online" aria-labelledby="online-heading">
      <h2 id="online-heading" class="visually-hidden">
        {t('room.whoIsOnline')}
      </h2>
      <ul class="online-list">
        {names.map((n) => (
          <li key={n.id} data-user={n.id}>
            <span class="dot" aria-hidden="true" />
            {n.name}
          </li>
        ))}
      </ul>
    </section>
  )
}
