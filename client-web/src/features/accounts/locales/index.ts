// The accounts feature's catalogues: its keys join Messages, its texts load per language.
import type { Catalogues } from '../../../core/i18n'
import type { en } from './en'

declare module '../../../core/i18n' {
  interface Messages extends Record<keyof typeof en, string> {}
}

export const catalogues: Catalogues = {
  en: () => import('./en').then((m) => m.en),
  de: () => import('./de').then((m) => m.de),
  fi: () => import('./fi').then((m) => m.fi),
  it: () => import('./it').then((m) => m.it),
  es: () => import('./es').then((m) => m.es),
  el: () => import('./el').then((m) => m.el),
  fr: () => import('./fr').then((m) => m.fr),
}
