import { useEffect, useState } from 'preact/hooks'
import { ApiError } from '../core/api'
import { api } from '../features/accounts/api'
import { currentLanguage, setLanguage, type UiLanguage } from '../core/i18n'
import type { User } from '../core/protocol'
import { navigate, useLocation } from '../core/router'
import { LoginScreen } from '../features/accounts/components/LoginScreen'
import { PublicLayout } from '../core/components/PublicLayout'
import { RegisterScreen } from '../features/accounts/components/RegisterScreen'
import { ResetScreen } from '../features/accounts/components/ResetScreen'
import { SetupScreen } from '../features/accounts/components/SetupScreen'
import { Shell } from './Shell'
import { t } from '../core/i18n'

type Boot =
  { kind: 'loading' } | { kind: 'setup' } | { kind: 'anonymous' } | { kind: 'user'; user: User }

export function App() {
  const [lang, setLang] = useState<UiLanguage>(currentLanguage())
  const [boot, setBoot] = useState<Boot>({ kind: 'loading' })
  const loc = useLocation()

  useEffect(() => {
    let cancelled = false
    void (async () => {
      const next = await resolveBoot()
      if (!cancelled) setBoot(next)
    })()
    return () => {
      cancelled = true
    }
  }, [])

  const changeLanguage = (l: UiLanguage) => {
    void setLanguage(l).then(() => setLang(currentLanguage()))
  }
  const signedIn = (user: User) => {
    setBoot({ kind: 'user', user })
    if (['/login', '/setup', '/register', '/reset'].includes(loc.path)) navigate('/rooms', true)
  }
  const signedOut = () => {
    setBoot({ kind: 'anonymous' })
    navigate('/login', true)
  }

  switch (boot.kind) {
    case 'loading':
      return (
        <PublicLayout lang={lang} onLanguage={changeLanguage} title={t('app.loading')}>
          <p>{t('app.loading')}</p>
        </PublicLayout>
      )
    case 'setup':
      return (
        <PublicLayout lang={lang} onLanguage={changeLanguage} title={t('setup.title')}>
          <SetupScreen token={loc.query.get('token') ?? ''} onDone={signedIn} />
        </PublicLayout>
      )
    case 'anonymous':
      if (loc.path === '/register')
        return (
          <PublicLayout lang={lang} onLanguage={changeLanguage} title={t('register.title')}>
            <RegisterScreen invitation={loc.query.get('invitation') ?? ''} onDone={signedIn} />
          </PublicLayout>
        )
      if (loc.path === '/reset')
        return (
          <PublicLayout lang={lang} onLanguage={changeLanguage} title={t('reset.title')}>
            <ResetScreen token={loc.query.get('token') ?? ''} onDone={signedIn} />
          </PublicLayout>
        )
      return (
        <PublicLayout lang={lang} onLanguage={changeLanguage} title={t('login.title')}>
          {loc.path === '/setup' && (
            // A setup link opened again after the first administrator was made.
            <p class="notice" role="status">
              {t('setup.alreadyDone')}
            </p>
          )}
          <LoginScreen onDone={signedIn} />
        </PublicLayout>
      )
    case 'user':
      return (
        <Shell
          key={boot.user.id}
          user={boot.user}
          lang={lang}
          onLanguage={changeLanguage}
          onUser={(user) => setBoot({ kind: 'user', user })}
          onSignedOut={signedOut}
        />
      )
  }
}

async function resolveBoot(): Promise<Boot> {
  try {
    const { user } = await api.me()
    return { kind: 'user', user }
  } catch (e) {
    if (!(e instanceof ApiError) || e.status !== 401) throw e
  }
  const { needed } = await api.setupNeeded()
  return needed ? { kind: 'setup' } : { kind: 'anonymous' }
}
