import { useState } from 'preact/hooks'
import { api } from '../api'
import { errorText } from '../../../core/errors'
import { languageName, regionName } from '../../../core/format'
import { currentLanguage, t } from '../../../core/i18n'
import type { User } from '../../../core/protocol'
import { CopyLink } from '../../../core/components/CopyLink'
import { focusAfterRender } from '../../../core/focus'
import { DataTable } from '../../../core/components/DataTable'
import { FormError } from '../../../core/components/FormError'
import { MemberActions } from './MemberActions'

/** The instance's members with what an admin does to an account: reset link, deactivate. */
export function MemberTable({
  users,
  self,
  onChanged,
}: {
  users: User[]
  self: number
  onChanged: () => void
}) {
  const [error, setError] = useState('')
  const [done, setDone] = useState('')
  const [reset, setReset] = useState<{ who: string; url: string } | null>(null)
  const run = (p: Promise<string>) => {
    setError('')
    setDone('')
    p.then(
      (text) => {
        setDone(text)
        onChanged()
        // The row's buttons change (Deactivate becomes Reactivate): focus the status.
        if (text) focusAfterRender(() => document, '#members-status')
      },
      (e: unknown) => setError(errorText(e)),
    )
  }
  const actions = {
    resetLink: (u: User) =>
      run(
        api.resetLink(u.id).then((r) => {
          setReset({ who: u.display_name, url: r.reset.url })
          return ''
        }),
      ),
    deactivate: (u: User) =>
      run(api.deactivate(u.id).then(() => t('admin.deactivated', { who: u.display_name }))),
    reactivate: (u: User) =>
      run(api.reactivate(u.id).then(() => t('admin.reactivated', { who: u.display_name }))),
  }
  const lang = currentLanguage()
  return (
    <section aria-labelledby="members-heading">
      <h2 id="members-heading">{t('admin.members')}</h2>
      <p role="status" id="members-status" tabIndex={-1}>
        {done}
      </p>
      {error && <FormError text={error} />}
      {reset && (
        <CopyLink
          key={reset.url}
          id="reset-url"
          label={t('admin.resetLink', { who: reset.who })}
          url={reset.url}
        />
      )}
      <DataTable
        labelledBy="members-heading"
        headings={[
          t('admin.colName'),
          t('admin.colEmail'),
          t('admin.colInstitution'),
          t('admin.colCountry'),
          t('admin.colLanguages'),
          t('admin.colRole'),
          t('admin.colStatus'),
          t('admin.colActions'),
        ]}
      >
        {users.map((u) => (
          <tr key={u.id} data-user={u.id} class={u.active === false ? 'inactive' : ''}>
            <td>{u.display_name}</td>
            <td>{u.email ?? ''}</td>
            <td>{u.institution}</td>
            <td>{u.country && regionName(u.country, lang)}</td>
            <td>{u.languages.map((l) => languageName(l, lang)).join(', ')}</td>
            <td>{u.role === 'admin' ? t('admin.roleAdmin') : t('admin.roleMember')}</td>
            <td>{u.active === false ? t('admin.userInactive') : t('admin.userActive')}</td>
            <td>{u.id !== self && <MemberActions user={u} actions={actions} />}</td>
          </tr>
        ))}
      </DataTable>
    </section>
  )
}
