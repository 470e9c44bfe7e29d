// Calls to the HTTP JSON API (PROTOCOL.md section 1), for every feature's routes. The
// session lives in an HttpOnly cookie.

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

export async function call<T>(method: string, path: string, body?: unknown): Promise<T> {
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
