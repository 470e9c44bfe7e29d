import { useEffect, useRef } from 'preact/hooks'
import type { ChatStore } from '../store'
import { currentLanguage, t } from '../../../core/i18n'

interface Props {
  store: ChatStore
  roomId: number
  user: number
  /** The name as the message shows it (until the members are loaded). */
  name: string
  onClose: () => void
}

function countryName(code: string, lang: string): string {
  try {
    return new Intl.DisplayNames([lang, 'en'], { type: 'region' }).of(code) ?? code
  } catch {
    return code
  }
}

/** Who wrote a message: institution, country, role in the room, online or not. */
export function ProfileCard({ store, roomId, user, name, onClose }: Props) {
  const card = useRef<HTMLDivElement>(null)
  const room = store.room(roomId)
  const member = room?.members?.find((m) => m.user === user)
  useEffect(() => {
    if (!room?.members) store.loadMembers(roomId)
    card.current?.focus()
    const onKey = (e: KeyboardEvent) => {
      if (e.key !== 'Escape') return
      e.preventDefault()
      e.stopPropagation()
      onClose()
    }
    const onOutside = (e: PointerEvent) => {
      if (card.current && !e.composedPath().includes(card.current)) onClose()
    }
    document.addEventListener('keydown', onKey, true)
    document.addEventListener('pointerdown', onOutside, true)
    return () => {
      document.removeEventListener('keydown', onKey, true)
      document.removeEventListener('pointerdown', onOutside, true)
    }
  }, [])
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
              <dt>{t('profile.institution')}</dt>
              <dd>{member.institution}</dd>
            </>
          )}
          {member.country && (
            <>
              <dt>{t('profile.country')}</dt>
              <dd>{countryName(member.country, currentLanguage())}</dd>
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
