import { useEffect, useState } from 'preact/hooks'
import { api, type LoginSession } from '../api'
import { deviceOf } from '../devices'
import { errorText } from '../../../core/errors'
import { formatTime } from '../../../core/format'
import { currentLanguage, t } from '../../../core/i18n'
import { focusAfterRender } from '../../../core/focus'
import { FormError } from '../../../core/components/FormError'

function deviceName(ua: string): string {
  const { browser, system } = deviceOf(ua)
  if (browser && system) return t('sessions.device', { browser, system })
  return browser || system || t('sessions.unknownDevice')
}

/** One's live login sessions, newest first; any but this one can be signed out. */
export function SessionList({ version }: { version: number }) {
  const [sessions, setSessions] = useState<LoginSession[]>([])
  const [error, setError] = useState('')
  const [done, setDone] = useState('')
  const reload = () => {
    api.sessions().then(
      (r) => setSessions(r.sessions),
      (e: unknown) => setError(errorText(e)),
    )
  }
  useEffect(reload, [version])
  const revoke = (s: LoginSession) => {
    setError('')
    setDone('')
    api.revokeSession(s.id).then(
      () => {
        setDone(t('sessions.revoked', { device: deviceName(s.user_agent) }))
        reload()
        // The button went with the session: the focus goes back to the list's heading.
        focusAfterRender(() => document, '#sessions-heading')
      },
      (e: unknown) => setError(errorText(e)),
    )
  }
  const lang = currentLanguage()
  return (
    <section aria-labelledby="sessions-heading">
      <h2 id="sessions-heading" tabIndex={-1}>
        {t('sessions.title')}
      </h2>
      <p class="hint">{t('sessions.hint')}</p>
      <p role="status">{done}</p>
      {error && <FormError text={error} />}
      <ul class="session-list">
        {sessions.map((s) => {
          const device = deviceName(s.user_agent)
          return (
            <li key={s.id} data-session={s.id}>
              <span class="session-device">{device}</span>
              <span class="session-meta">
                {t('sessions.since', { time: formatTime(s.created_at, lang, undefined) })}
                {s.address && ` · ${s.address}`}
              </span>
              {s.current ? (
                <span class="tag">{t('sessions.current')}</span>
              ) : (
                <button
                  type="button"
                  aria-label={t('sessions.revokeOne', { device })}
                  onClick={() => revoke(s)}
                >
                  {t('sessions.revoke')}
                </button>
              )}
            </li>
          )
        })}
      </ul>
    </section>
  )
}
