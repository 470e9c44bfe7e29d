import { t } from '../../core/i18n'

/** Why the server refused a change of a room or its members, in the reader's language. */
export function refusal(code: string): string {
  switch (code) {
    case 'forbidden':
      return t('members.refusedForbidden')
    case 'not_found':
      return t('members.refusedGone')
    case 'too_many_rooms':
    case 'limit_reached':
      return t('members.refusedLimit')
    case 'rate_limited':
      return t('members.refusedRate')
    case 'conflict':
      return t('roomSettings.refusedConflict')
    case 'offline':
      return t('error.offline')
    default:
      return code
  }
}
