import type { ComponentChildren } from 'preact'
import { navigate } from '../router'

interface Props {
  href: string
  current?: boolean
  class?: string
  children: ComponentChildren
}

/** A real link that navigates inside the app without a page load. */
export function NavLink({ href, current, class: cls, children }: Props) {
  return (
    <a
      href={href}
      class={cls}
      aria-current={current ? 'page' : undefined}
      onClick={(e) => {
        if (e.ctrlKey || e.metaKey || e.shiftKey) return
        e.preventDefault()
        navigate(href)
      }}
    >
      {children}
    </a>
  )
}
