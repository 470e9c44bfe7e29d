import { LANGUAGES, t, isUiLanguage, type UiLanguage } from '../i18n'

interface Props {
  value: UiLanguage
  onChange: (l: UiLanguage) => void
  id: string
}

export function LanguageSelect({ value, onChange, id }: Props) {
  return (
    <span class="lang-select">
      <label for={id} class="visually-hidden">
        {t('lang.label')}
      </label>
      <select
        id={id}
        value={value}
        onChange={(e) => {
          const v = e.currentTarget.value
          if (isUiLanguage(v)) onChange(v)
        }}
      >
        {LANGUAGES.map((l) => (
          <option key={l.code} value={l.code} lang={l.code}>
            {l.name}
          </option>
        ))}
      </select>
    </span>
  )
}
