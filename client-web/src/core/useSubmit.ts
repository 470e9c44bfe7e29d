import { useState } from 'preact/hooks'
import { errorText } from './errors'

/**
 * Runs an async form action, tracking busy state and a translated error; `describe` may
 * explain an error in the form's own words (undefined: the general text).
 */
export function useSubmit<T>(
  action: () => Promise<T>,
  onDone: (v: T) => void,
  describe?: (e: unknown) => string | undefined,
) {
  const [busy, setBusy] = useState(false)
  const [error, setError] = useState('')
  const submit = (e: Event) => {
    e.preventDefault()
    if (busy) return
    setBusy(true)
    setError('')
    action()
      .then((v) => {
        setBusy(false)
        onDone(v)
      })
      .catch((err: unknown) => {
        setBusy(false)
        setError(describe?.(err) ?? errorText(err))
      })
  }
  return { busy, error, submit }
}
