import { render } from 'preact'
import { App } from './components/App'
import { initI18n, initialLanguage } from './i18n'
import './styles.css'

void initI18n(initialLanguage()).then(() => {
  const root = document.getElementById('app')
  if (root) render(<App />, root)
})
