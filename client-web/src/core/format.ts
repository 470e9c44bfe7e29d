// Dates and times in the reader's locale and time zone.

export function validTimeZone(tz: string | undefined): string | undefined {
  if (!tz) return undefined
  try {
    new Intl.DateTimeFormat('en', { timeZone: tz })
    return tz
  } catch {
    return undefined
  }
}

export function formatTime(ms: number, locale: string, timeZone: string | undefined): string {
  return new Intl.DateTimeFormat(locale, {
    dateStyle: 'medium',
    timeStyle: 'short',
    timeZone: validTimeZone(timeZone),
  }).format(new Date(ms))
}

/** The time of day alone (beside a message grouped under its author's first). */
export function formatClock(ms: number, locale: string, timeZone: string | undefined): string {
  return new Intl.DateTimeFormat(locale, {
    timeStyle: 'short',
    timeZone: validTimeZone(timeZone),
  }).format(new Date(ms))
}

/** A country (ISO 3166 code) named in `locale`. */
export function regionName(code: string, locale: string): string {
  try {
    return new Intl.DisplayNames([locale, 'en'], { type: 'region' }).of(code) ?? code
  } catch {
    return code
  }
}

export function languageName(tag: string, locale: string): string {
  try {
    return new Intl.DisplayNames([locale], { type: 'language' }).of(tag) ?? tag
  } catch {
    return tag
  }
}

export function browserTimeZone(): string {
  return Intl.DateTimeFormat().resolvedOptions().timeZone || 'UTC'
}
