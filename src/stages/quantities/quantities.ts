import type { Quantity } from '../../model/types.ts'
import { defineStage, type Stage } from '../../pipeline/stage.ts'
import { scanQuantities } from './grammar.ts'

/**
 * Every numeric expression in `text`: counts, percentages, money, multipliers, ranges and
 * vague amounts, with hedges ("about") and bounds ("more than") inside the span and the
 * counted noun outside it. Offsets are UTF-16 code units; the result is sorted and the
 * spans do not overlap. Years, dates, times, ages, model numbers, labels, ordinals and
 * "one" as a pronoun are left out (see docs/quantities.md). Linear in the text length.
 *
 * @example
 * findQuantities('around 12,000 North Korean troops')
 * // [{ start: 0, end: 13, amount: { kind: 'point', value: 12000 }, kind: 'count',
 * //    isApprox: true, bound: null, isVague: false, unit: null }]
 */
export function findQuantities(text: string): Quantity[] {
  return scanQuantities(text).map((s) => s.quantity)
}

/** The stage that assigns `quantities` from the document text. */
export function quantitiesStage(): Stage {
  return defineStage({
    name: 'quantities', requires: ['tokens', 'sentences'], assigns: ['quantities'],
    run: (doc) => doc.withLayer('quantities', findQuantities(doc.text)),
  })
}
