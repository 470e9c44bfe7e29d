import { useEffect, useRef, useState } from 'preact/hooks'
import { t } from '../../../core/i18n'
import type { User } from '../../../core/protocol'

export interface AccountActions {
  resetLink: (u: User) => void
  deactivate: (u: User) => void
  reactivate: (u: User) => void
}

/** An admin's buttons for one account; deactivating asks to be confirmed first. */
export function MemberActions({ user, actions }: { user: User; actions: AccountActions }) {
  const [confirming, setConfirming] = useState(false)
  const yes = useRef<HTMLButtonElement>(null)
  useEffect(() => {
    if (confirming) yes.current?.focus()
  }, [confirming])
  const who = user.display_name
  if (user.active === false)
    return (
      <button
        type="button"
        aria-label={t('admin.reactivateOne', { who })}
        onClick={() => actions.reactivate(user)}
      >
        {t('admin.reactivate')}
      </button>
    )
  if (confirming)
    return (
      <span class="confirm">
        {t('admin.confirmDeactivate', { who })}{' '}
        <button
          type="button"
          class="danger"
          ref={yes}
          onClick={() => {
            setConfirming(false)
            actions.deactivate(user)
          }}
        >
          {t('admin.deactivate')}
        </button>{' '}
        <button type="button" onClick={() => setConfirming(false)}>
          {t('composer.cancel')}
        </button>
      </span>
    )
  return (
    <span class="member-buttons">
      <button
        type="button"
        aria-label={t('admin.resetLinkOne', { who })}
        onClick={() => actions.resetLink(user)}
      >
        {t('admin.makeResetLink')}
      </button>{' '}
      <button
        type="button"
        aria-label={t('admin.deactivateOne', { who })}
        onClick={() => setConfirming(true)}
      >
        {t('admin.deactivate')}
      </button>
    </span>
  )
}
