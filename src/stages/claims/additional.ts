/**
 * Whether a figure adds to an earlier count rather than stating a total (docs/figures.md,
 * "additional"): "another 3,000 troops", "an additional 1,000", "a further 2,000",
 * "6,000 more personnel", "1,000 extra workers", "rose by 400". A timeline of totals that
 * took "an additional 3,000 in January" for a total would read it as a revision from
 * 11,000 down to 3,000.
 */
import type { Quantity, Sentence } from '../../model/types.ts'
import { VERB, type Context } from './context.ts'

// Before the number: "another 1,500", "an additional 3,000", "a further 2,000", "some extra 500".
const ADDING_BEFORE = new Set(['another', 'additional', 'further', 'extra', 'fresh'])
// After it: "1,000 more troops", "3,000 additional soldiers", "500 further staff".
const ADDING_AFTER = new Set(['more', 'additional', 'further', 'extra'])
// "rose by 400", "an increase of 400", "up by 400": the figure is the change.
const RISES = new Set(['rise', 'increase', 'grow', 'climb', 'jump', 'swell', 'up', 'add'])
const FIRST_WORD = /^\s*(\p{L}+)/u

/**
 * Whether the quantity `q` at tokens `[a, b)` of sentence `s` adds to an earlier count
 * ("another 1,500", "6,000 more personnel", "rose by 400") rather than stating a total.
 */
export function isAdditional(c: Context, q: Quantity, a: number, b: number, s: Sentence): boolean {
  const { lemma } = c.tokens
  // the quantity grammar may take the word into its span ("another 1,500")
  const first = FIRST_WORD.exec(c.text.slice(q.start, q.end))?.[1].toLowerCase()
  if (first !== undefined && ADDING_BEFORE.has(first)) return true
  const before = a - 1 >= s.tokenStart ? lemma[a - 1] : ''
  if (ADDING_BEFORE.has(before)) return true
  // "1,000 more troops", but not "1,000 or more", "20 more than last year"
  if (b < s.tokenEnd && ADDING_AFTER.has(lemma[b]) && !(b + 1 < s.tokenEnd && lemma[b + 1] === 'than')) return true
  // "rose by 400", "an increase of 400 since June"; "up by 400" only with no verb before "up"
  // ("were backed up by 300 supporters" is a passive's agent)
  if ((before === 'by' || before === 'of') && a - 2 >= s.tokenStart && RISES.has(lemma[a - 2])) {
    return !(lemma[a - 2] === 'up' && a - 3 >= s.tokenStart && c.tokens.pos[a - 3] === VERB)
  }
  return false
}
