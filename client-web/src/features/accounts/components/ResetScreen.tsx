import { useState } from 'preact/hooks'
import { api } from '../api'
import { t } from '../../../core/i18n'
import type { User } from '../../../core/protocol'
import { useSubmit } from '../../../core/useSubmit'
import { FormError } from '../../../core/components/FormError'
import { LoginScreen } from './LoginScreen'
import { NewPasswordFields, PasswordMismatch, passwordError } from './NewPasswordFields'

/** A password-reset link from an administrator: choose a new password, then sign in. */
export function ResetScreen({ token, onDone }: { token: string; onDone: (u: User) => void }) {
  const [value, setValue] = useState('')
  const [repeat, setRepeat] = useState('')
  const [changed, setChanged] = useState(false)
  const { busy, error, submit } = useSubmit(
    () =>
      value !== repeat ? Promise.reject(new PasswordMismatch()) : api.resetPassword(token, value),
    () => setChanged(true),
    (e) => passwordError(e, { forbidden: t('reset.unusable') }),
  )
  if (!token) return <p>{t('reset.noToken')}</p>
  if (changed)
    return (
      <>
        <p class="notice" role="status">
          {t('reset.done')}
        </p>
        <LoginScreen onDone={onDone} />
      </>
    )
  return (
    <form onSubmit={submit}>
      <p>{t('reset.intro')}</p>
      <NewPasswordFields
        idPrefix="reset"
        value={value}
        repeat={repeat}
        onValue={setValue}
        onRepeat={setRepeat}
      />
      {error && <FormError text={error} />}
      <button type="submit" class="primary" disabled={busy}>
        {t('reset.submit')}
      </button>
    </form>
  )
}
