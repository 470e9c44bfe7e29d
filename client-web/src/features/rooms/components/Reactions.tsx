import type { ChatStore } from '../store'
import { t } from '../../../core/i18n'
import type { User } from '../../../core/protocol'
import type { Message } from '../protocol'

export const QUICK_REACTIONS = ['👍', '❤️', '🎉', '😄', '🤔']

/** Reactions as toggle buttons; the quick ones are always offered. */
export function Reactions({
  store,
  roomId,
  message,
  user,
}: {
  store: ChatStore
  roomId: number
  message: Message
  user: User
}) {
  // A stable order: the quick ones where they always are, then the others by first use.
  // (Reordering the buttons as counts appear would move the focused one and lose focus.)
  const emojis = [...new Set([...QUICK_REACTIONS, ...message.reactions.keys()])]
  return (
    <div class="reactions">
      {emojis.map((emoji) => {
        const users = message.reactions.get(emoji) ?? []
        const on = users.includes(user.id)
        const label = users.length
          ? t('msg.reaction', { emoji, count: users.length })
          : t('msg.addReaction', { emoji })
        return (
          <button
            key={emoji}
            type="button"
            tabIndex={-1}
            class={`reaction${users.length ? ' has' : ''}`}
            aria-pressed={on}
            aria-label={label}
            data-emoji={emoji}
            onClick={() => store.react(roomId, message.seq, emoji, !on)}
          >
            <span aria-hidden="true">{emoji}</span>
            {users.length > 0 && <span aria-hidden="true"> {users.length}</span>}
          </button>
        )
      })}
    </div>
  )
}
