import { useState } from 'preact/hooks'
import { api } from '../api'
import { t } from '../../../core/i18n'
import { useSubmit } from '../../../core/useSubmit'
import { Field } from '../../../core/components/Field'
import { FormError } from '../../../core/components/FormError'
import { NewPasswordFields, PasswordMismatch, passwordError } from './NewPasswordFields'

/** Changing one's password; the server signs out every other session (onChanged). */
export function PasswordForm({ onChanged }: { onChanged: () => void }) {
  const [current, setCurrent] = useState('')
  const [next, setNext] = useState('')
  const [repeat, setRepeat] = useState('')
  const [done, setDone] = useState(false)
  const { busy, error, submit } = useSubmit(
    () => {
      setDone(false)
      if (next !== repeat) return Promise.reject(new PasswordMismatch())
      return api.changePassword(current, next)
    },
    () => {
      setCurrent('')
      setNext('')
      setRepeat('')
      setDone(true)
      onChanged()
    },
    (e) => passwordError(e, { bad_credentials: t('password.wrongCurrent') }),
  )
  return (
    <section aria-labelledby="password-heading">
      <h2 id="password-heading">{t('password.title')}</h2>
      <form onSubmit={submit}>
        <Field
          id="password-current"
          label={t('password.current')}
          type="password"
          value={current}
          onInput={setCurrent}
          required
          autoComplete="current-password"
        />
        <NewPasswordFields
          idPrefix="password"
          value={next}
          repeat={repeat}
          onValue={setNext}
          onRepeat={setRepeat}
        />
        {error && <FormError text={error} />}
        {done && <p role="status">{t('password.changed')}</p>}
        <button type="submit" class="primary" disabled={busy}>
          {t('password.submit')}
        </button>
      </form>
    </section>
  )
}
