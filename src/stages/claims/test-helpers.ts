import assert from 'node:assert/strict'
import { Doc } from '../../model/doc.ts'
import type { Amount, Attribution, CharSpan, Claim, Quantity } from '../../model/types.ts'
import { findEntities, loadGazetteer } from '../entities/entities.ts'
import { findDocTimes } from '../times/times.ts'
import { loadWink, tokenize } from '../tokens/tokens.ts'
import { findClaims } from './claims.ts'

const nlp = loadWink()
const gazetteer = loadGazetteer()

/** The span of the `nth` occurrence of `needle` in `text`; throws when absent so tests fail loudly. */
export function find(text: string, needle: string, nth = 0): CharSpan {
  let at = -1
  for (let i = 0; i <= nth; i++) {
    at = text.indexOf(needle, at + 1)
    if (at < 0) throw new Error(`"${needle}" (occurrence ${nth}) not in the test text`)
  }
  return { start: at, end: at + needle.length }
}

/** A hand-written quantity over the `nth` occurrence of `needle`. */
export function quantity(
  text: string, needle: string, amount: Amount | number,
  extra: Partial<Omit<Quantity, 'start' | 'end' | 'amount'>> & { nth?: number } = {},
): Quantity {
  const { nth, ...rest } = extra
  return {
    ...find(text, needle, nth), amount: typeof amount === 'number' ? { kind: 'point', value: amount } : amount,
    kind: 'count', isApprox: false, bound: null, isVague: false, unit: null, ...rest,
  }
}

/** A hand-written attribution from source, cue and content substrings (source may be null). */
export function attribution(text: string, source: string | null, cue: string, content: string, sourceEntity: string | null = null): Attribution {
  return {
    source: source === null ? [] : [find(text, source)], cue: [find(text, cue)], content: [find(text, content)],
    kind: 'indirect', sourceEntity,
  }
}

/**
 * A Doc with real tokens, sentences, entities and times, and the given quantities and
 * attributions (written by hand because those stages are developed separately).
 */
export function buildDoc(
  text: string, quantities: readonly Quantity[], attributions: readonly Attribution[] = [],
  published: string | null = '2025-08-22',
): Doc {
  const { tokens, sentences } = tokenize(nlp, text)
  let doc = Doc.create(text, { id: 't', published }).withLayer('tokens', tokens).withLayer('sentences', sentences)
  doc = doc.withLayer('entities', findEntities(doc, gazetteer))
  doc = doc.withLayer('times', findDocTimes(doc))
  const sorted = [...quantities].sort((a, b) => a.start - b.start)
  return doc.withLayer('quantities', sorted).withLayer('attributions', attributions)
}

/** A claim with its spans read back as text, for assertions. */
export interface Readable {
  readonly quantity: string
  readonly counted: string
  readonly category: string
  readonly subject: string | null
  readonly isPlanned: boolean
  readonly source: string | null
  readonly cue: string | null
  readonly sourceEntity: string | null
  readonly asOf: string | null
  readonly attribution: number | null
}

export function readable(doc: Doc, claims: readonly Claim[] = findClaims(doc)): Readable[] {
  const qs = doc.get('quantities')
  return claims.map((c) => ({
    quantity: doc.slice(qs[c.quantity]), counted: doc.slice(c.counted), category: c.counted.category,
    subject: c.subject, isPlanned: c.isPlanned, source: c.source && doc.slice(c.source),
    cue: c.cue && doc.slice(c.cue), sourceEntity: c.sourceEntity, asOf: c.asOf, attribution: c.attribution,
  }))
}

/** The claim of the quantity written `quantityText`; fails the test when there is none. */
export function claimFor(doc: Doc, quantityText: string): Readable {
  const found = readable(doc).find((c) => c.quantity === quantityText)
  assert.ok(found, `no claim for "${quantityText}"`)
  return found
}
