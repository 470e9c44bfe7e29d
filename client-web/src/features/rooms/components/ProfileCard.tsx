import { useEffect, useRef } from 'preact/hooks'
import type { ChatStore } from '../store'
import { regionName } from '../../../core/format'
import { useDismiss } from '../../../core/hooks'
import { currentLanguage, t } from '../../../core/i18n'

interface Props {
  store: ChatStore
  roomId: number
  user: number
  /** The name as the message shows it (until the members are loaded). */
  name: string
  onClose: () => void
}

/** Who wrote a message: institution, country, role in the room, online or not. */
export function ProfileCard({ store, roomId, user, name, onClose }: Props) {
  const card = useRef<HTMLDivElement>(null)
  const room = store.room(roomId)
  const member = room?.members?.find((m) => m.user === user)
  useEffect(() => {
    if (!room?.members) store.loadMembers(roomId)
    card.current?.focus()
  }, [])
  useDismiss(card, true, onClose)
  const online = room?.info.online?.includes(user) ?? false
  return (
    <div
      class="profile-card"
      role="dialog"
      aria-label={member?.display_name ?? name}
      tabIndex={-1}
      ref={card}
    >
      <p class="profile-name">{member?.display_name ?? name}</p>
      {member ? (
        <dl>
          {member.institution && (
            <>
              <dt>{t('card.institution')}</dt>
              <dd>{member.institution}</dd>
            </>
          )}
          {member.country && (
            <>
              <dt>{t('card.country')}</dt>
              <dd>{regionName(member.country, currentLanguage())}</dd>
            </>
          )}
          <dt>{t('card.inRoom')}</dt>
          <dd>
            {member.role === 'member' ? t('card.member') : t(`members.role.${member.role}`)},{' '}
            {online ? t('members.online') : t('members.offline')}
          </dd>
        </dl>
      ) : (
        <p class="hint">{room?.members ? t('card.notMember') : t('members.loading')}</p>
      )}
    </div>
  )
}
