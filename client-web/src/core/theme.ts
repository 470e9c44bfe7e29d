// Light and dark themes: the system's setting by default, or the reader's choice kept in
// localStorage. The resolved theme is <html data-theme="light|dark">; styles.css holds
// each theme's design tokens.

export type ThemeChoice = 'system' | 'light' | 'dark'
const KEY = 'praxis.theme'

function stored(): ThemeChoice {
  try {
    const v = localStorage.getItem(KEY)
    return v === 'light' || v === 'dark' ? v : 'system'
  } catch {
    return 'system'
  }
}

function systemDark(): MediaQueryList | null {
  return typeof matchMedia === 'function' ? matchMedia('(prefers-color-scheme: dark)') : null
}

function apply(choice: ThemeChoice) {
  const dark = choice === 'dark' || (choice === 'system' && !!systemDark()?.matches)
  document.documentElement.dataset.theme = dark ? 'dark' : 'light'
}

export function themeChoice(): ThemeChoice {
  return stored()
}

export function chooseTheme(choice: ThemeChoice) {
  try {
    if (choice === 'system') localStorage.removeItem(KEY)
    else localStorage.setItem(KEY, choice)
  } catch {
    // not kept across reloads; applied now all the same
  }
  apply(choice)
}

/** Applies the theme now and follows the system's setting while the choice is "system". */
export function initTheme() {
  apply(stored())
  systemDark()?.addEventListener('change', () => apply(stored()))
}
