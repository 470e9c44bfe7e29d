import type { ChatStore } from '../store'
import { t } from '../../../core/i18n'
import type { User } from '../../../core/protocol'
import type { Message } from '../protocol'

export const QUICK_REACTIONS = ['👍', '❤️', '🎉', '😄', '🤔']

interface Props {
  store: ChatStore
  roomId: number
  message: Message
  user: User
}

/** The message's reactions (those someone gave), as toggle buttons that say who reacted. */
export function Reactions({ store, roomId, message, user }: Props) {
  if (message.reactions.size === 0) return null
  // NOTE: in the order of first use (the Map's), so a button never moves under the focus.
  const given = [...message.reactions].filter(([, users]) => users.length > 0)
  if (given.length === 0) return null
  return (
    <div class="reactions">
      {given.map(([emoji, users]) => {
        const on = users.includes(user.id)
        const names = users.map((u) => store.nameOf(roomId, u) ?? t('msg.someone')).join(', ')
        return (
          <button
            key={emoji}
            type="button"
            tabIndex={-1}
            class="reaction has"
            aria-pressed={on}
            aria-label={`${t('msg.reaction', { emoji, count: users.length })}: ${names}`}
            title={names}
            data-emoji={emoji}
            aria-disabled={!store.writable(roomId) || undefined}
            onClick={() => store.react(roomId, message.seq, emoji, !on)}
          >
            <span aria-hidden="true">{emoji}</span>
            <span aria-hidden="true"> {users.length}</span>
          </button>
        )
      })}
    </div>
  )
}

/** The quick reactions, in the message's toolbar: each toggles the reader's own. */
export function QuickReactions({ store, roomId, message, user }: Props) {
  return (
    <>
      {QUICK_REACTIONS.map((emoji) => {
        const on = (message.reactions.get(emoji) ?? []).includes(user.id)
        return (
          <button
            key={emoji}
            type="button"
            tabIndex={-1}
            class="quick-reaction"
            aria-pressed={on}
            aria-label={t('msg.addReaction', { emoji })}
            data-emoji={emoji}
            aria-disabled={!store.writable(roomId) || undefined}
            onClick={() => store.react(roomId, message.seq, emoji, !on)}
          >
            <span aria-hidden="true">{emoji}</span>
          </button>
        )
      })}
    </>
  )
}
