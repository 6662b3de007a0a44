/**
 * Word tables of the quantity grammar: number words, ordinals used as fraction
 * denominators, scale abbreviations, hedges, bounds, currencies and the words that mark
 * a number as something other than a count (labels, months, times).
 *
 * Every key is lower case unless a table says it is case-sensitive.
 */
import { MONTH_FORMS } from '../tokens/calendar.ts'

/** Category of a spelled number word, as the spelled-number parser sees it. */
export type WordCat =
  | 'unit' | 'teen' | 'tens' | 'hundred' | 'scale' | 'dozen' | 'ord' | 'a' | 'and' | 'point'

/** How an ordinal combines when it is a fraction denominator ("three twenty-fifths"). */
export type OrdCat = 'unitOrd' | 'teenOrd' | 'tensOrd' | 'hundredOrd' | 'scaleOrd' | 'half'

/** One entry of the number-word table. */
export interface NumberWord {
  readonly cat: WordCat
  readonly value: number
  /** For ordinals: how the ordinal combines, and whether the word is plural ("fifths"). */
  readonly ord?: OrdCat
  readonly isPlural?: boolean
}

const UNITS = ['zero', 'one', 'two', 'three', 'four', 'five', 'six', 'seven', 'eight', 'nine']
const TEENS = ['ten', 'eleven', 'twelve', 'thirteen', 'fourteen', 'fifteen', 'sixteen',
  'seventeen', 'eighteen', 'nineteen']
const TENS = ['twenty', 'thirty', 'forty', 'fifty', 'sixty', 'seventy', 'eighty', 'ninety']
const UNIT_ORDS = ['first', '', 'third', 'fourth', 'fifth', 'sixth', 'seventh', 'eighth', 'ninth']
const TEEN_ORDS = ['tenth', 'eleventh', 'twelfth', 'thirteenth', 'fourteenth', 'fifteenth',
  'sixteenth', 'seventeenth', 'eighteenth', 'nineteenth']
const TENS_ORDS = ['twentieth', 'thirtieth', 'fortieth', 'fiftieth', 'sixtieth', 'seventieth',
  'eightieth', 'ninetieth']

/** Scale words and their values; lakh and crore are the Indian scale words. */
export const SCALE_WORDS: ReadonlyMap<string, number> = new Map([
  ['thousand', 1e3], ['million', 1e6], ['billion', 1e9], ['trillion', 1e12],
  ['lakh', 1e5], ['lakhs', 1e5], ['crore', 1e7], ['crores', 1e7],
  // Plurals after a number, as translated and non-native text writes them ("10 thousands
  // of houses"). Alone, "thousands" is a vague amount; the grammar reads that first.
  ['thousands', 1e3], ['millions', 1e6], ['billions', 1e9], ['trillions', 1e12],
])

function buildNumberWords(): Map<string, NumberWord> {
  const m = new Map<string, NumberWord>()
  UNITS.forEach((w, i) => m.set(w, { cat: 'unit', value: i }))
  m.set('nought', { cat: 'unit', value: 0 })
  m.set('naught', { cat: 'unit', value: 0 })
  TEENS.forEach((w, i) => m.set(w, { cat: 'teen', value: 10 + i }))
  TENS.forEach((w, i) => m.set(w, { cat: 'tens', value: 20 + 10 * i }))
  m.set('hundred', { cat: 'hundred', value: 100 })
  m.set('hundreds', { cat: 'hundred', value: 100 })
  for (const [w, v] of SCALE_WORDS) m.set(w, { cat: 'scale', value: v })
  for (const w of ['dozen', 'dozens']) m.set(w, { cat: 'dozen', value: 12 })
  const addOrd = (w: string, value: number, ord: OrdCat) => {
    m.set(w, { cat: 'ord', value, ord, isPlural: false })
    m.set(w + 's', { cat: 'ord', value, ord, isPlural: true })
  }
  // "second" is left out on purpose: "one second" is a time span, never a half.
  UNIT_ORDS.forEach((w, i) => { if (w) addOrd(w, i + 1, 'unitOrd') })
  TEEN_ORDS.forEach((w, i) => addOrd(w, 10 + i, 'teenOrd'))
  TENS_ORDS.forEach((w, i) => addOrd(w, 20 + 10 * i, 'tensOrd'))
  addOrd('hundredth', 100, 'hundredOrd')
  addOrd('thousandth', 1e3, 'scaleOrd')
  addOrd('millionth', 1e6, 'scaleOrd')
  addOrd('billionth', 1e9, 'scaleOrd')
  addOrd('trillionth', 1e12, 'scaleOrd')
  m.set('half', { cat: 'ord', value: 2, ord: 'half', isPlural: false })
  m.set('halves', { cat: 'ord', value: 2, ord: 'half', isPlural: true })
  m.set('quarter', { cat: 'ord', value: 4, ord: 'half', isPlural: false })
  m.set('quarters', { cat: 'ord', value: 4, ord: 'half', isPlural: true })
  m.set('a', { cat: 'a', value: 1 })
  m.set('an', { cat: 'a', value: 1 })
  m.set('and', { cat: 'and', value: 0 })
  m.set('point', { cat: 'point', value: 0 })
  return m
}

