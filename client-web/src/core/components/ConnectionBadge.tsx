import type { ConnectionStatus } from '../connection'
import { type Observable, useStore } from '../hooks'
import { t } from '../i18n'

/** What the badge shows: the connection's state and whether the first replay is done. */
export interface ConnectionState extends Observable {
  status: ConnectionStatus
  synced: boolean
}

/** The connection state, as text (not colour only) in a status region. */
export function ConnectionBadge({ store }: { store: ConnectionState }) {
  useStore(store)
  const s = store.status === 'online' && !store.synced ? 'connecting' : store.status
  return (
    <span class={`conn conn-${s}`} role="status" data-status={s}>
      <span class="visually-hidden">{t('conn.label')}: </span>
      {t(`conn.${s}`)}
    </span>
  )
}
