import { useEffect, useReducer } from 'preact/hooks'

/** Something that tells its listeners when it changed (a feature's store, the session). */
export interface Observable {
  subscribe(listener: () => void): () => void
}

/** Re-renders the component whenever the store changes. */
export function useStore<S extends Observable>(store: S): S {
  const [, bump] = useReducer((n: number) => n + 1, 0)
  useEffect(() => store.subscribe(() => bump(0)), [store])
  return store
}
