import type { ComponentChildren } from 'preact'
import { useState } from 'preact/hooks'
import type { ProfileFields as Fields } from '../api'
import { browserTimeZone } from '../../../core/format'
import { currentLanguage, t } from '../../../core/i18n'
import type { User } from '../../../core/protocol'
import { useSubmit } from '../../../core/useSubmit'
import { Field } from '../../../core/components/Field'
import { FormError } from '../../../core/components/FormError'
import { ProfileFields } from './ProfileFields'

export type NewAccount = Fields & { email: string; password: string }

interface Props {
  idPrefix: string
  intro: string
  submitLabel: string
  create: (account: NewAccount) => Promise<{ user: User }>
  onDone: (u: User) => void
  /** Explains a refusal in this form's words (undefined: the general text). */
  describeError?: (e: unknown) => string | undefined
  /** Fields shown before the account's own (the setup token). */
  children?: ComponentChildren
  /** The e-mail an invitation was made for: filled in, and not to be changed. */
  invitedEmail?: string
}

/** E-mail, password and profile of a new account: shared by admin set-up and registration. */
export function NewAccountForm({
  idPrefix,
  intro,
  submitLabel,
  create,
  onDone,
  describeError,
  children,
  invitedEmail = '',
}: Props) {
  const [email, setEmail] = useState(invitedEmail)
  const [password, setPassword] = useState('')
  const [profile, setProfile] = useState<Fields>(() => ({
    display_name: '',
    institution: '',
    country: '',
    languages: [currentLanguage()],
    time_zone: browserTimeZone(),
  }))
  const { busy, error, submit } = useSubmit(
    () => create({ email, password, ...profile }),
    (r) => onDone(r.user),
    describeError,
  )
  return (
    <form onSubmit={submit}>
      <p>{intro}</p>
      {children}
      <Field
        id={`${idPrefix}-email`}
        label={t('login.email')}
        type="email"
        value={email}
        onInput={setEmail}
        required
        autoComplete="email"
        readOnly={invitedEmail !== ''}
        aria-describedby={invitedEmail ? `${idPrefix}-email-hint` : undefined}
      />
      {invitedEmail && (
        <p id={`${idPrefix}-email-hint`} class="hint">
          {t('register.invitedEmail')}
        </p>
      )}
      <Field
        id={`${idPrefix}-password`}
        label={t('profile.password')}
        type="password"
        value={password}
        onInput={setPassword}
        required
        minLength={8}
        autoComplete="new-password"
      />
      <ProfileFields idPrefix={idPrefix} value={profile} onChange={setProfile} />
      {error && <FormError text={error} />}
      <button type="submit" class="primary" disabled={busy}>
        {submitLabel}
      </button>
    </form>
  )
}
