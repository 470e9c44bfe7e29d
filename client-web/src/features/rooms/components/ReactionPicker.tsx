import { useEffect, useRef, useState } from 'preact/hooks'
import { currentLanguage, t } from '../../../core/i18n'

interface Props {
  onPick: (emoji: string) => void
  /** Where the focus goes once the picker closes. */
  onClosed: () => void
}

/**
 * "More reactions": opens the full emoji picker in a small dialog. The picker's code and
 * data load on the first opening only (a chunk of their own), never with the page.
 */
export function ReactionPicker({ onPick, onClosed }: Props) {
  const [open, setOpen] = useState(false)
  const [failed, setFailed] = useState(false)
  const host = useRef<HTMLDivElement>(null)
  const button = useRef<HTMLButtonElement>(null)

  useEffect(() => {
    if (!open) return
    let live = true
    const close = () => {
      setOpen(false)
      onClosed()
    }
    import('../emoji/picker')
      .then(({ createPicker, focusSearch }) => {
        if (!live || !host.current) return
        const picker = createPicker(currentLanguage(), (emoji) => {
          onPick(emoji)
          close()
        })
        host.current.replaceChildren(picker)
        focusSearch(picker)
      })
      .catch(() => live && setFailed(true))
    const onKey = (e: KeyboardEvent) => {
      if (e.key !== 'Escape') return
      e.preventDefault()
      e.stopPropagation()
      setOpen(false)
      button.current?.focus()
    }
    const onOutside = (e: PointerEvent) => {
      const dialog = host.current?.parentElement
      if (dialog && !e.composedPath().includes(dialog) && e.target !== button.current)
        setOpen(false)
    }
    document.addEventListener('keydown', onKey, true)
    document.addEventListener('pointerdown', onOutside, true)
    return () => {
      live = false
      document.removeEventListener('keydown', onKey, true)
      document.removeEventListener('pointerdown', onOutside, true)
    }
  }, [open])

  return (
    <>
      <button
        type="button"
        tabIndex={-1}
        ref={button}
        class="more-reactions"
        aria-haspopup="dialog"
        aria-expanded={open}
        aria-label={t('msg.moreReactions')}
        title={t('msg.moreReactions')}
        onClick={() => {
          setFailed(false)
          setOpen(!open)
        }}
      >
        <span aria-hidden="true">☺︎+</span>
      </button>
      {open && (
        <div class="picker-popover" role="dialog" aria-label={t('msg.moreReactions')}>
          <div ref={host}>{!failed && <p class="hint">{t('app.loading')}</p>}</div>
          {failed && <p class="form-error">{t('msg.pickerFailed')}</p>}
        </div>
      )}
    </>
  )
}
