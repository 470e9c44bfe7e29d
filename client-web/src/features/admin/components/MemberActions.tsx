import { t } from '../../../core/i18n'
import type { User } from '../../../core/protocol'
import { ConfirmButton } from '../../../core/components/ConfirmButton'

export interface AccountActions {
  resetLink: (u: User) => void
  deactivate: (u: User) => void
  reactivate: (u: User) => void
}

/** An admin's buttons for one account; deactivating asks to be confirmed first. */
export function MemberActions({ user, actions }: { user: User; actions: AccountActions }) {
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
  return (
    <span class="member-buttons">
      <button
        type="button"
        aria-label={t('admin.resetLinkOne', { who })}
        onClick={() => actions.resetLink(user)}
      >
        {t('admin.makeResetLink')}
      </button>{' '}
      <ConfirmButton
        label={t('admin.deactivate')}
        name={t('admin.deactivateOne', { who })}
        question={t('admin.confirmDeactivate', { who })}
        confirmLabel={t('admin.deactivate')}
        onConfirm={() => actions.deactivate(user)}
        danger
      />
    </span>
  )
}
