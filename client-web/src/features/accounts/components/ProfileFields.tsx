import { useState } from 'preact/hooks'
import type { ProfileFields as Fields } from '../api'
import { t } from '../../../core/i18n'
import { Field } from '../../../core/components/Field'

interface Props {
  value: Fields
  onChange: (v: Fields) => void
  idPrefix: string
}

export function parseLanguages(s: string): string[] {
  return s
    .split(/[\s,;]+/)
    .map((x) => x.trim())
    .filter(Boolean)
}

/** Name, institution, country, languages and time zone: shared by setup, register, profile. */
export function ProfileFields({ value, onChange, idPrefix }: Props) {
  const [languages, setLanguages] = useState(value.languages.join(', '))
  const set = (patch: Partial<Fields>) => onChange({ ...value, ...patch })
  return (
    <>
      <Field
        id={`${idPrefix}-name`}
        label={t('profile.name')}
        value={value.display_name}
        onInput={(v) => set({ display_name: v })}
        required
        maxLength={80}
        autoComplete="name"
      />
      <Field
        id={`${idPrefix}-institution`}
        label={t('profile.institution')}
        value={value.institution}
        onInput={(v) => set({ institution: v })}
        maxLength={120}
        autoComplete="organization"
      />
      <Field
        id={`${idPrefix}-country`}
        label={t('profile.country')}
        value={value.country}
        onInput={(v) => set({ country: v.toUpperCase() })}
        maxLength={2}
        pattern="[A-Za-z]{2}"
        autoComplete="country"
      />
      <Field
        id={`${idPrefix}-languages`}
        label={t('profile.languages')}
        value={languages}
        onInput={(v) => {
          setLanguages(v)
          set({ languages: parseLanguages(v) })
        }}
      />
      <Field
        id={`${idPrefix}-tz`}
        label={t('profile.timeZone')}
        value={value.time_zone}
        onInput={(v) => set({ time_zone: v })}
        maxLength={64}
      />
    </>
  )
}
