// Each feature's catalogues, registered with core's i18n: a new feature adds its line.
import { catalogues as accounts } from '../features/accounts/locales'
import { catalogues as admin } from '../features/admin/locales'
import { catalogues as rooms } from '../features/rooms/locales'

export const FEATURE_CATALOGUES = [accounts, admin, rooms]
