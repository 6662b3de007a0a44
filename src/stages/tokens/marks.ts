// Marks that the attribution and claim stages both read, in one place.

/** Quotation marks, straight and curly, single and double, opening and closing. */
export const QUOTE_MARKS: ReadonlySet<string> = new Set(['"', "'", '“', '”', '‘', '’'])

/** Dashes as tokens: hyphen, en and em dash, horizontal bar, and the typed double hyphen. */
export const DASHES: ReadonlySet<string> = new Set(['-', '--', '—', '–', '―'])
