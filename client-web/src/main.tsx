import { render } from 'preact'
import { App } from './app/App'
import { FEATURE_CATALOGUES } from './app/catalogues'
import { initI18n, initialLanguage, registerCatalogues } from './core/i18n'
import { initTheme } from './core/theme'
import './core/styles.css'

initTheme()
registerCatalogues(...FEATURE_CATALOGUES)
void initI18n(initialLanguage()).then(() => {
  const root = document.getElementById('app')
  if (root) render(<App />, root)
})
