import * as chrono from 'chrono-node'
import { posId, type Doc, type TokenColumns } from '../../model/doc.ts'
import type { Sentence, TimeExpression } from '../../model/types.ts'
import { defineStage, type Stage } from '../../pipeline/stage.ts'
import { capitalised, MONTH_CUTS, MONTH_FORMS, MONTH_NAMES, monthNumber, PERIOD_COUNT_WORDS, WEEKDAY_NAMES } from '../tokens/calendar.ts'
import { CLAUSE_BREAKS, isFutureBefore, isPastClause } from '../tokens/tense.ts'

const VERB = posId('VERB')
const AUX = posId('AUX')

/** A calendar date without time of day; months are 1-based. */
interface Day {
  readonly year: number
  readonly month: number
  readonly day: number
}

function pad(n: number): string {
  return String(n).padStart(2, '0')
}

function iso(d: Day, granularity: 'year' | 'month' | 'day'): string {
  if (granularity === 'year') return String(d.year)
  if (granularity === 'month') return `${d.year}-${pad(d.month)}`
  return `${d.year}-${pad(d.month)}-${pad(d.day)}`
}

function parseDay(isoDate: string | null): Day | null {
  if (isoDate === null) return null
  const m = /^(\d{4})-(\d{2})-(\d{2})/.exec(isoDate)
  return m === null ? null : { year: +m[1], month: +m[2], day: +m[3] }
}

function addDays(d: Day, n: number): Day {
  const t = new Date(Date.UTC(d.year, d.month - 1, d.day + n))
  return { year: t.getUTCFullYear(), month: t.getUTCMonth() + 1, day: t.getUTCDate() }
}

function previousMonth(d: { year: number; month: number }): { year: number; month: number } {
  return d.month === 1 ? { year: d.year - 1, month: 12 } : { year: d.year, month: d.month - 1 }
}

function daysInMonth(d: { year: number; month: number }): number {
  return new Date(Date.UTC(d.year, d.month, 0)).getUTCDate()
}

function weekday(d: Day): number {
  return new Date(Date.UTC(d.year, d.month - 1, d.day)).getUTCDay()
}

/** The `month` nearest the reference month, ahead or back. */
function nearestMonth(month: number, ref: Day): string {
  const back = resolveMonth(month, ref, false)
  const ahead = resolveMonth(month, ref, true)
  const gap = (v: string) => Math.abs((+v.slice(0, 4) - ref.year) * 12 + (+v.slice(5) - ref.month))
  return gap(ahead) < gap(back) ? ahead : back
}

/** The most recent `month` not after the reference month, or the next one not before it. */
function resolveMonth(month: number, ref: Day, isFuture: boolean): string {
  let year = ref.year
  if (isFuture ? month < ref.month : month > ref.month) year += isFuture ? 1 : -1
  return `${year}-${pad(month)}`
}

// Northern-hemisphere seasons; a season named with a year is that year, "last summer" is the
// last one that ended before the reference date.
const SEASONS: Record<string, { readonly from: number; readonly to: number }> = {
  spring: { from: 3, to: 5 }, summer: { from: 6, to: 8 }, fall: { from: 9, to: 11 },
  autumn: { from: 9, to: 11 }, winter: { from: 12, to: 2 },
}

interface Found extends TimeExpression {
  /** Own rules win over chrono-node where both found something. */
  readonly isRule: boolean
}

/**
 * One rule: a regular expression over a sentence (bounded, no nested quantifiers, so no
 * backtracking blow-up) and how to resolve a match; `null` when it cannot be resolved,
 * e.g. a relative expression in a document with no publication date.
 */
interface Rule {
  /**
   * A cheap test a sentence must pass before the pattern runs: most sentences hold no
   * time word, and the patterns (alternations, a lookbehind) cost far more than a scan.
   */
  readonly trigger: RegExp
  readonly pattern: RegExp
  readonly resolve: (m: RegExpExecArray, ref: Day | null, isPast: () => boolean) => string | null
}

/**
 * Whether the time at UTF-16 offsets [start, end) of the document stands in a clause of a past
 * tense (`isPastClause`): a deadline there ("By August, the country had sent ...") is one that
 * has passed. `() => false` where no tokens are at hand.
 */
export type PastClauseReader = (start: number, end: number) => boolean

// "by", "until", "till" before a time: a deadline, ahead of publication unless its clause is past
const DEADLINE_LEAD = /^(?:by|until|till)$/i
const DEADLINE_BEFORE = /\b(?:by|until|till)\s+$/i

// "January" ... "December", then the cuts with or without a full stop ("Jan.", "Sept", "Sep.")
const MONTH_WORD = `(${[
  ...MONTH_NAMES.map(capitalised),
  ...MONTH_CUTS.filter((w) => w !== 'may').map((w) => `${w === 'sep' ? 'Sept?' : capitalised(w)}\\.?`),
].join('|')})`
const WEEKDAY_WORD = `(${WEEKDAY_NAMES.map(capitalised).join('|')})`
const YEAR = '((?:19|20)\\d{2})'
const SEASON = '(spring|summer|fall|autumn|winter)'
// "the end of", "the first half of", "the first three months of"
const PART_OF = '(?:the\\s+(?:end|beginning|start|middle|rest|remainder|first\\s+half|second\\s+half|(?:first|second|third|fourth|last|final)\\s+quarter|first\\s+(?:few|two|three|four|five|six|seven|eight|nine|ten|\\d{1,2})\\s+(?:months|weeks))\\s+of)'

