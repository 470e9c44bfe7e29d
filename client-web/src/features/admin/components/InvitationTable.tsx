import type { Invitation } from '../api'
import { formatTime } from '../../../core/format'
import { currentLanguage, t } from '../../../core/i18n'

export function InvitationTable({ invitations }: { invitations: Invitation[] }) {
  return (
    <section aria-labelledby="invitations-heading">
      <h2 id="invitations-heading">{t('admin.invitations')}</h2>
      {invitations.length === 0 ? (
        <p>{t('admin.noInvitations')}</p>
      ) : (
        <div class="table-wrap">
          <table>
            <thead>
              <tr>
                <th scope="col">{t('admin.colEmail')}</th>
                <th scope="col">{t('admin.colRole')}</th>
                <th scope="col">{t('admin.colStatus')}</th>
                <th scope="col">{t('admin.colExpires')}</th>
              </tr>
            </thead>
            <tbody>
              {invitations.map((i) => (
                <tr key={i.id}>
                  <td>{i.email || t('admin.anyone')}</td>
                  <td>{i.role === 'admin' ? t('admin.roleAdmin') : t('admin.roleMember')}</td>
                  <td>{i.used ? t('admin.used') : t('admin.unused')}</td>
                  <td>{formatTime(i.expires_at, currentLanguage(), undefined)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </section>
  )
}
