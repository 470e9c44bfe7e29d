import { useState } from 'preact/hooks'
import { api, type Invitation } from '../api'
import { errorText } from '../../../core/errors'
import { formatTime } from '../../../core/format'
import { currentLanguage, t } from '../../../core/i18n'
import { copyText } from '../../../core/clipboard'
import { DataTable } from '../../../core/components/DataTable'
import { FormError } from '../../../core/components/FormError'

type Status = 'used' | 'revoked' | 'expired' | 'open'

function statusOf(i: Invitation, now: number): Status {
  if (i.used) return 'used'
  if (i.revoked) return 'revoked'
  return i.expires_at <= now ? 'expired' : 'open'
}

/**
 * The instance's invitations, newest first: an open one can be revoked, and its link
 * copied when it was made while the page is open (`links`).
 */
export function InvitationTable({
  invitations,
  links,
  onChanged,
}: {
  invitations: Invitation[]
  links: ReadonlyMap<number, string>
  onChanged: () => void
}) {
  const [error, setError] = useState('')
  const [done, setDone] = useState('')
  const now = Date.now()
  const copy = (url: string, who: string) => {
    setError('')
    void copyText(url).then((ok) =>
      ok ? setDone(t('admin.copiedFor', { who })) : setError(t('common.copyFailed')),
    )
  }
  const revoke = (i: Invitation) => {
    setError('')
    setDone('')
    api.revokeInvitation(i.id).then(
      () => {
        setDone(t('admin.revoked', { who: i.email || t('admin.anyone') }))
        onChanged()
      },
      (e: unknown) => setError(errorText(e)),
    )
  }
  return (
    <section aria-labelledby="invitations-heading">
      <h2 id="invitations-heading">{t('admin.invitations')}</h2>
      <p class="hint">{t('admin.invitationsHint')}</p>
      <p role="status">{done}</p>
      {error && <FormError text={error} />}
      {invitations.length === 0 ? (
        <p>{t('admin.noInvitations')}</p>
      ) : (
        <DataTable
          labelledBy="invitations-heading"
          headings={[
            t('admin.colEmail'),
            t('admin.colRole'),
            t('admin.colStatus'),
            t('admin.colExpires'),
            t('admin.colActions'),
          ]}
        >
          {invitations.map((i) => {
            const status = statusOf(i, now)
            const who = i.email || t('admin.anyone')
            return (
              <tr key={i.id} data-invitation={i.id}>
                <td>{who}</td>
                <td>{i.role === 'admin' ? t('admin.roleAdmin') : t('admin.roleMember')}</td>
                <td>{t(`admin.status.${status}`)}</td>
                <td>{formatTime(i.expires_at, currentLanguage(), undefined)}</td>
                <td>
                  {status === 'open' && links.has(i.id) && (
                    <>
                      <button
                        type="button"
                        aria-label={t('admin.copyOne', { who })}
                        onClick={() => copy(links.get(i.id)!, who)}
                      >
                        {t('common.copyLink')}
                      </button>{' '}
                    </>
                  )}
                  {status === 'open' && (
                    <button
                      type="button"
                      aria-label={t('admin.revokeOne', { who })}
                      onClick={() => revoke(i)}
                    >
                      {t('admin.revoke')}
                    </button>
                  )}
                </td>
              </tr>
            )
          })}
        </DataTable>
      )}
    </section>
  )
}