/** Number words, ordinals used as denominators, "a", "and" and "point". */
export const NUMBER_WORDS: ReadonlyMap<string, NumberWord> = buildNumberWords()

/** Abbreviations of "dozen" that count only right after a number ("3 dzs"). */
export const DOZEN_ABBREVIATIONS: ReadonlySet<string> = new Set(['dz', 'dzs', 'doz', 'dozs'])

/**
 * Scale abbreviations written right after digits ("10k", "$1.2bn", "10M"). Case-sensitive:
 * "1mm" is a millimetre and "10g" ten grams, while "1MM" is a million and "10G" ten giga.
 * A lower-case "m" is a million only after a currency ("£3m"), otherwise a metre.
 */
export const ATTACHED_SCALES: ReadonlyMap<string, number> = new Map([
  ['k', 1e3], ['K', 1e3], ['M', 1e6], ['MM', 1e6], ['mn', 1e6], ['Mn', 1e6], ['mln', 1e6],
  ['mil', 1e6], ['bn', 1e9], ['Bn', 1e9], ['BN', 1e9], ['b', 1e9], ['B', 1e9],
  ['bln', 1e9], ['G', 1e9], ['tn', 1e12], ['Tn', 1e12], ['tln', 1e12], ['trn', 1e12],
])

/** Scale abbreviations that may also stand after a space ("2.33 k", "1,674,200.5 M"). */
export const SPACED_SCALES: ReadonlyMap<string, number> = new Map([
  ['k', 1e3], ['K', 1e3], ['M', 1e6], ['mn', 1e6], ['mln', 1e6], ['bn', 1e9],
  ['bln', 1e9], ['G', 1e9], ['tn', 1e12], ['tln', 1e12],
])

/** A modifier phrase before a number: a hedge, a bound, or both ("just over"). */
export interface Modifier {
  readonly words: readonly string[]
  readonly isApprox: boolean
  readonly bound: 'at_least' | 'at_most' | null
}

