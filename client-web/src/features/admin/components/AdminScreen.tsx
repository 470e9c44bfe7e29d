import type { ComponentChildren } from 'preact'
import { useEffect, useState } from 'preact/hooks'
import { api, type Invitation } from '../api'
import { errorText } from '../../../core/errors'
import { t } from '../../../core/i18n'
import type { User } from '../../../core/protocol'
import { FormError } from '../../../core/components/FormError'
import { InviteForm } from './InviteForm'
import { InvitationTable } from './InvitationTable'
import { MemberTable } from './MemberTable'

/** Invitations, members and what other features add, for admins. */
export function AdminScreen({ self, children }: { self: number; children?: ComponentChildren }) {
  const [invitations, setInvitations] = useState<Invitation[]>([])
  const [users, setUsers] = useState<User[]>([])
  const [error, setError] = useState('')
  // Links made while this page is open, by invitation id: the server keeps only their
  // hashes, so an older one cannot be shown again.
  const [links, setLinks] = useState<ReadonlyMap<number, string>>(new Map())
  const reload = () => {
    Promise.all([api.invitations(), api.users()])
      .then(([i, u]) => {
        setInvitations(i.invitations)
        setUsers(u.users)
      })
      .catch((e: unknown) => setError(errorText(e)))
  }
  useEffect(reload, [])
  return (
    <section aria-labelledby="admin-title" class="page">
      <h1 id="admin-title">{t('admin.title')}</h1>
      {error && <FormError text={error} />}
      <InviteForm
        onCreated={(id, url) => {
          setLinks(new Map(links).set(id, url))
          reload()
        }}
      />
      <InvitationTable invitations={invitations} links={links} onChanged={reload} />
      <MemberTable users={users} self={self} onChanged={reload} />
      {/* Other features' admin sections (given by app/, which knows them). */}
      {children}
    </section>
  )
}
