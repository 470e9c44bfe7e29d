import { useEffect, useRef, useState } from 'preact/hooks'
import { useDismiss } from '../../../core/hooks'
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

  // The button toggles by itself: a press on it is not "outside".
  const popover = useRef<HTMLDivElement>(null)
  useDismiss(popover, open, (how, e) => {
    if (how === 'outside' && e.target === button.current) return
    setOpen(false)
    if (how === 'escape') button.current?.focus()
  })

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
    return () => {
      live = false
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
        <div class="picker-popover" role="dialog" aria-label={t('msg.moreReactions')} ref={popover}>
          <div ref={host}>{!failed && <p class="hint">{t('app.loading')}</p>}</div>
          {failed && <p class="form-error">{t('msg.pickerFailed')}</p>}
        </div>
      )}
    </>
  )
}
