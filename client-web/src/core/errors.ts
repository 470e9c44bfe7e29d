import { ApiError } from './api'
import { t } from './i18n'

/** A translated sentence for a failed API call. */
export function errorText(e: unknown): string {
  if (e instanceof ApiError) {
    switch (e.code) {
      case 'bad_credentials':
        return t('error.badCredentials')
      case 'rate_limited':
        return t('error.rateLimited', { seconds: e.retryAfter ?? 5 })
      case 'forbidden':
        return t('error.forbidden')
      case 'conflict':
        return t('error.conflict')
      case 'bad_field':
        return t('error.badField', { field: e.message })
      default:
        return t('error.generic', { message: e.message })
    }
  }
  return t('error.generic', { message: e instanceof Error ? e.message : String(e) })
}
