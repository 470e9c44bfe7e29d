import { useState } from 'preact/hooks'
import { api } from '../api'
import { t } from '../../../core/i18n'
import { useSubmit } from '../../../core/useSubmit'
import { copyText } from '../../../core/clipboard'
import { Field } from '../../../core/components/Field'
import { FormError } from '../../../core/components/FormError'

export function InviteForm({ onCreated }: { onCreated: () => void }) {
  const [email, setEmail] = useState('')
  const [role, setRole] = useState('member')
  const [url, setUrl] = useState('')
  const [copied, setCopied] = useState('')
  const copy = () =>
    void copyText(url).then((ok) => setCopied(t(ok ? 'admin.copied' : 'admin.copyFailed')))
  const { busy, error, submit } = useSubmit(
    () => api.invite(email.trim(), role),
    (r) => {
      setUrl(r.invitation.url)
      setCopied('')
      setEmail('')
      onCreated()
    },
  )
  return (
    <section aria-labelledby="invite-heading">
      <h2 id="invite-heading">{t('admin.invite')}</h2>
      <form onSubmit={submit}>
        <Field
          id="invite-email"
          label={t('admin.inviteEmail')}
          type="email"
          value={email}
          onInput={setEmail}
        />
        <div class="field">
          <label for="invite-role">{t('admin.role')}</label>
          <select id="invite-role" value={role} onChange={(e) => setRole(e.currentTarget.value)}>
            <option value="member">{t('admin.roleMember')}</option>
            <option value="admin">{t('admin.roleAdmin')}</option>
          </select>
        </div>
        {error && <FormError text={error} />}
        <button type="submit" class="primary" disabled={busy}>
          {t('admin.createInvitation')}
        </button>
      </form>
      {url && (
        <div class="invitation-link">
          <p role="status">
            {t('admin.link')} <code id="invitation-url">{url}</code>
          </p>
          <button type="button" onClick={copy}>
            {t('admin.copy')}
          </button>{' '}
          <span role="status">{copied}</span>
        </div>
      )}
    </section>
  )
}
