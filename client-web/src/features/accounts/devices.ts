// A login session's User-Agent as people recognise it ("Firefox on Windows"), not the
// raw header. Order matters: Edge and Opera also say "Chrome", Chrome also says
// "Safari", Android also says "Linux".

const BROWSERS: [RegExp, string][] = [
  [/Edg(e|A|iOS)?\//, 'Edge'],
  [/OPR\/|Opera/, 'Opera'],
  [/Firefox\/|FxiOS\//, 'Firefox'],
  [/Chrom(e|ium)\/|CriOS\//, 'Chrome'],
  [/Safari\//, 'Safari'],
]

const SYSTEMS: [RegExp, string][] = [
  [/Android/, 'Android'],
  [/iPhone|iPad|iPod/, 'iOS'],
  [/Windows/, 'Windows'],
  [/Mac OS X|Macintosh/, 'macOS'],
  [/CrOS/, 'ChromeOS'],
  [/Linux/, 'Linux'],
]

function first(table: [RegExp, string][], ua: string): string {
  return table.find(([re]) => re.test(ua))?.[1] ?? ''
}

/** Browser and system of a User-Agent; empty strings for what is not recognised. */
export function deviceOf(ua: string): { browser: string; system: string } {
  return { browser: first(BROWSERS, ua), system: first(SYSTEMS, ua) }
}
