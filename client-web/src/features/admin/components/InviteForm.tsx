import { useState } from 'preact/hooks'
import { api } from '../api'
import { t } from '../../../core/i18n'
import { useSubmit } from '../../../core/useSubmit'
import { CopyLink } from '../../../core/components/CopyLink'
import { Field } from '../../../core/components/Field'
import { FormError } from '../../../core/components/FormError'

/** Creates an invitation; `onCreated` gets its id and link (shown here, copyable in the list). */
export function InviteForm({ onCreated }: { onCreated: (id: number, url: string) => void }) {
  const [email, setEmail] = useState('')
  const [role, setRole] = useState('member')
  const [url, setUrl] = useState('')
  const { busy, error, submit } = useSubmit(
    () => api.invite(email.trim(), role),
    (r) => {
      setUrl(r.invitation.url)
      setEmail('')
      onCreated(r.invitation.id, r.invitation.url)
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
      {url && <CopyLink key={url} id="invitation-url" label={t('admin.link')} url={url} />}
    </section>
  )
}
