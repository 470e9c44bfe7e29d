import { render } from 'preact'
import { App } from './app/App'
import { initI18n, initialLanguage } from './core/i18n'
import { initTheme } from './core/theme'
import './core/styles.css'

initTheme()
void initI18n(initialLanguage()).then(() => {
  const root = document.getElementById('app')
  if (root) render(<App />, root)
})
