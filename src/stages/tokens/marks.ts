// Marks that the attribution and claim stages both read, in one place.
import { isGlued, type TokenColumns } from '../../model/doc.ts'

/** Quotation marks, straight and curly, single and double, opening and closing. */
export const QUOTE_MARKS: ReadonlySet<string> = new Set(['"', "'", '“', '”', '‘', '’'])

/**
 * A possessive mark at the start of a string (the text right after a name): "'s" or "’s", or an
 * apostrophe alone after a plural name ("Honduras' president"); not "'d" or "'ll".
 */
export const POSSESSIVE_MARK = /^['’](?:s\b|(?!\w))/

/** Dashes as tokens: hyphen, en and em dash, horizontal bar, and the typed double hyphen. */
export const DASHES: ReadonlySet<string> = new Set(['-', '--', '—', '–', '―'])

/**
 * Whether token `t`, written `word` (its text, or its lemma: wink lemmatises a dash as a dash),
 * is a dash between words rather than a hyphen inside one ("US-led", "R-Va."): any dash but a
 * hyphen glued to the tokens on both sides. The one rule of the attribution stage (where a
 * subject starts), the claim stage (an aside set off by dashes) and the dateline ("KYIV, June
 * 18 -"). A closed-up em dash, en dash, horizontal bar or typed "--" counts as spaced: writers
 * close up the dashes of an aside ("Marco Rubio—as well", "firearms–thus demonstrating";
 * PolNeAR train has 82 closed em dashes and 20 closed en dashes between letters), while a
 * hyphen glued on both sides always joins the parts of a word.
 */
export function isDashBetween(word: string, tokens: TokenColumns, t: number): boolean {
  return DASHES.has(word) && !(word === '-' && isGlued(tokens, t))
}
