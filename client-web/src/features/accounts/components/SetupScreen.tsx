import { useState } from 'preact/hooks'
import { api } from '../api'
import { t } from '../../../core/i18n'
import type { User } from '../../../core/protocol'
import { Field } from '../../../core/components/Field'
import { NewAccountForm } from './NewAccountForm'

export function SetupScreen(props: { token: string; onDone: (u: User) => void }) {
  const [token, setToken] = useState(props.token)
  return (
    <NewAccountForm
      idPrefix="setup"
      intro={t('setup.intro')}
      submitLabel={t('setup.submit')}
      create={(account) => api.setup({ token, ...account })}
      onDone={props.onDone}
    >
      <Field id="setup-token" label={t('setup.token')} value={token} onInput={setToken} required />
    </NewAccountForm>
  )
}
