// A tiny history-API router: the server answers unknown paths with index.html.

import { useEffect, useState } from 'preact/hooks'

const EVENT = 'praxis:navigate'

export function navigate(path: string, replace = false): void {
  if (replace) history.replaceState(null, '', path)
  else history.pushState(null, '', path)
  window.dispatchEvent(new Event(EVENT))
}

export interface Location {
  path: string
  query: URLSearchParams
}

function current(): Location {
  return { path: location.pathname, query: new URLSearchParams(location.search) }
}

export function useLocation(): Location {
  const [loc, setLoc] = useState(current)
  useEffect(() => {
    const update = () => setLoc(current())
    window.addEventListener(EVENT, update)
    window.addEventListener('popstate', update)
    return () => {
      window.removeEventListener(EVENT, update)
      window.removeEventListener('popstate', update)
    }
  }, [])
  return loc
}

/** Room id of a path like /rooms/12, or null. */
export function roomIdOf(path: string): number | null {
  const m = /^\/rooms\/(\d+)$/.exec(path)
  return m ? Number(m[1]) : null
}
