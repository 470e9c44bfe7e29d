import { useState } from 'preact/hooks'
import type { ChatStore } from '../store'
import { useStore } from '../../../core/hooks'
import { t, type UiLanguage } from '../../../core/i18n'
import type { User } from '../../../core/protocol'
import type { Message } from '../protocol'
import { Composer, type ComposerMode } from './Composer'
import { MessageList } from './MessageList'
import { NavLink } from '../../../core/components/NavLink'
import { useLocation } from '../../../core/router'
import { MembersPanel } from './MembersPanel'
import { OnlineList } from './OnlineList'
import { RoomSettings } from './RoomSettings'
import { Toolbar } from '../../../core/components/Toolbar'
import { TypingIndicator } from './TypingIndicator'

interface Props {
  store: ChatStore
  roomId: number
  user: User
  lang: UiLanguage
}

export function RoomView({ store, roomId, user, lang }: Props) {
  useStore(store)
  const [mode, setMode] = useState<ComposerMode>({ kind: 'new' })
  const loc = useLocation()
  const adding = loc.query.get('add') === 'people'
  const [panel, setPanel] = useState<'members' | 'settings' | null>(adding ? 'members' : null)
  const toggle = (p: 'members' | 'settings') => setPanel(panel === p ? null : p)
  const room = store.room(roomId)
  const back = (
    <NavLink href="/rooms" class="back-link">
      {t('room.back')}
    </NavLink>
  )
  if (!room) {
    return (
      <section aria-labelledby="room-title" class="room">
        {back}
        <h1 id="room-title">{store.synced ? t('room.notFound') : t('app.loading')}</h1>
      </section>
    )
  }
  if (!room.info.member) {
    // An open room: a look at its latest messages first (read-only), then joining.
    return (
      <section aria-labelledby="room-title" class="room preview">
        <div class="room-header">
          {back}
          <h1 id="room-title">{room.info.name}</h1>
          {room.info.topic && <p class="topic">{room.info.topic}</p>}
        </div>
        {room.info.visibility === 'open' && (
          <div class="room-body">
            <MessageList
              store={store}
              roomId={roomId}
              user={user}
              lang={lang}
              onReply={() => {}}
              onEdit={() => {}}
              target={null}
            />
          </div>
        )}
        <div class="join-bar">
          <p>{t(room.info.archived ? 'room.archivedNotice' : 'room.notMember')}</p>
          {!room.info.archived && (
            <button type="button" class="primary" onClick={() => store.join(roomId)}>
              {t('rooms.join')}
            </button>
          )}
        </div>
      </section>
    )
  }
  const onReply = (m: Message) => setMode({ kind: 'reply', target: m })
  const onEdit = (m: Message) => setMode({ kind: 'edit', target: m })
  return (
    <section aria-labelledby="room-title" class={`room${room.info.archived ? ' archived' : ''}`}>
      <div class="room-header">
        {back}
        <h1 id="room-title">{room.info.name}</h1>
        {room.info.topic && <p class="topic">{room.info.topic}</p>}
        <OnlineList store={store} roomId={roomId} />
        <Toolbar label={t('room.tools')} class="room-tools">
          <button
            type="button"
            class="members-toggle"
            aria-expanded={panel === 'members'}
            aria-controls={`members-${roomId}`}
            onClick={() => toggle('members')}
          >
            {t('members.show', { count: room.members?.length ?? '…' })}
          </button>
          <button
            type="button"
            class="settings-toggle"
            aria-expanded={panel === 'settings'}
            aria-controls={`settings-${roomId}`}
            aria-label={t('roomSettings.open')}
            title={t('roomSettings.open')}
            onClick={() => toggle('settings')}
          >
            <span aria-hidden="true">⚙</span>
          </button>
        </Toolbar>
      </div>
      <div class="room-body">
        <MessageList
          store={store}
          roomId={roomId}
          user={user}
          lang={lang}
          onReply={onReply}
          onEdit={onEdit}
          target={Number(loc.query.get('msg')) || null}
        />
        {panel === 'members' && (
          <MembersPanel store={store} roomId={roomId} user={user} startAdding={adding} />
        )}
        {panel === 'settings' && <RoomSettings store={store} roomId={roomId} user={user} />}
      </div>
      {room.info.archived ? (
        <p class="notice archived-notice" role="status">
          {t('room.archivedNotice')}
        </p>
      ) : (
        <>
          <TypingIndicator store={store} roomId={roomId} />
          <Composer
            store={store}
            roomId={roomId}
            user={user}
            mode={mode}
            onModeDone={() => setMode({ kind: 'new' })}
            onEdit={onEdit}
          />
        </>
      )}
    </section>
  )
}
