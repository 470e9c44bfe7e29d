import { ApiError } from '../../../core/api'
import { api } from '../api'
import { t } from '../../../core/i18n'
import type { User } from '../../../core/protocol'
import { NavLink } from '../../../core/components/NavLink'
import { NewAccountForm } from './NewAccountForm'

export function RegisterScreen({
  invitation,
  onDone,
}: {
  invitation: string
  onDone: (u: User) => void
}) {
  if (!invitation) return <p>{t('register.noInvitation')}</p>
  return (
    <>
      <NewAccountForm
        idPrefix="reg"
        intro={t('register.intro')}
        submitLabel={t('register.submit')}
        create={(account) => api.register({ invitation, ...account })}
        onDone={onDone}
        describeError={(e) =>
          e instanceof ApiError && e.code === 'forbidden' ? t('register.unusable') : undefined
        }
      />
      <p>
        <NavLink href="/login">{t('register.haveAccount')}</NavLink>
      </p>
    </>
  )
}