const MODIFIER_LIST: readonly Modifier[] = [
  ...['about', 'around', 'nearly', 'almost', 'some', 'roughly', 'approximately', 'approx',
    'estimated', 'circa'].map((w) => ({ words: [w], isApprox: true, bound: null })),
  { words: ['an', 'estimated'], isApprox: true, bound: null },
  { words: ['an', 'approximate'], isApprox: true, bound: null },
  { words: ['close', 'to'], isApprox: true, bound: null },
  { words: ['more', 'or', 'less'], isApprox: true, bound: null },
  ...[['more', 'than'], ['over'], ['at', 'least'], ['exceeds'], ['exceeding'], ['exceeded'],
    ['exceed'], ['upwards', 'of'], ['in', 'excess', 'of'], ['greater', 'than'], ['above'],
    ['no', 'fewer', 'than'], ['no', 'less', 'than'], ['not', 'less', 'than'],
    ['a', 'minimum', 'of'], ['well', 'over'], ['well', 'above'], ['upward', 'of']]
    .map((words) => ({ words, isApprox: false, bound: 'at_least' as const })),
  ...[['up', 'to'], ['as', 'many', 'as'], ['as', 'much', 'as'], ['fewer', 'than'],
    ['less', 'than'], ['no', 'more', 'than'], ['not', 'more', 'than'], ['at', 'most'],
    ['under'], ['below'], ['a', 'maximum', 'of'], ['well', 'under'], ['well', 'below']]
    .map((words) => ({ words, isApprox: false, bound: 'at_most' as const })),
  { words: ['just', 'over'], isApprox: true, bound: 'at_least' },
  { words: ['just', 'above'], isApprox: true, bound: 'at_least' },
  { words: ['slightly', 'more', 'than'], isApprox: true, bound: 'at_least' },
  { words: ['just', 'under'], isApprox: true, bound: 'at_most' },
  { words: ['just', 'below'], isApprox: true, bound: 'at_most' },
  { words: ['slightly', 'less', 'than'], isApprox: true, bound: 'at_most' },
]

/** Modifiers by their first word, longest first, so matching tries "an estimated" before "an". */
export const MODIFIERS: ReadonlyMap<string, readonly Modifier[]> = (() => {
  const m = new Map<string, Modifier[]>()
  for (const mod of MODIFIER_LIST) {
    const list = m.get(mod.words[0]) ?? []
    if (!list.some((x) => x.words.join(' ') === mod.words.join(' '))) list.push(mod)
    m.set(mod.words[0], list)
  }
  for (const list of m.values()) list.sort((a, b) => b.words.length - a.words.length)
  return m
})()

/** Currency symbols written before the number. */
export const CURRENCY_SYMBOLS: ReadonlyMap<string, string> = new Map([
  ['$', 'USD'], ['£', 'GBP'], ['€', 'EUR'], ['¥', 'JPY'], ['₩', 'KRW'], ['₽', 'RUB'],
  ['₹', 'INR'], ['₴', 'UAH'],
])

/** Letters glued before "$" that name which dollar ("US$", "HK$"). Case-sensitive. */
export const DOLLAR_PREFIXES: ReadonlyMap<string, string> = new Map([
  ['US', 'USD'], ['A', 'AUD'], ['AU', 'AUD'], ['C', 'CAD'], ['CA', 'CAD'], ['HK', 'HKD'],
  ['NZ', 'NZD'], ['S', 'SGD'],
])

/** ISO codes, before or after the number ("USD 5", "2mil SEK"). Case-sensitive. */
export const CURRENCY_CODES: ReadonlySet<string> = new Set([
  'USD', 'EUR', 'GBP', 'KRW', 'KPW', 'RUB', 'JPY', 'CNY', 'RMB', 'INR', 'UAH', 'SEK', 'CHF',
  'AUD', 'CAD', 'HKD', 'NOK', 'DKK', 'PLN',
])

/** Abbreviated currency names before the number ("Rs 1.1 trillion", "Rs17.6 trillion"). Case-sensitive. */
export const CURRENCY_ABBREVIATIONS: ReadonlyMap<string, string> = new Map([['Rs', 'INR']])

