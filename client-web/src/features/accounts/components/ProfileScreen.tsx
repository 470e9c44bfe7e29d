import { useState } from 'preact/hooks'
import { api } from '../api'
import { t, type UiLanguage } from '../../../core/i18n'
import type { User } from '../../../core/protocol'
import { useSubmit } from '../../../core/useSubmit'
import { FormError } from '../../../core/components/FormError'
import { LanguageSelect } from '../../../core/components/LanguageSelect'
import { PasswordForm } from './PasswordForm'
import { ProfileFields } from './ProfileFields'
import { SessionList } from './SessionList'

interface Props {
  user: User
  lang: UiLanguage
  onLanguage: (l: UiLanguage) => void
  onUser: (u: User) => void
}

export function ProfileScreen({ user, lang, onLanguage, onUser }: Props) {
  const [profile, setProfile] = useState({
    display_name: user.display_name,
    institution: user.institution,
    country: user.country,
    languages: user.languages,
    time_zone: user.time_zone,
  })
  const [saved, setSaved] = useState(false)
  const [sessionsVersion, setSessionsVersion] = useState(0)
  const { busy, error, submit } = useSubmit(
    () => {
      setSaved(false)
      return api.updateMe(profile)
    },
    (r) => {
      setSaved(true)
      onUser(r.user)
    },
  )
  return (
    <section aria-labelledby="profile-title" class="page">
      <h1 id="profile-title">{t('profile.title')}</h1>
      <form onSubmit={submit}>
        <ProfileFields idPrefix="profile" value={profile} onChange={setProfile} />
        <div class="field">
          <span>{t('profile.uiLanguage')}</span>{' '}
          <LanguageSelect id="profile-ui-lang" value={lang} onChange={onLanguage} />
        </div>
        {error && <FormError text={error} />}
        {saved && <p role="status">{t('profile.saved')}</p>}
        <button type="submit" class="primary" disabled={busy}>
          {t('profile.save')}
        </button>
      </form>
      <PasswordForm onChanged={() => setSessionsVersion((v) => v + 1)} />
      <SessionList version={sessionsVersion} />
    </section>
  )
}
