import { useEffect, useMemo } from 'preact/hooks'
import { api } from '../features/accounts/api'
import { ChatStore } from '../features/rooms/store'
import { Connection } from '../core/connection'
import { t, type UiLanguage } from '../core/i18n'
import type { User } from '../core/protocol'
import { navigate, roomIdOf, useLocation } from '../core/router'
import { AdminScreen } from '../features/admin/components/AdminScreen'
import { AdminRooms } from '../features/rooms/components/AdminRooms'
import { ConnectionBadge } from '../core/components/ConnectionBadge'
import { LanguageSelect } from '../core/components/LanguageSelect'
import { ThemeSelect } from '../core/components/ThemeSelect'
import { LiveRegion } from '../features/rooms/components/LiveRegion'
import { NavLink } from '../core/components/NavLink'
import { ProfileScreen } from '../features/accounts/components/ProfileScreen'
import { RoomList } from '../features/rooms/components/RoomList'
import { RoomView } from '../features/rooms/components/RoomView'
import { useRoomNotifications } from '../features/rooms/notifications'
import { useRoomShortcuts } from '../features/rooms/shortcuts'
import { ShortcutsDialog } from '../core/components/ShortcutsDialog'

interface Props {
  user: User
  lang: UiLanguage
  onLanguage: (l: UiLanguage) => void
  onUser: (u: User) => void
  onSignedOut: () => void
}

function wsUrl(): string {
  return `${location.protocol === 'https:' ? 'wss:' : 'ws:'}//${location.host}/ws`
}

/** The signed-in application: one connection and one store for its lifetime. */
export function Shell({ user, lang, onLanguage, onUser, onSignedOut }: Props) {
  const { conn, store } = useMemo(() => {
    const conn = new Connection({ url: wsUrl, hints: [window, document] })
    return { conn, store: new ChatStore(conn) }
  }, [])
  useEffect(() => {
    const disposers = [
      conn.onStatus((s, reason) => {
        if (s === 'closed' && reason === 'session_revoked') onSignedOut()
      }),
      () => store.dispose(),
      () => conn.close(),
    ]
    conn.start()
    return () => disposers.forEach((d) => d())
  }, [conn, store])

  useRoomNotifications(store)
  useRoomShortcuts(store)
  const loc = useLocation()
  const roomId = roomIdOf(loc.path)
  useEffect(() => {
    if (
      loc.path === '/' ||
      loc.path === '/login' ||
      loc.path === '/setup' ||
      loc.path === '/register' ||
      loc.path === '/reset'
    )
      navigate('/rooms', true)
  }, [loc.path])
  useEffect(() => {
    store.setActiveRoom(roomId)
  }, [roomId, store])

  const logout = () => {
    void api.logout().finally(onSignedOut)
  }
  const section = loc.path === '/profile' ? 'profile' : loc.path === '/admin' ? 'admin' : 'rooms'

  return (
    <div
      class={`shell ${roomId !== null || section !== 'rooms' ? 'has-detail' : 'list-only'}${
        roomId !== null && section === 'rooms' ? ' in-room' : ''
      }`}
    >
      <a class="skip-link" href="#main">
        {t('app.skip')}
      </a>
      <header class="topbar">
        <span class="brand">{t('app.name')}</span>
        <ConnectionBadge store={store} />
        <nav aria-label={t('nav.main')} class="topnav">
          <NavLink href="/rooms" current={section === 'rooms'}>
            {t('nav.rooms')}
          </NavLink>
          <NavLink href="/profile" current={section === 'profile'}>
            {t('nav.profile')}
          </NavLink>
          {user.role === 'admin' && (
            <NavLink href="/admin" current={section === 'admin'}>
              {t('nav.admin')}
            </NavLink>
          )}
          <button type="button" class="link-button" onClick={logout}>
            {t('nav.logout')}
          </button>
        </nav>
        <LanguageSelect value={lang} onChange={onLanguage} id="lang-app" />
        <ThemeSelect id="theme-app" />
      </header>
      <RoomList store={store} activeRoom={roomId} />
      <main id="main" class="detail" tabIndex={-1}>
        {section === 'profile' ? (
          <ProfileScreen user={user} lang={lang} onLanguage={onLanguage} onUser={onUser} />
        ) : section === 'admin' && user.role === 'admin' ? (
          <AdminScreen self={user.id}>
            <AdminRooms store={store} />
          </AdminScreen>
        ) : roomId !== null ? (
          <RoomView key={roomId} store={store} roomId={roomId} user={user} lang={lang} />
        ) : (
          <h1 class="visually-hidden">{t('rooms.title')}</h1>
        )}
      </main>
      <LiveRegion store={store} />
      <ShortcutsDialog />
    </div>
  )
}
