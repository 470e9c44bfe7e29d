// What the profile pickers offer: ISO 3166-1 countries, BCP 47 languages and IANA time
// zones, named in the reader's language (Intl.DisplayNames), so that nobody has to type a
// code and free text cannot get in.

/** ISO 3166-1 alpha-2, all 249 assigned codes. */
const COUNTRIES =
  'AD AE AF AG AI AL AM AO AQ AR AS AT AU AW AX AZ BA BB BD BE BF BG BH BI BJ BL BM BN BO BQ BR ' +
  'BS BT BV BW BY BZ CA CC CD CF CG CH CI CK CL CM CN CO CR CU CV CW CX CY CZ DE DJ DK DM DO DZ ' +
  'EC EE EG EH ER ES ET FI FJ FK FM FO FR GA GB GD GE GF GG GH GI GL GM GN GP GQ GR GS GT GU GW ' +
  'GY HK HM HN HR HT HU ID IE IL IM IN IO IQ IR IS IT JE JM JO JP KE KG KH KI KM KN KP KR KW KY ' +
  'KZ LA LB LC LI LK LR LS LT LU LV LY MA MC MD ME MF MG MH MK ML MM MN MO MP MQ MR MS MT MU MV ' +
  'MW MX MY MZ NA NC NE NF NG NI NL NO NP NR NU NZ OM PA PE PF PG PH PK PL PM PN PR PS PT PW PY ' +
  'QA RE RO RS RU RW SA SB SC SD SE SG SH SI SJ SK SL SM SN SO SR SS ST SV SX SY SZ TC TD TF TG ' +
  'TH TJ TK TL TM TN TO TR TT TV TW TZ UA UG UM US UY UZ VA VC VE VG VI VN VU WF WS YE YT ZA ZM ' +
  'ZW'

/** The languages offered: Europe's, and those most spoken by learners and staff in VET. */
const LANGUAGES =
  'ar bg bs ca cs cy da de el en es et eu fa fi fr ga gl he hi hr hu hy is it ja ka ko lb lt ' +
  'lv mk mt nb nl nn pl pt ro ru se sk sl so sq sr sv sw ti tr uk ur vi zh'

export interface Choice {
  code: string
  name: string
}

function named(codes: string[], type: 'region' | 'language', uiLang: string): Choice[] {
  let names: Intl.DisplayNames | null = null
  try {
    names = new Intl.DisplayNames([uiLang, 'en'], { type })
  } catch {
    names = null
  }
  return codes
    .map((code) => ({ code, name: names?.of(code) ?? code }))
    .sort((a, b) => a.name.localeCompare(b.name, uiLang))
}

export function countries(uiLang: string): Choice[] {
  return named(COUNTRIES.split(' '), 'region', uiLang)
}

/** The offered languages, plus any the user already has (kept, never lost). */
export function languages(uiLang: string, keep: string[] = []): Choice[] {
  return named([...new Set([...LANGUAGES.split(' '), ...keep])], 'language', uiLang)
}

/** IANA time zones the browser knows, plus the user's own. */
export function timeZones(keep = ''): string[] {
  let zones: string[] = []
  try {
    zones =
      (Intl as { supportedValuesOf?: (k: string) => string[] }).supportedValuesOf?.('timeZone') ??
      []
  } catch {
    zones = []
  }
  const all = new Set([...zones, 'UTC', ...(keep ? [keep] : [])])
  return [...all].sort()
}

export function isCountry(code: string): boolean {
  return COUNTRIES.split(' ').includes(code)
}
