import { t } from '../../../core/i18n'
import type { User } from '../../../core/protocol'

export function MemberTable({ users }: { users: User[] }) {
  return (
    <section aria-labelledby="members-heading">
      <h2 id="members-heading">{t('admin.members')}</h2>
      <div class="table-wrap" tabIndex={0} role="region" aria-labelledby="members-heading">
        <table>
          <thead>
            <tr>
              <th scope="col">{t('admin.colName')}</th>
              <th scope="col">{t('admin.colEmail')}</th>
              <th scope="col">{t('admin.colInstitution')}</th>
              <th scope="col">{t('admin.colCountry')}</th>
              <th scope="col">{t('admin.colLanguages')}</th>
              <th scope="col">{t('admin.colRole')}</th>
            </tr>
          </thead>
          <tbody>
            {users.map((u) => (
              <tr key={u.id}>
                <td>{u.display_name}</td>
                <td>{u.email ?? ''}</td>
                <td>{u.institution}</td>
                <td>{u.country}</td>
                <td>{u.languages.join(', ')}</td>
                <td>{u.role === 'admin' ? t('admin.roleAdmin') : t('admin.roleMember')}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </section>
  )
}
