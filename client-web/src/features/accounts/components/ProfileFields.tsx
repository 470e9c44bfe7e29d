import { useMemo } from 'preact/hooks'
import type { ProfileFields as Fields } from '../api'
import { currentLanguage, t } from '../../../core/i18n'
import { Field } from '../../../core/components/Field'
import { SelectField } from '../../../core/components/SelectField'
import { type Choice, countries, languages, timeZones } from '../places'

/** As the server allows (protocol/accounts/accounts.md). */
const MAX_LANGUAGES = 10

/** A list's options: an empty first one, then the choices. */
function options(empty: string, choices: Choice[]) {
  return [
    <option key="" value="">
      {empty}
    </option>,
    ...choices.map((c) => (
      <option key={c.code} value={c.code}>
        {c.name}
      </option>
    )),
  ]
}

interface Props {
  value: Fields
  onChange: (v: Fields) => void
  idPrefix: string
}

/** Name, institution, country, languages and time zone: shared by setup, register, profile. */
export function ProfileFields({ value, onChange, idPrefix }: Props) {
  const ui = currentLanguage()
  const set = (patch: Partial<Fields>) => onChange({ ...value, ...patch })
  const countryChoices = useMemo(() => countries(ui), [ui])
  const languageChoices = useMemo(() => languages(ui, value.languages), [ui, value.languages])
  const zones = useMemo(() => timeZones(value.time_zone), [value.time_zone])
  const nameOf = (code: string) => languageChoices.find((l) => l.code === code)?.name ?? code
  const addable = languageChoices.filter((l) => !value.languages.includes(l.code))
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
      <SelectField
        id={`${idPrefix}-country`}
        label={t('profile.country')}
        value={value.country}
        onChange={(country) => set({ country })}
      >
        {options(t('profile.noCountry'), countryChoices)}
      </SelectField>
      <fieldset class="field languages-field">
        <legend>{t('profile.languages')}</legend>
        <ul class="chosen-languages">
          {value.languages.map((code) => (
            <li key={code} lang={code}>
              {nameOf(code)}{' '}
              <button
                type="button"
                class="link-button"
                aria-label={t('profile.removeLanguage', { language: nameOf(code) })}
                onClick={() => set({ languages: value.languages.filter((l) => l !== code) })}
              >
                {t('profile.remove')}
              </button>
            </li>
          ))}
        </ul>
        <label for={`${idPrefix}-add-language`}>{t('profile.addLanguage')}</label>
        <select
          id={`${idPrefix}-add-language`}
          value=""
          disabled={value.languages.length >= MAX_LANGUAGES}
          onChange={(e) => {
            const code = e.currentTarget.value
            if (code) set({ languages: [...value.languages, code] })
          }}
        >
          {options(t('profile.chooseLanguage'), addable)}
        </select>
      </fieldset>
      <SelectField
        id={`${idPrefix}-tz`}
        label={t('profile.timeZone')}
        value={value.time_zone}
        onChange={(time_zone) => set({ time_zone })}
      >
        {!value.time_zone && <option value="">{t('profile.noTimeZone')}</option>}
        {zones.map((z) => (
          <option key={z} value={z}>
            {z.replace(/_/g, ' ')}
          </option>
        ))}
      </SelectField>
    </>
  )
}