/** Currency names after the number ("500 million won"). */
export const CURRENCY_WORDS: ReadonlyMap<string, string> = new Map([
  ['dollars', 'USD'], ['dollar', 'USD'], ['euros', 'EUR'], ['euro', 'EUR'],
  ['pounds', 'GBP'], ['yen', 'JPY'], ['yuan', 'CNY'], ['renminbi', 'CNY'], ['won', 'KRW'],
  ['rubles', 'RUB'], ['roubles', 'RUB'], ['ruble', 'RUB'], ['rouble', 'RUB'],
  ['rupees', 'INR'], ['hryvnias', 'UAH'], ['hryvnia', 'UAH'],
  // one country's currency each (not "pesos", "dinars", "francs" or "shillings", which are
  // several countries')
  ['naira', 'NGN'], ['cedis', 'GHS'], ['cedi', 'GHS'], ['birr', 'ETB'], ['rupiah', 'IDR'],
  ['ringgit', 'MYR'], ['baht', 'THB'], ['taka', 'BDT'], ['lira', 'TRY'], ['liras', 'TRY'],
  ['dirhams', 'AED'], ['zlotys', 'PLN'], ['zloty', 'PLN'], ['forints', 'HUF'], ['forint', 'HUF'],
  ['shekels', 'ILS'], ['shekel', 'ILS'], ['tenge', 'KZT'], ['lari', 'GEL'], ['afghanis', 'AFN'],
  ['rials', 'IRR'], ['riyals', 'SAR'], ['kyat', 'MMK'], ['hryvnya', 'UAH'], ['rand', 'ZAR'],
  ['soles', 'PEN'], ['bolivianos', 'BOB'], ['quetzales', 'GTQ'], ['guaranies', 'PYG'],
])

/** Words after which a number is a label, not a count ("Article 4", "Resolution 2397"). */
export const LABEL_WORDS: ReadonlySet<string> = new Set([
  'article', 'articles', 'section', 'sections', 'chapter', 'resolution', 'clause',
  'paragraph', 'amendment', 'room', 'flight', 'route', 'highway', 'interstate',
  'page', 'pages', 'pp', 'vol', 'volume', 'table', 'figure', 'fig', 'platform', 'gate',
  'precinct', 'apt', 'suite', 'category', 'version', 'episode', 'season', 'phase', 'exit',
  'item', 'id', 'part', 'channel',
])

/**
 * Labels that count only when capitalized: "Unit 731" names a unit, while "a unit 3,000
 * strong" counts soldiers. Keys are lower case; the caller checks the capital.
 */
export const CAPITALIZED_LABELS: ReadonlySet<string> = new Set([
  'unit', 'division', 'brigade', 'regiment', 'battalion', 'squadron', 'fleet', 'corps',
  'army', 'game', 'week', 'level', 'grade', 'channel', 'district', 'block', 'building',
  'model', 'type', 'class', 'mark', 'mk', 'act', 'title', 'bill', 'proposition', 'prop',
  'measure', 'row', 'seat', 'box', 'camp', 'hill', 'sector', 'zone', 'lot', 'line', 'number',
  'boeing', 'airbus', 'issue', 'rule', 'lane', 'pier', 'ward', 'stage', 'day', 'air', 'force',
  'school', 'round', 'fortune', 'station', 'road', 'street', 'avenue', 'no', 'nos', 'fox',
  'cbs', 'nbc', 'abc', 'wnbc', 'pbs', 'formula', 'bowl',
])

/** Street words: "1600 Pennsylvania Avenue", "115 Spring St." make the number an address. */
export const STREET_WORDS: ReadonlySet<string> = new Set([
  'avenue', 'ave', 'street', 'st', 'road', 'rd', 'boulevard', 'blvd', 'lane', 'drive', 'place',
  'plaza', 'way', 'square', 'parkway', 'court', 'terrace', 'highway',
])

/** Month names and abbreviations; a number beside one is a day or a year. */
export const MONTHS: ReadonlySet<string> = new Set(MONTH_FORMS)

/**
 * Units of measure after a number ("1,200 tonnes", "400 square kilometres"): part of the
 * quantity, as its unit. Two-word units are keyed by their first word and list the second.
 */
export const MEASURE_UNITS: ReadonlyMap<string, string> = new Map([
  ['tonnes', 't'], ['tons', 't'], ['tonne', 't'], ['ton', 't'], ['kilometres', 'km'],
  ['kilometers', 'km'], ['km', 'km'], ['miles', 'mi'], ['hectares', 'ha'], ['acres', 'acre'],
  ['kilograms', 'kg'], ['kg', 'kg'], ['litres', 'l'], ['liters', 'l'], ['barrels', 'bbl'],
  ['metres', 'm'], ['meters', 'm'], ['centimetres', 'cm'], ['centimeters', 'cm'], ['cm', 'cm'],
  ['gigawatts', 'GW'], ['gigawatt', 'GW'], ['megawatts', 'MW'], ['megawatt', 'MW'], ['kilowatts', 'kW'],
  ['kilowatt', 'kW'], ['gw', 'GW'], ['mw', 'MW'], ['twh', 'TWh'], ['gwh', 'GWh'], ['mwh', 'MWh'],
])

