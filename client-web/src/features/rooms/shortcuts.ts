// The rooms' keyboard shortcuts (listed in the help dialog with every feature's).
import { useEffect } from 'preact/hooks'
import { navigate } from '../../core/router'
import { registerShortcuts } from '../../core/shortcuts'
import type { ChatStore } from './store'

export function useRoomShortcuts(store: ChatStore): void {
  useEffect(() => {
    // The room `step` places on from the open one in the sidebar's order, among `which`.
    const go = (step: 1 | -1, which: (unread: number) => boolean) => {
      const rooms = store.sortedRooms().filter((r) => which(r.info.unread ?? 0))
      if (rooms.length === 0) return
      const all = store.sortedRooms()
      const at = all.findIndex((r) => r.info.id === store.activeRoom)
      const after = (r: (typeof all)[number]) => all.indexOf(r)
      const next =
        step === 1
          ? (rooms.find((r) => after(r) > at) ?? rooms[0])
          : ([...rooms].reverse().find((r) => after(r) < at) ?? rooms[rooms.length - 1])
      if (next.info.id !== store.activeRoom) navigate(`/rooms/${next.info.id}`)
    }
    return registerShortcuts(
      {
        keys: 'Alt+↑',
        does: 'keys.previousRoom',
        matches: (e) => e.altKey && !e.shiftKey && !e.ctrlKey && e.key === 'ArrowUp',
        run: () => go(-1, () => true),
      },
      {
        keys: 'Alt+↓',
        does: 'keys.nextRoom',
        matches: (e) => e.altKey && !e.shiftKey && !e.ctrlKey && e.key === 'ArrowDown',
        run: () => go(1, () => true),
      },
      {
        keys: 'Alt+Shift+↓',
        does: 'keys.nextUnread',
        matches: (e) => e.altKey && e.shiftKey && e.key === 'ArrowDown',
        run: () => go(1, (unread) => unread > 0),
      },
      {
        keys: 'Alt+N',
        does: 'keys.jumpToNew',
        matches: (e) => e.altKey && !e.shiftKey && e.code === 'KeyN',
        run: () => {
          const divider = document.getElementById(`new-${store.activeRoom}`)
          divider?.scrollIntoView({ block: 'start' })
          ;(divider?.nextElementSibling as HTMLElement | null)?.focus()
        },
      },
      { keys: '↑', does: 'keys.editLast' },
      { keys: '↑ ↓ Home End', does: 'keys.listMove' },
      { keys: 'Enter, ← →, Escape', does: 'keys.listActions' },
    )
  }, [store])
}
