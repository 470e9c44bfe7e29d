import { useEffect, useRef, useState } from 'preact/hooks'
import { t } from '../i18n'

interface Props {
  /** The button's text, and its accessible name when `name` is not given. */
  label: string
  name?: string
  /** What confirming does, asked before it is done. */
  question: string
  confirmLabel: string
  onConfirm: () => void
  danger?: boolean
  /** The first button's class (a "link-button" among links). */
  buttonClass?: string
}

/** A button for something hard to undo: it asks first, with focus on the answer. */
export function ConfirmButton({
  label,
  name,
  question,
  confirmLabel,
  onConfirm,
  danger,
  buttonClass,
}: Props) {
  const [asking, setAsking] = useState(false)
  const yes = useRef<HTMLButtonElement>(null)
  const first = useRef<HTMLButtonElement>(null)
  const wasAsking = useRef(false)
  // Focus follows the question: to the answer when asked, back to the button after (when
  // the button is still there: a confirmed action may replace it, and its owner moves
  // the focus then).
  useEffect(() => {
    if (asking) yes.current?.focus()
    else if (wasAsking.current) first.current?.focus()
    wasAsking.current = asking
  }, [asking])
  if (!asking)
    return (
      <button
        type="button"
        class={buttonClass}
        aria-label={name}
        ref={first}
        onClick={() => setAsking(true)}
      >
        {label}
      </button>
    )
  return (
    <span class="confirm">
      {question}{' '}
      <button
        type="button"
        class={danger ? 'danger' : undefined}
        ref={yes}
        onClick={() => {
          setAsking(false)
          onConfirm()
        }}
      >
        {confirmLabel}
      </button>{' '}
      <button type="button" onClick={() => setAsking(false)}>
        {t('common.cancel')}
      </button>
    </span>
  )
}
