// Moving the focus to what replaced the control that had it (a button that went away
// after its action), once the next render is on screen.

/** Focuses the first element matching `selector` under `root` after the next render. */
export function focusAfterRender(
  root: () => ParentNode | null | undefined,
  selector: string,
): void {
  requestAnimationFrame(() => root()?.querySelector<HTMLElement>(selector)?.focus())
}
