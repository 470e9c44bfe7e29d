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

/**
 * While `open`, Escape (ahead of every other key handler) or a pointer press outside
 * `ref` calls `onDismiss`: for popovers and cards that close like menus.
 */
export function useDismiss(
  ref: { current: Element | null },
  open: boolean,
  onDismiss: (how: 'escape' | 'outside', e: Event) => void,
): void {
  useEffect(() => {
    if (!open) return
    const onKey = (e: KeyboardEvent) => {
      if (e.key !== 'Escape') return
      e.preventDefault()
      e.stopPropagation()
      onDismiss('escape', e)
    }
    const onPointer = (e: PointerEvent) => {
      if (ref.current && !e.composedPath().includes(ref.current)) onDismiss('outside', e)
    }
    document.addEventListener('keydown', onKey, true)
    document.addEventListener('pointerdown', onPointer, true)
    return () => {
      document.removeEventListener('keydown', onKey, true)
      document.removeEventListener('pointerdown', onPointer, true)
    }
  }, [open])
}
