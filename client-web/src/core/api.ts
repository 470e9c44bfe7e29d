// The HTTP JSON API (PROTOCOL.md section 1). The session lives in an HttpOnly cookie.

import type { User } from './protocol'

export class ApiError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
    readonly retryAfter?: number,
  ) {
    super(message)
  }
}

async function call<T>(method: string, path: string, body?: unknown): Promise<T> {
  const res = await fetch(path, {
    method,
    credentials: 'same-origin',
    headers: body === undefined ? {} : { 'Content-Type': 'application/json' },
    body: body === undefined ? undefined : JSON.stringify(body),
  })
  if (res.status === 204) return undefined as T
  const data = (await res.json().catch(() => ({}))) as Record<string, unknown>
  if (!res.ok) {
    const err = (data.error ?? {}) as { code?: string; message?: string; retry_after?: number }
    throw new ApiError(
      res.status,
      err.code ?? 'internal',
      err.message ?? res.statusText,
      err.retry_after,
    )
  }
  return data as T
}

export interface ProfileFields {
  display_name: string
  institution: string
  country: string
  languages: string[]
  time_zone: string
}

export interface Invitation {
  id: number
  email: string
  role: string
  created_at: number
  expires_at: number
  used: boolean
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
  invite: (email: string, role: string) =>
    call<{ invitation: { token: string; url: string; expires_at: number } }>(
      'POST',
      '/api/invitations',
      { ...(email ? { email } : {}), role },
    ),
  invitations: () => call<{ invitations: Invitation[] }>('GET', '/api/invitations'),
  users: () => call<{ users: User[] }>('GET', '/api/users'),
}
