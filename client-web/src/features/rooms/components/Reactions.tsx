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
  const emojis = [...new Set([...message.reactions.keys(), ...QUICK_REACTIONS])]
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
