// The shape of a part taken out of a count ("One of the 12 hostages"), which the quantities
// grammar and the claims stage both read, each on its own tokens: one rule, in one place.

/** Owners of the whole a part is taken from: "one of the 12 hostages", "two of its 40 crew". */
export const PART_OWNERS: ReadonlySet<string> = new Set(['the', 'its', 'their', 'his', 'her', 'our'])

/**
 * Whether token `of` opens the whole that a figure before it is a part of: "of", an owner
 * (`PART_OWNERS`) and a number ("One of the 12 hostages", "two of its forty crew"; the number
 * only frames the part), not "one of the most" nor "one of them". `word(k)` is token `k` in
 * lower case (undefined past the tokens read) and `isNumber(k)` whether it is a number, which
 * is where the two readers differ:
 * - the quantities grammar, on its lexer's tokens: digits not glued to a word after them (not
 *   the ordinal in "one of the 20th century's"), or a spelled unit, teen or tens ("forty"), not
 *   "hundred", "dozen" or "million" alone;
 * - the claims stage, on wink's tokens: any token wink tags NUM.
 */
export function isPartOfCount(word: (k: number) => string | undefined, isNumber: (k: number) => boolean, of: number): boolean {
  const owner = word(of + 1)
  return word(of) === 'of' && owner !== undefined && PART_OWNERS.has(owner) && isNumber(of + 2)
}
