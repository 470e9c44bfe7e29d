import { useState } from 'preact/hooks'
import { api } from '../api'
import { t } from '../../../core/i18n'
import type { User } from '../../../core/protocol'
import { useSubmit } from '../../../core/useSubmit'
import { Field } from '../../../core/components/Field'
import { FormError } from '../../../core/components/FormError'

export function LoginScreen({ onDone }: { onDone: (u: User) => void }) {
  const [email, setEmail] = useState('')
  const [password, setPassword] = useState('')
  const { busy, error, submit } = useSubmit(
    () => api.login(email, password),
    (r) => onDone(r.user),
  )
  return (
    <form onSubmit={submit}>
      <Field
        id="login-email"
        label={t('login.email')}
        type="email"
        value={email}
        onInput={setEmail}
        required
        autoComplete="username"
      />
      <Field
        id="login-password"
        label={t('login.password')}
        type="password"
        value={password}
        onInput={setPassword}
        required
        autoComplete="current-password"
      />
      {error && <FormError text={error} />}
      <button type="submit" class="primary" disabled={busy}>
        {t('login.submit')}
      </button>
    </form>
  )
}
