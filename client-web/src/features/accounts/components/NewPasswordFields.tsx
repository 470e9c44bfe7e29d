import { ApiError } from '../../../core/api'
import { t } from '../../../core/i18n'
import { Field } from '../../../core/components/Field'

/** Thrown by a form whose two new passwords differ (see NewPasswordFields). */
export class PasswordMismatch extends Error {}

/**
 * A password form's own words for an error: the two passwords differ, the new one breaks
 * the rules, or one of the form's codes (`byCode`); undefined: the general text.
 */
export function passwordError(e: unknown, byCode: Record<string, string>): string | undefined {
  if (e instanceof PasswordMismatch) return t('password.mismatch')
  if (!(e instanceof ApiError)) return undefined
  return e.code === 'bad_field' ? t('password.rules') : byCode[e.code]
}

/** A new password typed twice, for the password change and the reset link. */
export function NewPasswordFields({
  idPrefix,
  value,
  repeat,
  onValue,
  onRepeat,
}: {
  idPrefix: string
  value: string
  repeat: string
  onValue: (v: string) => void
  onRepeat: (v: string) => void
}) {
  return (
    <>
      <Field
        id={`${idPrefix}-new`}
        label={t('password.new')}
        type="password"
        value={value}
        onInput={onValue}
        required
        minLength={8}
        maxLength={1024}
        autoComplete="new-password"
      />
      <Field
        id={`${idPrefix}-repeat`}
        label={t('password.repeat')}
        type="password"
        value={repeat}
        onInput={onRepeat}
        required
        autoComplete="new-password"
      />
    </>
  )
}