/** "square kilometres", "metric tons": the second word and the unit. */
export const MEASURE_UNIT_PAIRS: ReadonlyMap<string, ReadonlyMap<string, string>> = new Map([
  ['square', new Map([['kilometres', 'km2'], ['kilometers', 'km2'], ['km', 'km2'], ['miles', 'mi2'],
    ['metres', 'm2'], ['meters', 'm2']])],
  ['metric', new Map([['tons', 't'], ['tonnes', 't']])],
  ['cubic', new Map([['metres', 'm3'], ['meters', 'm3']])],
])

/** Words before a bare "double" that make it a verb ("could double"). */
export const MODAL_WORDS: ReadonlySet<string> = new Set([
  'could', 'would', 'will', 'may', 'might', 'to', 'can', 'should', 'must', 'll', 'expected',
])

/** Words after a number that make it a clock time. */
export const TIME_WORDS: ReadonlySet<string> = new Set([
  'am', 'pm', "o'clock", 'gmt', 'utc', 'hrs', 'est', 'edt', 'pst', 'pdt', 'bst', 'cet', 'kst',
])

/** Comparatives after "N times" that make it a multiplier ("three times more"). */
export const MULTIPLIER_FOLLOWERS: ReadonlySet<string> = new Set([
  'more', 'less', 'as', 'the', 'that', 'what', 'larger', 'bigger', 'higher', 'greater',
  'fewer', 'smaller', 'lower', 'faster', 'stronger', 'over', 'its', 'their', 'his', 'her',
  // "increased 1.5 times compared with the previous month", "grew 2 times than last year" (in
  // translation), "3 times against the same period"
  'compared', 'than', 'against',
])

/** Verbs and adverbs that state a multiplier on their own. */
export const MULTIPLIER_WORDS: ReadonlyMap<string, number> = new Map([
  ['doubled', 2], ['doubling', 2], ['tripled', 3], ['tripling', 3], ['trebled', 3],
  ['trebling', 3], ['quadrupled', 4], ['quadrupling', 4], ['quintupled', 5], ['halved', 0.5],
  ['halving', 0.5], ['twofold', 2], ['threefold', 3], ['fourfold', 4], ['fivefold', 5],
  ['sixfold', 6], ['sevenfold', 7], ['eightfold', 8], ['ninefold', 9], ['tenfold', 10],
  ['hundredfold', 100], ['thousandfold', 1000],
])

/** "double the number": these multiply only when a determiner or comparison follows. */
export const MULTIPLIER_ADJECTIVES: ReadonlyMap<string, number> = new Map([
  ['double', 2], ['triple', 3], ['treble', 3], ['quadruple', 4], ['twice', 2], ['thrice', 3],
])

/** Words before "one" that make it a pronoun ("the one", "no one", "this one"). */
export const ONE_PRONOUN_BEFORE: ReadonlySet<string> = new Set([
  'the', 'this', 'that', 'which', 'any', 'every', 'each', 'no', 'another', 'only', 'other',
  'last', 'next', 'new', 'old', 'right', 'wrong', 'little', 'big', 'good', 'bad', 'same',
  'such', 'a', 'an', 'first', 'latest', 'loved', 'chosen', 'someone', 'everyone',
])

/** Words after "one" that make it a pronoun or an idiom ("one of", "one day"). */
export const ONE_PRONOUN_AFTER: ReadonlySet<string> = new Set([
  'of', 'another', 'day', 'by', 'thing', 'way', 'who', 'that', 'which', 'must', 'can',
  'could', 'should', 'would', 'might', 'may', 'will', 'does', 'did',
])
