import type { Catalogue } from './en'

export const de: Catalogue = {
  'setup.title': 'Praxis einrichten',
  'setup.alreadyDone':
    'Dieser Einrichtungslink wurde bereits verwendet: Praxis ist eingerichtet und das erste Administratorkonto existiert. Melden Sie sich unten an oder bitten Sie eine Administratorin oder einen Administrator um eine Einladung.',
  'setup.intro': 'Legen Sie das erste Administratorkonto dieser Praxis-Instanz an.',
  'setup.token': 'Einrichtungscode (vom Server beim Start ausgegeben)',
  'setup.submit': 'Administrator anlegen',
  'login.title': 'Anmelden',
  'login.email': 'E-Mail',
  'login.password': 'Passwort',
  'login.submit': 'Anmelden',
  'register.title': 'Praxis beitreten',
  'register.intro':
    'Sie wurden in diese Praxisgemeinschaft eingeladen. Sagen Sie den anderen, wer Sie sind.',
  'register.submit': 'Konto anlegen',
  'register.noInvitation':
    'Dieser Link enthält keine Einladung. Bitten Sie eine Administratorin darum.',
  'register.haveAccount': 'Schon ein Konto? Anmelden',
  'register.invitedEmail': 'Die Einladung gilt für diese Adresse.',
  'reset.title': 'Neues Passwort wählen',
  'reset.intro':
    'Eine Administratorin oder ein Administrator hat diesen Link für Sie erstellt. Wählen Sie ein neues Passwort; damit melden Sie sich danach überall an.',
  'reset.submit': 'Neues Passwort setzen',
  'reset.done':
    'Ihr Passwort wurde geändert und alle Sitzungen wurden abgemeldet. Melden Sie sich mit dem neuen Passwort an.',
  'reset.unusable':
    'Dieser Link ist nicht nutzbar: Er ist abgelaufen, wurde schon benutzt oder durch einen neueren ersetzt. Bitten Sie eine Administratorin oder einen Administrator um einen neuen Link.',
  'reset.noToken':
    'Dieser Link enthält kein Token. Bitten Sie eine Administratorin oder einen Administrator um einen neuen Link.',
  'register.unusable':
    'Diese Einladung kann nicht verwendet werden: Sie ist abgelaufen, wurde verwendet oder widerrufen, oder sie gilt für eine andere E-Mail-Adresse. Prüfen Sie die E-Mail-Adresse oder bitten Sie die einladende Person um einen neuen Link.',
  'profile.title': 'Profileinstellungen',
  'profile.name': 'Name',
  'profile.institution': 'Einrichtung',
  'profile.country': 'Land',
  'profile.languages': 'Sprachen, in denen Sie schreiben',
  'profile.timeZone': 'Zeitzone',
  'profile.noTimeZone': 'Keine Angabe',
  'profile.removeLanguage': '{{language}} entfernen',
  'profile.remove': 'Entfernen',
  'profile.chooseLanguage': 'Sprache wählen…',
  'profile.addLanguage': 'Sprache hinzufügen',
  'profile.noCountry': 'Keine Angabe',
  'profile.uiLanguage': 'Sprache der Oberfläche',
  'profile.password': 'Passwort (mindestens 8 Zeichen)',
  'profile.save': 'Speichern',
  'profile.saved': 'Ihr Profil wurde gespeichert.',
  'password.title': 'Passwort',
  'password.current': 'Aktuelles Passwort',
  'password.new': 'Neues Passwort (mindestens 8 Zeichen)',
  'password.repeat': 'Neues Passwort wiederholen',
  'password.submit': 'Passwort ändern',
  'password.changed': 'Ihr Passwort wurde geändert. Ihre anderen Sitzungen wurden abgemeldet.',
  'password.mismatch':
    'Die beiden neuen Passwörter unterscheiden sich. Geben Sie zweimal dasselbe ein.',
  'password.wrongCurrent': 'Das aktuelle Passwort ist falsch.',
  'password.rules': 'Ein Passwort braucht mindestens 8 Zeichen.',
  'sessions.title': 'Wo Sie angemeldet sind',
  'sessions.hint': 'Melden Sie ein Gerät ab, das Sie nicht mehr nutzen oder nicht kennen.',
  'sessions.device': '{{browser}} unter {{system}}',
  'sessions.unknownDevice': 'Unbekanntes Gerät',
  'sessions.since': 'angemeldet {{time}}',
  'sessions.current': 'Dieses Gerät',
  'sessions.revoke': 'Abmelden',
  'sessions.revokeOne': '{{device}} abmelden',
  'sessions.revoked': '{{device}} wurde abgemeldet.',
}
