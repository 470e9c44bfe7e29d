import { useState } from 'preact/hooks'
import { t } from '../i18n'
import { askDismissed, askPermission, dismissAsk, notifyState } from '../notify'

/** Offers desktop notifications, saying what for; gone once answered or dismissed. */
export function NotifyPrompt() {
  const [shown, setShown] = useState(() => notifyState() === 'default' && !askDismissed())
  if (!shown) return null
  return (
    <div class="notify-prompt" role="region" aria-label={t('notify.title')}>
      <p>{t('notify.ask')}</p>
      <button
        type="button"
        class="primary"
        onClick={() => {
          void askPermission().finally(() => setShown(false))
        }}
      >
        {t('notify.allow')}
      </button>{' '}
      <button
        type="button"
        onClick={() => {
          dismissAsk()
          setShown(false)
        }}
      >
        {t('notify.notNow')}
      </button>
    </div>
  )
}
