// Month and weekday names as English news writes them: the one table behind every reading of
// dates (the times stage, the quantity lexer's "March 3", the dateline, the words that are no
// names or speakers) and the web chart's labels. Kept beside the tokens, as marks.ts is, so
// that stages share it without importing each other.

/** Month names in lower case, January first: the index plus one is the month's number. */
export const MONTH_NAMES: readonly string[] = [
  'january', 'february', 'march', 'april', 'may', 'june', 'july', 'august', 'september',
  'october', 'november', 'december',
]

/** The months cut to three letters, in the same order ("may" is the name itself); "sept" is written too. */
export const MONTH_CUTS: readonly string[] = ['jan', 'feb', 'mar', 'apr', 'may', 'jun', 'jul', 'aug', 'sep', 'oct', 'nov', 'dec']

/** Every way a month is written, whole or cut, in lower case and without a full stop. */
export const MONTH_FORMS: readonly string[] = [...MONTH_NAMES, ...MONTH_CUTS.filter((w) => w !== 'may'), 'sept']

/** The cuts AP style writes before a day, with their full stop (March to July are never cut). */
export const AP_MONTH_CUTS: readonly string[] = ['jan.', 'feb.', 'aug.', 'sept.', 'oct.', 'nov.', 'dec.']

/** Weekday names in lower case, Sunday first: the index is the day of the week (`Date.getUTCDay`). */
export const WEEKDAY_NAMES: readonly string[] = ['sunday', 'monday', 'tuesday', 'wednesday', 'thursday', 'friday', 'saturday']

/** Counts of days, weeks or months written as words ("the past two weeks", "over the next three months"), two first: the index plus two is the count. */
export const PERIOD_COUNT_WORDS: readonly string[] = ['two', 'three', 'four', 'five', 'six', 'seven', 'eight', 'nine', 'ten', 'eleven', 'twelve']

/** The month (1 to 12) that a name or cut stands for, in any case, with or without a full stop ("Sept."), else 0. */
export function monthNumber(word: string): number {
  const w = word.toLowerCase().replace(/\.$/, '')
  const full = MONTH_NAMES.indexOf(w)
  if (full >= 0) return full + 1
  const cut = MONTH_CUTS.indexOf(w === 'sept' ? 'sep' : w)
  return cut >= 0 ? cut + 1 : 0
}

/** A name as it is written in running text: "march" gives "March". */
export function capitalised(word: string): string {
  return word.charAt(0).toUpperCase() + word.slice(1)
}
