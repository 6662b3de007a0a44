import type { FlatAmount } from '../model/types.ts'

const NUMBER = new Intl.NumberFormat('en-US', { maximumFractionDigits: 2 })

/**
 * An estimate as people write it: "~12,000", "10,000–12,000", "≥3,000", "40%", "2×" (a
 * multiple of another figure). Ranges take an en dash in pages and a plain hyphen
 * (`rangeDash: '-'`) in terminal tables and JSON, where a reader may grep or type it.
 *
 * @example
 * formatEstimate({ value: 12000, low: null, high: null, approx: true, bound: null, vague: false, unit: null }) // '~12,000'
 */
export function formatEstimate(
  p: Pick<FlatAmount, 'value' | 'low' | 'high' | 'approx' | 'bound'> & { readonly unit?: string | null },
  rangeDash: '–' | '-' = '–',
): string {
  const body = p.value !== null ? NUMBER.format(p.value)
    : p.low !== null && p.high !== null ? `${NUMBER.format(p.low)}${rangeDash}${NUMBER.format(p.high)}` : '?'
  const prefix = (p.bound === 'at_least' ? '≥' : p.bound === 'at_most' ? '≤' : '') + (p.approx ? '~' : '')
  const unit = !p.unit ? '' : p.unit === '%' ? '%' : p.unit === 'times' ? '×' : ` ${p.unit}`
  return prefix + body + unit
}
