// The accounts feature's HTTP routes (protocol/accounts/accounts.md): setup, sign-in,
// registration by invitation, the user's own profile, password and login sessions.

import { call } from '../../core/api'
import type { User } from '../../core/protocol'

export interface ProfileFields {
  display_name: string
  institution: string
  country: string
  languages: string[]
  time_zone: string
}

/** One live login session (GET /api/sessions). */
export interface LoginSession {
  id: number
  created_at: number
  expires_at: number
  address: string
  user_agent: string
  current: boolean
}

export const api = {
  setupNeeded: () => call<{ needed: boolean }>('GET', '/api/setup'),
  setup: (body: ProfileFields & { token: string; email: string; password: string }) =>
    call<{ user: User }>('POST', '/api/setup', body),
  login: (email: string, password: string) =>
    call<{ user: User }>('POST', '/api/login', { email, password }),
  logout: () => call<void>('POST', '/api/logout'),
  me: () => call<{ user: User }>('GET', '/api/me'),
  updateMe: (body: Partial<ProfileFields>) => call<{ user: User }>('PATCH', '/api/me', body),
  register: (body: ProfileFields & { invitation: string; email: string; password: string }) =>
    call<{ user: User }>('POST', '/api/register', body),
  checkInvitation: (invitation: string) =>
    call<{ email: string; role: string; expires_at: number }>('POST', '/api/invitations/check', {
      invitation,
    }),
  changePassword: (current_password: string, new_password: string) =>
    call<void>('POST', '/api/me/password', { current_password, new_password }),
  sessions: () => call<{ sessions: LoginSession[] }>('GET', '/api/sessions'),
  revokeSession: (id: number) => call<void>('DELETE', `/api/sessions/${id}`),
  resetPassword: (token: string, password: string) =>
    call<void>('POST', '/api/password-reset', { token, password }),
}
