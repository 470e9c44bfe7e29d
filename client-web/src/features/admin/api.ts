// The admin screens' HTTP routes (protocol/accounts/accounts.md): invitations and users (reset links, deactivation).

import { call } from '../../core/api'
import type { User } from '../../core/protocol'

export interface Invitation {
  id: number
  email: string
  role: string
  created_at: number
  expires_at: number
  used: boolean
  revoked?: boolean
}

export const api = {
  invite: (email: string, role: string) =>
    call<{ invitation: { id: number; token: string; url: string; expires_at: number } }>(
      'POST',
      '/api/invitations',
      { ...(email ? { email } : {}), role },
    ),
  invitations: () => call<{ invitations: Invitation[] }>('GET', '/api/invitations'),
  revokeInvitation: (id: number) => call<void>('DELETE', `/api/invitations/${id}`),
  users: () => call<{ users: User[] }>('GET', '/api/users'),
  resetLink: (id: number) =>
    call<{ reset: { url: string; expires_at: number } }>('POST', `/api/users/${id}/password-reset`),
  deactivate: (id: number) => call<{ user: User }>('POST', `/api/users/${id}/deactivate`),
  reactivate: (id: number) => call<{ user: User }>('POST', `/api/users/${id}/reactivate`),
}
