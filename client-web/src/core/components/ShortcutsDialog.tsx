import { useEffect, useRef, useState } from 'preact/hooks'
import { t } from '../i18n'
import { listShortcuts, registerShortcuts, runShortcut } from '../shortcuts'

/** The keyboard shortcuts of every feature, in a dialog opened with "?". */
export function ShortcutsDialog() {
  const dialog = useRef<HTMLDialogElement>(null)
  const [, setShown] = useState(0)
  useEffect(() => {
    const off = registerShortcuts({
      keys: '?',
      does: 'keys.help',
      matches: (e) => e.key === '?' && !e.ctrlKey && !e.metaKey && !e.altKey,
      run: () => {
        setShown((n) => n + 1) // lists what is registered now
        dialog.current?.showModal()
      },
    })
    const onKey = (e: KeyboardEvent) => {
      if (!dialog.current?.open) runShortcut(e)
    }
    document.addEventListener('keydown', onKey)
    return () => {
      off()
      document.removeEventListener('keydown', onKey)
    }
  }, [])
  return (
    <dialog ref={dialog} class="shortcuts" aria-labelledby="shortcuts-title">
      <h2 id="shortcuts-title">{t('keys.title')}</h2>
      <table>
        <tbody>
          {listShortcuts().map((s) => (
            <tr key={s.keys + s.does}>
              <th scope="row">
                <kbd>{s.keys}</kbd>
              </th>
              <td>{t(s.does)}</td>
            </tr>
          ))}
        </tbody>
      </table>
      <form method="dialog">
        <button type="submit" class="primary">
          {t('keys.close')}
        </button>
      </form>
    </dialog>
  )
}
