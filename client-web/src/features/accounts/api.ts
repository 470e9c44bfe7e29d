// The accounts feature's HTTP routes (protocol/accounts/accounts.md): setup, sign-in,
// registration by invitation and the user's own profile.

import { call } from '../../core/api'
import type { User } from '../../core/protocol'

export interface ProfileFields {
  display_name: string
  institution: string
  country: string
  languages: string[]
  time_zone: string
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
}
