import { useState } from 'preact/hooks'
import { t } from '../i18n'
import { chooseTheme, type ThemeChoice, themeChoice } from '../theme'

const CHOICES: ThemeChoice[] = ['system', 'light', 'dark']

/** The theme switch: as the system, light or dark. */
export function ThemeSelect({ id }: { id: string }) {
  const [choice, setChoice] = useState(themeChoice)
  return (
    <span class="theme-select">
      <label for={id} class="visually-hidden">
        {t('theme.label')}
      </label>
      <select
        id={id}
        value={choice}
        onChange={(e) => {
          const v = e.currentTarget.value as ThemeChoice
          setChoice(v)
          chooseTheme(v)
        }}
      >
        {CHOICES.map((c) => (
          <option key={c} value={c}>
            {t(`theme.${c}`)}
          </option>
        ))}
      </select>
    </span>
  )
}
