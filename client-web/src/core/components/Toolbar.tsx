import type { ComponentChildren } from 'preact'
import { useLayoutEffect, useRef, useState } from 'preact/hooks'

/**
 * Buttons that make one Tab stop (the ARIA toolbar pattern): Tab enters at the button
 * used last, the arrow keys, Home and End move between them.
 */
export function Toolbar({
  label,
  class: cls,
  children,
}: {
  label: string
  class?: string
  children: ComponentChildren
}) {
  const ref = useRef<HTMLDivElement>(null)
  const [current, setCurrent] = useState(0)
  const buttons = () => [...(ref.current?.querySelectorAll<HTMLElement>(':scope > button') ?? [])]
  // NOTE: set on the elements after each render, as the buttons are the caller's.
  useLayoutEffect(() => {
    const all = buttons()
    const at = Math.min(current, all.length - 1)
    all.forEach((b, i) => (b.tabIndex = i === at ? 0 : -1))
  })
  const onKeyDown = (e: KeyboardEvent) => {
    const all = buttons()
    const i = all.indexOf(document.activeElement as HTMLElement)
    if (i < 0) return
    const n = all.length
    const next =
      e.key === 'ArrowRight'
        ? (i + 1) % n
        : e.key === 'ArrowLeft'
          ? (i + n - 1) % n
          : e.key === 'Home'
            ? 0
            : e.key === 'End'
              ? n - 1
              : -1
    if (next < 0) return
    e.preventDefault()
    setCurrent(next)
    all[next].focus()
  }
  return (
    <div
      ref={ref}
      role="toolbar"
      aria-label={label}
      class={cls}
      onKeyDown={onKeyDown}
      onFocusIn={(e) => {
        const i = buttons().indexOf(e.target as HTMLElement)
        if (i >= 0) setCurrent(i)
      }}
    >
      {children}
    </div>
  )
}
