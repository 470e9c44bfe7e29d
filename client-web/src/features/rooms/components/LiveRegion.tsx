import { useEffect, useState } from 'preact/hooks'
import type { ChatStore } from '../store'
import { t } from '../../../core/i18n'

const MAX_SPOKEN = 140

/** Announces new messages of the open room through a polite live region. */
export function LiveRegion({ store }: { store: ChatStore }) {
  const [text, setText] = useState('')
  useEffect(
    () =>
      store.onAnnounce((a) => {
        const body = a.text.length > MAX_SPOKEN ? `${a.text.slice(0, MAX_SPOKEN)}…` : a.text
        setText(t('live.newMessage', { name: a.author, text: body }))
      }),
    [store],
  )
  return (
    <div class="visually-hidden" aria-live="polite" aria-atomic="true" id="live-region">
      {text}
    </div>
  )
}
