import type { ChatStore } from '../store'
import { t } from '../../../core/i18n'

export function TypingIndicator({ store, roomId }: { store: ChatStore; roomId: number }) {
  const names = store.typingIn(roomId)
  const text =
    names.length === 0
      ? ''
      : t(names.length === 1 ? 'room.typingOne' : 'room.typingMany', { names: names.join(', ') })
  return (
    <p class="typing" aria-live="off">
      {text}
    </p>
  )
}
