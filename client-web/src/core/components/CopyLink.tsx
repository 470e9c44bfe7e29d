import { useState } from 'preact/hooks'
import { copyText } from '../clipboard'
import { t } from '../i18n'

/** A link to hand over (an invitation, a reset link), shown in full with a copy button. */
export function CopyLink({ id, label, url }: { id: string; label: string; url: string }) {
  const [copied, setCopied] = useState('')
  const copy = () =>
    void copyText(url).then((ok) => setCopied(t(ok ? 'common.copied' : 'common.copyFailed')))
  return (
    <div class="invitation-link">
      <p role="status">
        {label} <code id={id}>{url}</code>
      </p>
      <button type="button" onClick={copy}>
        {t('common.copyLink')}
      </button>{' '}
      <span role="status">{copied}</span>
    </div>
  )
}
