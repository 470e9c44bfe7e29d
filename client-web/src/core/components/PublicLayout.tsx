import type { ComponentChildren } from 'preact'
import { t, type UiLanguage } from '../i18n'
import { LanguageSelect } from './LanguageSelect'

interface Props {
  lang: UiLanguage
  onLanguage: (l: UiLanguage) => void
  title: string
  children: ComponentChildren
}

/** Frame of the screens before login: banner with the language switcher, one main. */
export function PublicLayout({ lang, onLanguage, title, children }: Props) {
  return (
    <div class="public">
      <header class="topbar">
        <span class="brand">{t('app.name')}</span>
        <LanguageSelect value={lang} onChange={onLanguage} id="lang-public" />
      </header>
      <main id="main" class="card" aria-labelledby="page-title">
        <h1 id="page-title">{title}</h1>
        {children}
      </main>
    </div>
  )
}
