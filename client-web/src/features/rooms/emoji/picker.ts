// The full emoji picker (emoji-picker-element: accessible, searchable, with skin tones),
// loaded only when someone first opens it: this module, the library, its translations
// and the emoji data of the reader's language are a chunk of their own.
import Picker from 'emoji-picker-element/picker.js'
import type { I18n } from 'emoji-picker-element/shared'
import de from 'emoji-picker-element/i18n/de.js'
import en from 'emoji-picker-element/i18n/en.js'
import es from 'emoji-picker-element/i18n/es.js'
import fr from 'emoji-picker-element/i18n/fr.js'
import it from 'emoji-picker-element/i18n/it.js'
// The data, served by praxisd itself (the library's default is a CDN).
import deData from 'emoji-picker-element-data/de/cldr/data.json?url'
import enData from 'emoji-picker-element-data/en/github/data.json?url'
import esData from 'emoji-picker-element-data/es/cldr/data.json?url'
import fiData from 'emoji-picker-element-data/fi/cldr/data.json?url'
import frData from 'emoji-picker-element-data/fr/cldr/data.json?url'
import itData from 'emoji-picker-element-data/it/cldr/data.json?url'
import type { UiLanguage } from '../../../core/i18n'
import { el, fi } from './translations'

// NOTE: there is no Greek emoji data (emojibase has none): Greek readers search in English.
const BY_LANGUAGE: Record<UiLanguage, { i18n: I18n; data: string; locale: string }> = {
  de: { i18n: de, data: deData, locale: 'de' },
  el: { i18n: el, data: enData, locale: 'en' },
  en: { i18n: en, data: enData, locale: 'en' },
  es: { i18n: es, data: esData, locale: 'es' },
  fi: { i18n: fi, data: fiData, locale: 'fi' },
  fr: { i18n: fr, data: frData, locale: 'fr' },
  it: { i18n: it, data: itData, locale: 'it' },
}

const INSTEAD_OF_STYLE_ATTRIBUTES = `
.picker { --num-groups: 10; --num-skintones: 6; }
.nav { grid-auto-flow: column; grid-auto-columns: 1fr; }
.indicator-wrapper { display: none; }
.nav-button[aria-selected='true'] { box-shadow: inset 0 -3px var(--indicator-color); }
.visibility-auto { content-visibility: visible; }
.skintone-list.hidden {
  transform: translateY(calc(-1 * var(--num-skintones) * var(--total-emoji-size)));
}
`

/** A picker for `lang`, themed like the page; `onPick` gets the chosen emoji. */
export function createPicker(lang: UiLanguage, onPick: (emoji: string) => void): HTMLElement {
  const { i18n, data, locale } = BY_LANGUAGE[lang]
  const picker = new Picker({ i18n, locale, dataSource: new URL(data, location.href).href })
  // NOTE: the library styles its shadow root with a <style> element and a few style
  //       attributes, which our Content-Security-Policy (style-src 'self', no
  //       'unsafe-inline') refuses. Its rules apply as a constructed stylesheet (CSSOM,
  //       which CSP does not govern), followed by what the attributes would have set.
  const root = picker.shadowRoot!
  const style = root.querySelector('style')
  if (style) {
    const sheet = new CSSStyleSheet()
    sheet.replaceSync((style.textContent ?? '') + INSTEAD_OF_STYLE_ATTRIBUTES)
    root.adoptedStyleSheets = [sheet]
    style.remove()
  }
  picker.classList.add(document.documentElement.dataset.theme === 'dark' ? 'dark' : 'light')
  picker.addEventListener('emoji-click', (e) => {
    if (e.detail.unicode) onPick(e.detail.unicode)
  })
  return picker
}

/** Moves the focus into the picker's search box (once it is rendered). */
export function focusSearch(picker: HTMLElement): void {
  const tryFocus = (left: number) => {
    const input = picker.shadowRoot?.querySelector<HTMLInputElement>('input.search')
    if (input) input.focus()
    else if (left > 0) requestAnimationFrame(() => tryFocus(left - 1))
  }
  tryFocus(60)
}