const HAS_DIGIT = /\d/
const HAS_SEASON = /spring|summer|fall|autumn|winter/i
const HAS_SEASON_AND_DIGIT = /(?:spring|summer|fall|autumn|winter)\D{0,8}\d/i
const HAS_YEAR_WORD = /year/i
const HAS_MONTH_WORD = /month/i
const HAS_WEEK_WORD = /week/i
const HAS_MONTH_NAME = new RegExp(MONTH_CUTS.join('|'), 'i')
const HAS_WEEKDAY = /day/
const HAS_ORDINAL = /\d(?:st|nd|rd|th)\b/i
const HAS_PAST_WORD = /\b(?:past|last|previous)\s/i
// "by the end of", "until the start of": a word before "the end of" a month that points ahead
const AHEAD_BEFORE = /\b(?:by|until|till|before)\s+$/i
// "is scheduled to begin on", "are due to arrive on", "is set to open on": a schedule in the
// present tense a few words before, in the clause
const SCHEDULED_BEFORE = /\b(?:is|are|'s|'re)\s+(?:scheduled|due|set|planned|expected)\s+to\s+(?:\S*[^\s,;:.!?"“”]\s+){1,4}$/u

// "two weeks", "10 days", "three months": a period's count (captured) and unit (captured)
const PERIOD = `(\\d{1,2}|${PERIOD_COUNT_WORDS.join('|')})\\s+(days|weeks|months)\\b`

/**
 * The period of `count` ("two", "10") `unit`s ("weeks") that ends at publication (`sign` -1) or
 * begins there (1), as the month that holds it whole, else its year; null when it reaches into
 * another year. A month counts 30 days.
 */
function periodFromPublication(ref: Day, count: string, unit: string, sign: 1 | -1): string | null {
  const n = /\d/.test(count) ? Number(count) : PERIOD_COUNT_WORDS.indexOf(count.toLowerCase()) + 2
  const u = unit.toLowerCase()
  const other = addDays(ref, sign * n * (u === 'days' ? 1 : u === 'weeks' ? 7 : 30))
  if (other.year !== ref.year) return null
  return other.month === ref.month ? iso(ref, 'month') : String(ref.year)
}

const RULES: readonly Rule[] = [
  // "the fall of 2024", "autumn 2024", "winter of 2023-24" (the year named first)
  {
    trigger: HAS_SEASON_AND_DIGIT,
    pattern: new RegExp(`\\b(?:the\\s+)?${SEASON}\\s+(?:of\\s+)?${YEAR}\\b`, 'gi'),
    resolve: (m) => m[2],
  },
  // "this spring", "last summer", "next winter"
  {
    trigger: HAS_SEASON,
    pattern: new RegExp(`\\b(this|last|next|past)\\s+${SEASON}\\b`, 'gi'),
    resolve: (m, ref) => {
      if (ref === null) return null
      const which = m[1].toLowerCase()
      const season = SEASONS[m[2].toLowerCase()]
      if (which === 'this') return String(ref.year)
      if (which === 'next') return String(season.from > ref.month ? ref.year : ref.year + 1)
      // The last such season that has ended before the reference month.
      const endYear = season.to < season.from ? 1 : 0
      let year = ref.year
      while (new Date(Date.UTC(year + endYear, season.to, 0)) >= new Date(Date.UTC(ref.year, ref.month - 1, 1))) year--
      return String(year)
    },
  },
  // "late 2024", "early 2025", "mid-2025", "the end of 2024"
  {
    trigger: HAS_DIGIT,
    pattern: new RegExp(`\\b(?:(?:late|early|mid|the\\s+(?:end|beginning|start|middle|first\\s+half|second\\s+half)\\s+of)[\\s-]+)${YEAR}\\b`, 'gi'),
    resolve: (m) => m[1],
  },
  // "late last year", "earlier this year", "next year", "the end of the year", "the first
  // three months of the year": the year that holds the whole period
  {
    trigger: HAS_YEAR_WORD,
    pattern: new RegExp(`\\b(?:(?:late|early|earlier|later|mid)[\\s-]+|${PART_OF}\\s+)?(this|last|next|past|the)\\s+(?:(?:whole|full|entire)\\s+)?year\\b`, 'gi'),
    resolve: (m, ref) => {
      if (ref === null) return null
      const which = m[1].toLowerCase()
      // "the year" alone is too loose ("the year before"); "the end of the year" and "the whole
      // year" are this one
      if (which === 'the' && !/\bof\s+the\s+year$/i.test(m[0]) && !/\b(?:whole|full|entire)\s+year$/i.test(m[0])) return null
      const year = ref.year + (which === 'last' || which === 'past' ? -1 : which === 'next' ? 1 : 0)
      // "since the start of the year": its first month, as "the start of the month" is that month
      return /^the\s+(?:start|beginning)\s+of/i.test(m[0]) ? `${year}-01` : String(year)
    },
  },
  // "this month", "last month", "next month"
  {
    trigger: HAS_MONTH_WORD,
    pattern: new RegExp(`\\b(?:(?:late|early|earlier|later|mid)[\\s-]+|${PART_OF}\\s+)?(this|last|next|past|the)\\s+month\\b`, 'gi'),
    resolve: (m, ref) => {
      if (ref === null) return null
      const which = m[1].toLowerCase()
      if (which === 'the' && !/\bof\s+the\s+month$/i.test(m[0])) return null
      // "the past month" is the 30 days before publication: one month only when they fit in it
      if (which === 'past') return addDays(ref, -30).month === ref.month ? iso(ref, 'month') : String(ref.year)
      const shift = which === 'last' || which === 'past' ? -1 : which === 'next' ? 1 : 0
      const t = new Date(Date.UTC(ref.year, ref.month - 1 + shift, 1))
      return `${t.getUTCFullYear()}-${pad(t.getUTCMonth() + 1)}`
    },
  },
  // "last week", "the past week": the month that holds the whole week, or its year when the
  // week straddles two months (a week has no ISO date of the three forms we give)
  {
    trigger: HAS_WEEK_WORD,
    pattern: /\b(?:(?:late|early|earlier|later)\s+)?(this|last|next|past)\s+week\b/gi,
    resolve: (m, ref) => {
      if (ref === null) return null
      const which = m[1].toLowerCase()
      let first: Day
      if (which === 'past') {
        first = addDays(ref, -7)
      } else {
        const monday = addDays(ref, -((weekday(ref) + 6) % 7))
        first = addDays(monday, which === 'last' ? -7 : which === 'next' ? 7 : 0)
      }
      const last = which === 'past' ? ref : addDays(first, 6)
      if (first.year === last.year && first.month === last.month) return iso(first, 'month')
      return String(last.year)
    },
  },
  // "in the week to Sunday", "the week ending Friday": the seven days that end on the last
  // such day not after publication, as the month that holds them (else their year)
  {
    trigger: HAS_WEEK_WORD,
    pattern: new RegExp(`\\b(?:(?:in|over|during|for)\\s+)?(?:the\\s+)?week\\s+(?:to|ending|ended|through)\\s+${WEEKDAY_WORD}\\b`, 'gi'),
    resolve: (m, ref) => {
      if (ref === null) return null
      const last = addDays(ref, -((weekday(ref) - WEEKDAY_NAMES.indexOf(m[1].toLowerCase()) + 7) % 7))
      const first = addDays(last, -6)
      return first.year === last.year && first.month === last.month ? iso(last, 'month') : String(last.year)
    },
  },
  // "since the weekend", "over the weekend", "last weekend": the last Saturday and Sunday that
  // began by publication, as the month that holds them (else their year)
  {
    trigger: /weekend/i,
    pattern: /\b(?:since|over|at|during|on|(?:this|last|the\s+past))\s+(?:the\s+)?weekend\b/gi,
    resolve: (m, ref) => {
      if (ref === null) return null
      // "last weekend" read on a Sunday is the one before
      const back = (weekday(ref) - 6 + 7) % 7 + (/^last/i.test(m[0]) && weekday(ref) % 6 === 0 ? 7 : 0)
      const saturday = addDays(ref, -back)
      const sunday = addDays(saturday, 1)
      return saturday.month === sunday.month ? iso(saturday, 'month') : String(sunday.year)
    },
  },
  // "in the summer", "during the winter": the last such season that began by publication
  {
    trigger: HAS_SEASON,
    pattern: new RegExp(`\\b(?:in|during|over|through|since|by)\\s+the\\s+${SEASON}\\b(?!\\s+of)`, 'gi'),
    resolve: (m, ref) => {
      if (ref === null) return null
      const season = SEASONS[m[1].toLowerCase()]
      return String(season.from <= ref.month ? ref.year : ref.year - 1)
    },
  },
  // "a 2026 budget", "the 2024 election": a year that modifies a noun
  {
    trigger: HAS_DIGIT,
    pattern: new RegExp(`(?<=\\b(?:the|a|an|its|their|his|her|this)\\s)${YEAR}(?=\\s+[a-z])`, 'g'),
    resolve: (m) => m[1],
  },
  // "mid-January", "early March", "late December 2024"
  {
    trigger: HAS_MONTH_NAME,
    pattern: new RegExp(`\\b(?:mid|early|late|the\\s+(?:end|beginning|start|middle)\\s+of)[\\s-]+${MONTH_WORD}(?:\\s*,?\\s+${YEAR})?\\b`, 'gi'),
    resolve: (m, ref, isPast) => {
      const month = monthNumber(m[1])
      if (m[2] !== undefined) return `${m[2]}-${pad(month)}`
      if (ref === null) return null
      const before = m.input.slice(Math.max(0, m.index - 8), m.index)
      // ("About 650 residents were evacuated by the end of January", published in November: the last one)
      if (DEADLINE_BEFORE.test(before) && isPast()) return resolveMonth(month, ref, false)
      // "by the end of March" may look ahead ("will deliver ... by the end of March") or back
      // ("had fled ... by the end of June", published in July): the nearest such month
      if (AHEAD_BEFORE.test(before)) return nearestMonth(month, ref)
      // ("will arrive in late September": a modal of the future tense before points ahead)
      return resolveMonth(month, ref, isFutureBefore(m.input, m.index))
    },
  },
  // "the past two weeks", "the last 10 days", "the previous six months": the period that ends
  // at publication, as the month that holds it whole, else its year (none when it reaches
  // into the year before)
  {
    trigger: HAS_PAST_WORD,
    // ("the last two days of March", "the last three months of 2024": the month or year named)
    pattern: new RegExp(`\\b(?:the\\s+)?(?:past|last|previous)\\s+${PERIOD}(?:\\s+of\\s+(?:${MONTH_WORD}|${YEAR})\\b)?`, 'gi'),
    resolve: (m, ref) => {
      if (m[4] !== undefined) return m[4]
      if (ref === null) return null
      if (m[3] !== undefined) return resolveMonth(monthNumber(m[3]), ref, false)
      return periodFromPublication(ref, m[1], m[2], -1)
    },
  },
  // "over the next three months", "in the coming five days": the period that begins at
  // publication, as the month that holds it whole, else its year (none when it reaches into
  // the year after)
  {
    trigger: /\b(?:next|coming)\s/i,
    pattern: new RegExp(`\\b(?:the\\s+)?(?:next|coming)\\s+${PERIOD}`, 'gi'),
    resolve: (m, ref) => ref === null ? null : periodFromPublication(ref, m[1], m[2], 1),
  },
  // "between Sunday and Wednesday", "from Thursday to Tuesday": the last such days (the second
  // not after publication, the first not after the second), as the month that holds them, else
  // their year
  {
    trigger: HAS_WEEKDAY,
    pattern: new RegExp(`\\b(?:between|from)\\s+${WEEKDAY_WORD}\\s+(?:and|to|until|till|through)\\s+${WEEKDAY_WORD}\\b`, 'g'),
    resolve: (m, ref) => {
      if (ref === null) return null
      const back = (from: Day, name: string) => addDays(from, -((weekday(from) - WEEKDAY_NAMES.indexOf(name.toLowerCase()) + 7) % 7))
      const last = back(ref, m[2])
      const first = back(last, m[1])
      return first.year === last.year && first.month === last.month ? iso(last, 'month') : String(last.year)
    },
  },
  // "through June next year", "in March last year", "May this year": that month of the year named
  {
    trigger: HAS_YEAR_WORD,
    pattern: new RegExp(`\\b${MONTH_WORD}\\s+(next|last|this)\\s+year\\b`, 'gi'),
    resolve: (m, ref) => {
      // a lower-case "may" or "march" is a modal or a walk ("the march this year drew 20,000")
      if (ref === null || m[1] === 'may' || m[1] === 'march') return null
      const which = m[2].toLowerCase()
      return `${ref.year + (which === 'last' ? -1 : which === 'next' ? 1 : 0)}-${pad(monthNumber(m[1]))}`
    },
  },
  // "from January to August", "between Sept. 8 and Sept. 14", "from March 2024 to May 2025":
  // a period of months or days is the unit that holds it whole (the month, else the year);
  // without a year it ends in the last such month not after publication (news reports the
  // past) and begins in the last such month not after its end
  {
    trigger: HAS_MONTH_NAME,
    pattern: new RegExp(`\\b(?:from|between)\\s+${MONTH_WORD}(?:\\s+(\\d{1,2})(?!\\d))?(?:\\s*,?\\s+${YEAR})?\\s+(?:to|and|through|until|till)\\s+${MONTH_WORD}(?:\\s+(\\d{1,2})(?![\\d:]))?(?:\\s*,?\\s+${YEAR})?\\b`, 'gi'),
    resolve: (m, ref) => {
      // a lower-case "may" or "march" is a modal or a walk
      if ([m[1], m[4]].some((w) => w === 'may' || w === 'march')) return null
      const m1 = monthNumber(m[1])
      const m2 = monthNumber(m[4])
      const d1 = m[2] === undefined ? null : Number(m[2])
      const d2 = m[5] === undefined ? null : Number(m[5])
      let y2: number
      if (m[6] !== undefined) y2 = Number(m[6])
      else if (m[3] !== undefined) y2 = Number(m[3]) + (m2 < m1 ? 1 : 0)
      else if (ref === null) return null
      else y2 = ref.year - (m2 > ref.month || (m2 === ref.month && d2 !== null && d2 > ref.day) ? 1 : 0)
      const y1 = m[3] !== undefined ? Number(m[3]) : m1 <= m2 ? y2 : y2 - 1
      if (y1 !== y2) return null
      if (m1 !== m2) return String(y2)
      return d1 !== null && d1 === d2 ? iso({ year: y2, month: m2, day: d2 }, 'day') : iso({ year: y2, month: m2, day: 1 }, 'month')
    },
  },
  // "between 9 and 15 April", "from 3 to 10 March 2026" (the day before the month): a period of
  // days is the month that holds it; without a year, the last such month whose second day is
  // not after publication
  {
    trigger: HAS_MONTH_NAME,
    pattern: new RegExp(`\\b(?:from|between)\\s+(\\d{1,2})(?:st|nd|rd|th)?\\s+(?:to|and|until|till|through)\\s+(\\d{1,2})(?:st|nd|rd|th)?\\s+(?:of\\s+)?${MONTH_WORD}(?!\\w)(?:\\s*,?\\s+${YEAR})?`, 'gi'),
    resolve: (m, ref) => {
      const d1 = Number(m[1])
      const d2 = Number(m[2])
      if (m[3] === 'may' || m[3] === 'march' || d1 < 1 || d2 > 31 || d1 >= d2) return null
      const month = monthNumber(m[3])
      if (m[4] !== undefined) return `${m[4]}-${pad(month)}`
      if (ref === null) return null
      const year = ref.year - (month > ref.month || (month === ref.month && d2 > ref.day) ? 1 : 0)
      return `${year}-${pad(month)}`
    },
  },
  // "by December", "until March", "next June": the next such month; "in July", "since
  // October", "last April": the most recent one. Months followed by a day or a year are
  // left to chrono-node.
  {
    trigger: HAS_MONTH_NAME,
    pattern: new RegExp(`\\b(in|since|by|until|till|before|after|from|during|next|last|this|of|early|late|through)\\s+${MONTH_WORD}(?!\\w|\\.\\s*\\d|\\.\\w|\\s+\\d{1,2}(?![\\d:]|,\\d)|\\s*,?\\s*(?:19|20)\\d{2}\\b)`, 'gi'),
    resolve: (m, ref, isPast) => {
      if (ref === null) return null
      const lead = m[1].toLowerCase()
      const month = monthNumber(m[2])
      if (month === 5 && m[2] === 'may') return null
      // ("will be deployed in March": a modal of the future tense before, in the same clause,
      // points ahead as "by" does; "By August, the country had sent ...": a deadline in a
      // past clause has passed)
      const isFuture = (lead === 'next' || (DEADLINE_LEAD.test(lead) && !isPast())) ||
        ((lead === 'in' || lead === 'during' || lead === 'from' || lead === 'early' || lead === 'late') &&
          isFutureBefore(m.input, m.index))
      if (lead === 'this') return `${ref.year}-${pad(month)}`
      if (lead === 'last' && month === ref.month) return `${ref.year - 1}-${pad(month)}`
      // "through July" looks either way: the nearest July
      if (lead === 'through') return nearestMonth(month, ref)
      return resolveMonth(month, ref, isFuture)
    },
  },
  // "on Thursday", "last Monday": the most recent such day not after publication; "by
  // Friday", and "on Monday" in a clause of the future tense ("will meet on Monday"): the
  // next one, or publication day itself; "next Tuesday": the next one.
  {
    trigger: HAS_WEEKDAY,
    pattern: new RegExp(`\\b(?:(on|by|until|next|last|this|since|from|late|early)\\s+)?${WEEKDAY_WORD}\\b`, 'g'),
    resolve: (m, ref, isPast) => {
      if (ref === null) return null
      const lead = (m[1] ?? '').toLowerCase()
      const target = WEEKDAY_NAMES.indexOf(m[2].toLowerCase())
      const today = weekday(ref)
      // ("had burned 9,500 hectares by Thursday morning", published on a Thursday: that day)
      if (lead === 'next') return iso(addDays(ref, ((target - today + 7) % 7) || 7), 'day')
      const isFuture = (lead === '' || lead === 'on') && isFutureBefore(m.input, m.index)
      // ("had buried 40 by Thursday": a deadline in a past clause has passed)
      if (((lead === 'by' || lead === 'until') && !isPast()) || isFuture) return iso(addDays(ref, (target - today + 7) % 7), 'day')
      const back = (today - target + 7) % 7
      return iso(addDays(ref, lead === 'last' && back === 0 ? -7 : -back), 'day')
    },
  },
  // "In the evening of 17th", "until the 8 o'clock of 19th morning", "on the 3rd,": a day of
  // the month alone (state media in translation) is the last such day not after publication;
  // only before punctuation or a part of the day ("the 17th century", "the 3rd Brigade" are not)
  {
    trigger: HAS_ORDINAL,
    // (not the first of a list of ordinals: "of the 3rd, 4th and 5th brigades")
    pattern: /\b(?:on|of)\s+(?:the\s+)?([1-9]|[12]\d|3[01])(?:st|nd|rd|th)\b(?!\s*,\s*\d{1,3}(?:st|nd|rd|th)\b)(?=\s*(?:[,.;:)]|$)|\s+(?:morning|afternoon|evening|night)\b)/gi,
    resolve: (m, ref) => {
      if (ref === null) return null
      const day = Number(m[1])
      // the latest month not after publication that has that day ("the 30th" in March is 30 January)
      let month = day <= ref.day ? { year: ref.year, month: ref.month } : previousMonth(ref)
      while (day > daysInMonth(month)) month = previousMonth(month)
      return iso({ ...month, day }, 'day')
    },
  },
  // "this morning", "this evening", "earlier today": a part of the publication day
  {
    trigger: /\bthis\s+(?:morning|afternoon|evening)\b/i,
    pattern: /\bthis\s+(?:morning|afternoon|evening)\b/gi,
    resolve: (m, ref) => ref === null ? null : iso(ref, 'day'),
  },
  // "in the fourth quarter", "third-quarter": the last such quarter that began on or before
  // publication, as its year, or the year right after it ("the first quarter 2023"); "of
  // 2025" after it is left to the part-of rule, and "in 2023" or "last year" to theirs
  {
    trigger: /\bquarter\b/i,
    pattern: /\b(?:the\s+)?(first|second|third|fourth)[\s-]quarter(?:\s+(\d{4}))?\b(?!\s+(?:of|(?:in\s+)?\d{4}|(?:last|this|next)\s+year)\b)/gi,
    resolve: (m, ref) => {
      // ("the first quarter 2023")
      if (m[2] !== undefined) return m[2]
      if (ref === null) return null
      const starts = ['first', 'second', 'third', 'fourth'].indexOf(m[1].toLowerCase()) * 3 + 1
      return String(starts <= ref.month ? ref.year : ref.year - 1)
    },
  },
  // "in 2024", "since 2022", "by 2030": a bare year after a preposition
  {
    trigger: HAS_DIGIT,
    pattern: new RegExp(`\\b(?:in|since|by|until|before|after|from|during|of|through)\\s+${YEAR}\\b(?!\\s*[-–%]|,\\d|\\.\\d)`, 'gi'),
    resolve: (m) => m[1],
  },
]

// Several rules share a trigger ("jan|feb|...", /\d/): each distinct one is tested once a
// sentence. None is global or sticky, so a test has no state and its answer can be kept.
const TRIGGERS: readonly RegExp[] = [...new Set(RULES.map((r) => r.trigger))]
const TRIGGER_OF: readonly number[] = RULES.map((r) => TRIGGERS.indexOf(r.trigger))
for (const t of TRIGGERS) if (t.global || t.sticky) throw new Error(`times: trigger ${t} must not be global or sticky`)

function runRules(text: string, offset: number, ref: Day | null, isPastAt: PastClauseReader): Found[] {
  const out: Found[] = []
  // per trigger: 0 not tested yet, 1 matched, 2 did not
  const tested = new Uint8Array(TRIGGERS.length)
  for (let r = 0; r < RULES.length; r++) {
    const rule = RULES[r]
    const k = TRIGGER_OF[r]
    if (tested[k] === 0) tested[k] = TRIGGERS[k].test(text) ? 1 : 2
    if (tested[k] === 2) continue
    rule.pattern.lastIndex = 0
    for (let m = rule.pattern.exec(text); m !== null; m = rule.pattern.exec(text)) {
      const at = offset + m.index
      const length = m[0].length
      const value = rule.resolve(m, ref, () => isPastAt(at, at + length))
      if (value === null) continue
      out.push({ start: offset + m.index, end: offset + m.index + m[0].length, value, isRule: true })
    }
  }
  return out
}

// Words that make a chrono-node result depend on the publication date.
const RELATIVE = /\b(last|next|this|ago|yesterday|today|tomorrow|tonight|coming|past|previous|earlier|later|recent|recently|now|current|currently|morning|afternoon|evening|night|weekend)\b/i
// Durations and times of day are not dates a figure refers to.
const NOT_A_DATE = /^(for|within|over|in)\s+(\d|a|an|one|two|three|four|five|six|seven|eight|nine|ten|several|the\s+(next|past|last))\b/i
// "in the low-50s after": chrono-node reads "50s after" as fifty seconds after the reference
// instant; an offset of seconds, minutes or hours is no date (except "3 hours ago": today).
const SHORT_OFFSET = /^\d+\s*(s|secs?|seconds?|mins?|minutes?|h|hrs?|hours?)\b/i

// "two weeks before", "three days after" (chrono-node's reading of an offset, counted from the
// reference day) and what follows it when that is an event's name: a word, not a closing mark,
// a time or a clause ("before the election", "after Christmas"; not "before, ...", "after that")
const OFFSET_FROM_EVENT = /\b(?:before|after)$/i
const EVENT_AFTER = /^\s+(?!(?:that|this|which|it|then|now|today|yesterday|tomorrow|tonight)\b)(?:(?:the|a|an|his|her|its|their|our|last|this)\s+)?\p{L}/u

// "next three months", "the coming five days" (chrono-node's reading of a period ahead: its end)
const PERIOD_AHEAD = new RegExp(`^(?:the\\s+)?(?:next|coming)\\s+${PERIOD}`, 'i')

// chrono-node is the slow part of this stage; a sentence with no digit and no calendar word
// cannot hold a date it would find.
// Whole words only: a bare prefix ("mar", "sat", "day") let most sentences through
// ("market", "Saturday" is listed, "today" too), and the prefilter then saved little.
const MAY_HOLD_DATE = new RegExp(`\\d|\\b(${[...MONTH_FORMS, ...WEEKDAY_NAMES].join('|')}|today|tonight|yesterday|tomorrow|ago|now|noon|midnight|weeks?|months?|years?|decades?|days?)\\b`, 'i')

// Words without which a chrono-node parser's expression cannot match, by parser. chrono-node
// runs every parser's expression over the sentence, and after each match its parser rejects
// it runs the expression again from the next character: the parsers below were 80% of its
// time on the dev texts (sentences with a figure), mostly matching at numbers and failing
// on the word after them. Each expression holds one of its words in every match (its closing
// words, its opening words, or a month or weekday name, which all begin with one of the
// three-letter stems here), and is case-insensitive without the u flag, as these tests are;
// a sentence without the words cannot give that parser a result, so it is not run there.
// Parsers not named here (or renamed by a later chrono-node) always run.
export const CHRONO_PARSER_NEEDS: ReadonlyMap<string, RegExp> = new Map([
  ['ENTimeUnitAgoFormatParser', /ago|before|earlier/i],
  ['ENTimeUnitLaterFormatParser', /later|after|from now|henceforth|forward|out/i],
  ['ENTimeUnitCasualRelativeFormatParser', /this|last|past|next|after|\+|-/i],
  ['ENMonthNameMiddleEndianParser', /jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec/i],
  ['ENMonthNameLittleEndianParser', /jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec/i],
  ['ENWeekdayParser', /sun|mon|tue|wed|thu|fri|sat|week/i],
  ['ENMonthNameParser', /jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec/i],
  ['ENCasualDateParser', /now|today|tonight|tomorrow|overmorrow|tmr|yesterday|last/i],
  ['ENRelativeDateFormatParser', /this|last|past|next|after/i],
  ['SlashDateFormatParser', /\d[/.-]\d/],
])

/** An expression that fails at once: what a parser gets to run where its words are missing. */
const NO_MATCH = /(?!)/y

interface ChronoParser {
  pattern(context: chrono.ParsingContext): RegExp
  extract(context: chrono.ParsingContext, match: RegExpMatchArray): unknown
}

function withNeed(parser: ChronoParser): ChronoParser {
  const need = CHRONO_PARSER_NEEDS.get(parser.constructor.name)
  if (need === undefined) return parser
  return {
    pattern: (context) => (need.test(context.text) ? parser.pattern(context) : NO_MATCH),
    extract: (context, match) => parser.extract(context, match),
  }
}

// chrono-node's casual English parser (what chrono.parse uses), its parsers in the same order
// behind their tests, its refiners as they are.
export const casualChrono = new chrono.Chrono({
  parsers: chrono.casual.parsers.map((p) => withNeed(p as unknown as ChronoParser)) as unknown as chrono.Parser[],
  refiners: [...chrono.casual.refiners],
})

function runChrono(text: string, offset: number, ref: Day | null, isPastAt: PastClauseReader): Found[] {
  if (!MAY_HOLD_DATE.test(text)) return []
  const refDate = ref === null ? new Date(Date.UTC(2000, 0, 1, 12)) : new Date(Date.UTC(ref.year, ref.month - 1, ref.day, 12))
  const out: Found[] = []
  for (const r of casualChrono.parse(text, { instant: refDate, timezone: 0 })) {
    const c = r.start
    if (NOT_A_DATE.test(r.text)) continue
    // "near the end of the march": a lower-case "march" or "may" with no day or year is a walk or a modal
    if (/\b(?:march|may)\b/.test(r.text) && !/\d/.test(r.text)) continue
    if (SHORT_OFFSET.test(r.text) && !/\bago\b/i.test(r.text)) continue
    // "the next three months": a period ahead, left to our rule
    if (PERIOD_AHEAD.test(r.text)) continue
    // "two weeks before the election", "three days after the attack": a span counted from an
    // event named after it, whose date the stage does not know (chrono-node counts it from
    // the publication day); "a week before," and "two days after" at a clause's end stay
    if (OFFSET_FROM_EVENT.test(r.text) && EVENT_AFTER.test(text.slice(r.index + r.text.length, r.index + r.text.length + 40))) continue
    // "July, 1,500 soldiers": the digits belong to a larger number, not to a day.
    if (/^[,.]?\d/.test(text.slice(r.index + r.text.length, r.index + r.text.length + 2))) continue
    const hasDay = c.isCertain('day')
    const hasMonth = c.isCertain('month')
    const hasYear = c.isCertain('year')
    const isRelative = RELATIVE.test(r.text) || !hasYear
    if (ref === null && isRelative) continue
    // A weekday or a time of day alone is left to our rules ("on Tuesday night")
    if (!hasDay && !hasMonth && !hasYear && !/\b(ago|yesterday|today|tomorrow|tonight|now)\b/i.test(r.text)) continue
    const d = c.date()
    // "last 2024 years" goes back to year 1: not a date a news figure refers to
    if (d.getUTCFullYear() < 1800 || d.getUTCFullYear() > 2200) continue
    let day = { year: d.getUTCFullYear(), month: d.getUTCMonth() + 1, day: d.getUTCDate() }
    // "since January 1", "on Oct. 5": news reports the past, so a day and month without a
    // year is the last such day not after publication, unless a word points ahead ("by").
    if (ref !== null && hasMonth && hasDay && !hasYear) {
      // ("will start on March 3", "is scheduled to begin on 20 February": the future tense or a
      // schedule a few words before, in the clause)
      const before = text.slice(Math.max(0, r.index - 60), r.index)
      // ("before the 10 October": state media in translation put "the" before a day)
      const lead = text.slice(Math.max(0, r.index - 12), r.index).replace(/\bthe\s+$/i, '')
      // ("had been evacuated by October 5": a deadline in a past clause has passed)
      const isPastDeadline = DEADLINE_BEFORE.test(lead) && isPastAt(offset + r.index, offset + r.index + r.text.length)
      const isAhead = (/\b(by|until|till|next|before)\s*$/i.test(lead) && !isPastDeadline) ||
        isFutureBefore(text, r.index) || SCHEDULED_BEFORE.test(before)
      const notAfterRef = day.month < ref.month || (day.month === ref.month && day.day <= ref.day)
      day = { ...day, year: isAhead ? (notAfterRef ? ref.year + 1 : ref.year) : (notAfterRef ? ref.year : ref.year - 1) }
      if (isAhead && day.month === ref.month && day.day === ref.day) day = { ...day, year: ref.year }
    }
    // "four years ago" is that year and "two months ago" that month, not the day they count back to
    // ("a week earlier", "four weeks earlier", "the week before": the month that holds the day, as "last week" is
    // a month; "two weeks ago" stays the day)
    const agoUnit = /\b(years?|months?)\s+ago\b|\b(weeks?)\s+(?:earlier|before)\b/i.exec(r.text)?.slice(1).find((x) => x !== undefined)?.toLowerCase()
    const granularity = agoUnit !== undefined ? (agoUnit.startsWith('year') ? 'year' : 'month')
      : hasDay || /\b(ago|yesterday|today|tomorrow|tonight)\b/i.test(r.text) ? 'day'
      : hasMonth ? 'month' : 'year'
    out.push({ start: offset + r.index, end: offset + r.index + r.text.length, value: iso(day, granularity), isRule: false })
  }
  return out
}

/**
 * Time expressions of a text, resolved against `published` (ISO date, or null: then only
 * expressions that name their own year resolve). Our rules handle what chrono-node misses
 * or resolves against news usage (seasons, "late 2024", "mid-January", "in July" as the
 * last July); chrono-node adds full dates and relative days ("two weeks ago"). A deadline
 * ("by August", "until the end of March", "by Friday", "by October 5") is the next one unless
 * `isPastAt` says its clause is past (`findDocTimes` reads that from the tokens); `offset` is
 * where `text` starts in the document.
 *
 * @example
 * findTimes('It began in the fall of 2024.', '2025-08-22') // [{ start: 13, end: 28, value: '2024' }]
 */
export function findTimes(text: string, published: string | null, offset = 0, isPastAt: PastClauseReader = () => false): TimeExpression[] {
  const ref = parseDay(published)
  const rules = runRules(text, offset, ref, isPastAt)
  const all = [...rules, ...runChrono(text, offset, ref, isPastAt)]
  // Longest first, rules before chrono on ties; then keep those that overlap nothing kept.
  all.sort((a, b) => (b.end - b.start) - (a.end - a.start) || Number(b.isRule) - Number(a.isRule))
  const kept: Found[] = []
  for (const f of all) {
    const overlaps = kept.some((k) => k.start < f.end && f.start < k.end)
    if (!overlaps) kept.push(f)
  }
  kept.sort((a, b) => a.start - b.start)
  return kept.map(({ start, end, value }) => ({ start, end, value }))
}

/**
 * Time expressions of a Doc's sentences, resolved against its publication date: every
 * sentence, or only those for which `isWanted` holds.
 */
export function findDocTimes(doc: Doc, isWanted: (s: Sentence) => boolean = () => true): TimeExpression[] {
  const out: TimeExpression[] = []
  const tokens = doc.get('tokens')
  for (const s of doc.get('sentences')) {
    if (isWanted(s)) out.push(...findTimes(doc.text.slice(s.start, s.end), doc.meta.published, s.start, pastClauseReader(doc.text, tokens, s)))
  }
  return out
}

// How many tokens on each side of a time its clause is read for its tense.
const CLAUSE_REACH = 12

/**
 * The `PastClauseReader` of sentence `s`: a time's comma-separated segment (at most
 * CLAUSE_REACH tokens each side), or, when that holds no verb ("By August, the country had
 * sent ...", "The country, by August, had sent ..."), the segment after it.
 */
function pastClauseReader(text: string, tokens: TokenColumns, s: Sentence): PastClauseReader {
  const isBreak = (t: number) => CLAUSE_BREAKS.has(text.slice(tokens.start[t], tokens.end[t]))
  const hasVerb = (from: number, to: number) => {
    for (let t = from; t < to; t++) if (tokens.pos[t] === VERB || tokens.pos[t] === AUX) return true
    return false
  }
  return (start, end) => {
    let xa = s.tokenStart
    while (xa < s.tokenEnd && tokens.end[xa] <= start) xa++
    let xb = xa
    while (xb < s.tokenEnd && tokens.start[xb] < end) xb++
    let from = xa
    while (from > s.tokenStart && from > xa - CLAUSE_REACH && !isBreak(from - 1)) from--
    let to = xb
    while (to < s.tokenEnd && to < xb + CLAUSE_REACH && !isBreak(to)) to++
    if (!hasVerb(from, to) && to + 1 < s.tokenEnd && text.slice(tokens.start[to], tokens.end[to]) === ',') {
      from = to + 1
      to = from
      while (to < s.tokenEnd && to < from + 2 * CLAUSE_REACH && !isBreak(to)) to++
    }
    return isPastClause(text, tokens, from, to, s.tokenEnd)
  }
}

/** Which sentences the times stage reads. */
export type TimesScope = 'all' | 'with-quantities'

/**
 * The stage that assigns `times`, resolved against `doc.meta.published`. With scope
 * `with-quantities` (what the extraction pipeline uses) it reads only the sentences that
 * hold a quantity: times serve to date figures (a claim's `asOf`), and resolving dates in
 * every sentence cost as much as the attribution stage.
 */
export function timesStage(scope: TimesScope = 'all'): Stage {
  if (scope === 'all') {
    return defineStage({
      name: 'times', requires: ['tokens', 'sentences'], assigns: ['times'],
      run: (doc) => doc.withLayer('times', findDocTimes(doc)),
    })
  }
  return defineStage({
    name: 'times', requires: ['tokens', 'sentences', 'quantities'], assigns: ['times'],
    run: (doc) => {
      const quantities = doc.get('quantities')
      // quantities and sentences are both in text order: one merge walk
      let q = 0
      return doc.withLayer('times', findDocTimes(doc, (s) => {
        while (q < quantities.length && quantities[q].end <= s.start) q++
        return q < quantities.length && quantities[q].start < s.end
      }))
    },
  })
}
