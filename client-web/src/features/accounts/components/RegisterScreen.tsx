import { useEffect, useState } from 'preact/hooks'
import { ApiError } from '../../../core/api'
import { api } from '../api'
import { t } from '../../../core/i18n'
import type { User } from '../../../core/protocol'
import { NavLink } from '../../../core/components/NavLink'
import { NewAccountForm } from './NewAccountForm'

const unusable = (e: unknown) => e instanceof ApiError && e.code === 'forbidden'

type Check = { kind: 'checking' } | { kind: 'usable'; email: string } | { kind: 'unusable' }

/**
 * Registration by an invitation link: the link is checked first, so that the invited
 * e-mail is filled in and a used or expired link says so before anyone types a thing.
 */
export function RegisterScreen({
  invitation,
  onDone,
}: {
  invitation: string
  onDone: (u: User) => void
}) {
  const [check, setCheck] = useState<Check>({ kind: 'checking' })
  useEffect(() => {
    if (!invitation) return
    api.checkInvitation(invitation).then(
      (r) => setCheck({ kind: 'usable', email: r.email }),
      // Not known to be unusable (offline, throttled): the form, and register decides.
      (e: unknown) => setCheck(unusable(e) ? { kind: 'unusable' } : { kind: 'usable', email: '' }),
    )
  }, [invitation])
  if (!invitation) return <p>{t('register.noInvitation')}</p>
  const login = (
    <p>
      <NavLink href="/login">{t('register.haveAccount')}</NavLink>
    </p>
  )
  if (check.kind === 'checking') return <p role="status">{t('app.loading')}</p>
  if (check.kind === 'unusable')
    return (
      <>
        <p class="form-error" role="alert">
          {t('register.unusable')}
        </p>
        {login}
      </>
    )
  return (
    <>
      <NewAccountForm
        idPrefix="reg"
        intro={t('register.intro')}
        submitLabel={t('register.submit')}
        create={(account) => api.register({ invitation, ...account })}
        onDone={onDone}
        describeError={(e) => (unusable(e) ? t('register.unusable') : undefined)}
        invitedEmail={check.email}
      />
      {login}
    </>
  )
}
