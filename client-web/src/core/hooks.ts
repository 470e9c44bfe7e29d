import { useEffect, useReducer } from 'preact/hooks'
import type { ChatStore } from '../features/rooms/store'

/** Re-renders the component whenever the store changes. */
export function useStore(store: ChatStore): ChatStore {
  const [, bump] = useReducer((n: number) => n + 1, 0)
  useEffect(() => store.subscribe(() => bump(0)), [store])
  return store
}
