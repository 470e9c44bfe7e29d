import type { ChatStore } from '../../features/rooms/store'
import { useStore } from '../hooks'
import { t } from '../i18n'

/** The connection state, as text (not colour only) in a status region. */
export function ConnectionBadge({ store }: { store: ChatStore }) {
  useStore(store)
  const s = store.status === 'online' && !store.synced ? 'connecting' : store.status
  return (
    <span class={`conn conn-${s}`} role="status" data-status={s}>
      <span class="visually-hidden">{t('conn.label')}: </span>
      {t(`conn.${s}`)}
    </span>
  )
}
