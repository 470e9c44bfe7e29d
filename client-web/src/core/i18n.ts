// Every string the interface shows goes through i18next; catalogues are complete by type.
// core/locales holds what core shows; each feature has its own locales/ and registers
// them (registerCatalogues, from app/), adding its keys to Messages. Each language's
// catalogues are chunks of their own, loaded when the language is first needed: the first
// load carries one language, not seven.

import i18next from 'i18next'
import type { en as coreEn } from './locales/en'

/** Every key of every catalogue: each feature's locales/index.ts adds its own. */
export interface Messages extends Record<keyof typeof coreEn, string> {}
export type MessageKey = keyof Messages

export const LANGUAGES = [
  { code: 'en', name: 'English' },
  { code: 'de', name: 'Deutsch' },
  { code: 'fi', name: 'Suomi' },
  { code: 'it', name: 'Italiano' },
  { code: 'es', name: 'Español' },
  { code: 'el', name: 'Ελληνικά' },
  { code: 'fr', name: 'Français' },
] as const

export type UiLanguage = (typeof LANGUAGES)[number]['code']

/** One catalogue per language, each loaded on demand. */
export type Catalogues = Record<UiLanguage, () => Promise<Record<string, string>>>

/** Core's own catalogues (registered first). */
export const coreCatalogues: Catalogues = {
  en: () => import('./locales/en').then((m) => m.en),
  de: () => import('./locales/de').then((m) => m.de),
  fi: () => import('./locales/fi').then((m) => m.fi),
  it: () => import('./locales/it').then((m) => m.it),
  es: () => import('./locales/es').then((m) => m.es),
  el: () => import('./locales/el').then((m) => m.el),
  fr: () => import('./locales/fr').then((m) => m.fr),
}
const registered: Catalogues[] = [coreCatalogues]

/** Adds features' catalogues (before initI18n). */
export function registerCatalogues(...features: Catalogues[]): void {
  registered.push(...features.filter((f) => !registered.includes(f)))
}

/** `lng`'s catalogues, core's and every registered feature's, as one. */
async function catalogueOf(lng: UiLanguage): Promise<Record<string, string>> {
  return Object.assign({}, ...(await Promise.all(registered.map((c) => c[lng]()))))
}

/** Makes `lng`'s catalogues available to i18next (once). */
async function loadCatalogue(lng: UiLanguage): Promise<void> {
  if (!i18next.hasResourceBundle(lng, 'translation'))
    i18next.addResourceBundle(lng, 'translation', await catalogueOf(lng))
}

const STORAGE_KEY = 'praxis.uiLanguage'

/** Keys looked up but missing in the current language (checked by the browser tests). */
export const missingKeys: string[] = []

export function isUiLanguage(s: string | null | undefined): s is UiLanguage {
  return LANGUAGES.some((l) => l.code === s)
}

export function initialLanguage(): UiLanguage {
  const stored = typeof localStorage !== 'undefined' ? localStorage.getItem(STORAGE_KEY) : null
  if (isUiLanguage(stored)) return stored
  const nav = typeof navigator !== 'undefined' ? (navigator.languages ?? []) : []
  for (const tag of nav) {
    const base = tag.split('-')[0]
    if (isUiLanguage(base)) return base
  }
  return 'en'
}

export async function initI18n(lng: UiLanguage): Promise<void> {
  await i18next.init({
    lng,
    fallbackLng: false,
    keySeparator: false,
    nsSeparator: false,
    interpolation: { escapeValue: false }, // Preact escapes text itself
    resources: { [lng]: { translation: await catalogueOf(lng) } },
    saveMissing: true,
    missingKeyHandler: (lngs, _ns, key) => {
      missingKeys.push(`${lngs.join(',')}:${key}`)
    },
  })
  applyDocumentLanguage(lng)
}

let wanted: UiLanguage | null = null

/** Switches to `lng` once its catalogues are in (the last choice wins, whatever loads last). */
export async function setLanguage(lng: UiLanguage): Promise<void> {
  wanted = lng
  localStorage.setItem(STORAGE_KEY, lng)
  await loadCatalogue(lng)
  if (wanted !== lng) return
  await i18next.changeLanguage(lng)
  applyDocumentLanguage(lng)
}

function applyDocumentLanguage(lng: string): void {
  if (typeof document !== 'undefined') document.documentElement.lang = lng
}

export function currentLanguage(): UiLanguage {
  const l = i18next.language
  return isUiLanguage(l) ? l : 'en'
}

export function t(key: MessageKey, vars?: Record<string, string | number>): string {
  return i18next.t(key, vars ?? {})
}
