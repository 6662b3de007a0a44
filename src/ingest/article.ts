import { createHash } from 'node:crypto'
import type { Analyzer } from '../analyze.ts'
import { toJsonDocument, type JsonDocument } from '../format/json.ts'
import type { Doc } from '../model/doc.ts'
import { minhash } from '../reconcile/independence.ts'
import type { ArticleInput, ClaimRow } from '../store/store.ts'
import type { InputRecord } from './files.ts'

/** Names the extractor that produced a stored analysis; `reextract` records the new one. */
export const EXTRACTOR_VERSION = 'claimtrail-0.1.0'

/**
 * The text an idempotence hash is computed over: Unicode NFC, white space runs as one
 * space, trimmed. Re-saving a file with other line endings or trailing spaces does not
 * make it a new article.
 */
export function normalizeForHash(text: string): string {
  return text.normalize('NFC').replace(/\s+/g, ' ').trim()
}

/** SHA-256 (hex) of the normalized text: the content idempotence key. */
export function contentHash(text: string): string {
  return createHash('sha256').update(normalizeForHash(text)).digest('hex')
}

/** An article's stable key: the first 16 hex digits of its content hash. */
export function articleKey(hash: string): string {
  return hash.slice(0, 16)
}

// Tracking parameters that make one article look like many URLs.
const TRACKING = /^(?:utm_[a-z]+|fbclid|gclid|mc_cid|mc_eid|ref|cmpid|ocid)$/i

/**
 * A URL as an idempotence key: lower-case host, no fragment, no tracking parameters,
 * no trailing slash. Returns null for anything that is not an absolute http(s) URL.
 */
export function normalizeUrl(url: string | null): string | null {
  if (url === null || url.trim() === '') return null
  let u: URL
  try {
    u = new URL(url.trim())
  } catch {
    return null
  }
  if (u.protocol !== 'http:' && u.protocol !== 'https:') return null
  u.hash = ''
  for (const name of [...u.searchParams.keys()]) if (TRACKING.test(name)) u.searchParams.delete(name)
  if (u.pathname.length > 1 && u.pathname.endsWith('/')) u.pathname = u.pathname.slice(0, -1)
  return u.toString()
}

/** The sentence around a UTF-16 offset: from the Doc's sentences, else the line. */
function quoteAt(doc: Doc, offset: number): string {
  if (doc.has('sentences')) {
    for (const s of doc.get('sentences')) {
      if (s.start <= offset && offset < s.end) return doc.text.slice(s.start, s.end).replace(/\s+/g, ' ').trim()
    }
  }
  const from = doc.text.lastIndexOf('\n', offset) + 1
  const to = doc.text.indexOf('\n', offset)
  return doc.text.slice(from, to === -1 ? undefined : to).replace(/\s+/g, ' ').trim()
}

function amountKey(value: number | null, low: number | null, high: number | null): string {
  return value !== null ? String(value) : `${low ?? ''}-${high ?? ''}`
}

/**
 * The claim rows of an analysed Doc: each JSON-contract claim flattened with its
 * quantity, its quote (the sentence) and its stable key
 * `<article key>:<start>-<end>:<amount>` (code points).
 */
export function claimRows(doc: Doc, json: JsonDocument, key: string): ClaimRow[] {
  const layer = doc.has('claims') ? doc.get('claims') : []
  const quantities = doc.has('quantities') ? doc.get('quantities') : []
  const seen = new Map<string, number>()
  return json.claims.map((c, i) => {
    const q = json.quantities[Number(c.quantity.slice(1)) - 1]
    const utf16 = quantities[layer[i]?.quantity ?? -1]
    let claimKey = `${key}:${q.start}-${q.end}:${amountKey(q.value, q.low, q.high)}`
    const n = seen.get(claimKey) ?? 0
    seen.set(claimKey, n + 1)
    if (n > 0) claimKey += `#${n + 1}`
    return {
      key: claimKey, ordinal: i, quantityText: q.text, start: q.start, end: q.end,
      value: q.value, low: q.low, high: q.high, approx: q.approx, bound: q.bound, vague: q.vague,
      unit: q.unit, kind: q.kind, category: c.counted.category, countedText: c.counted.text,
      subject: c.subject, planned: c.planned, additional: c.additional, source: c.source, sourceEntity: c.sourceEntity, cue: c.cue,
      asOf: c.asOf, quote: quoteAt(doc, utf16?.start ?? 0),
    }
  })
}

/** Analyse a record and shape it for the store. The stored analysis omits the text (kept once). */
export function buildArticle(record: InputRecord, analyzer: Analyzer, extractor = EXTRACTOR_VERSION): ArticleInput {
  const hash = contentHash(record.text)
  const key = articleKey(hash)
  const doc = analyzer.analyze(record.text, {
    id: record.id, title: record.title, published: record.published, url: record.url, outlet: record.outlet,
  })
  const json = toJsonDocument(doc)
  const { text: _text, ...analysis } = json
  return {
    key, contentHash: hash, sourceId: record.id, url: normalizeUrl(record.url), title: record.title,
    outlet: record.outlet, published: record.published, language: json.language, signature: minhash(record.text),
    extractor, text: record.text, analysis, claims: claimRows(doc, json, key),
  }
}

/** Re-run the analyzer over a stored article (for `reextract`). */
export function reanalyze(
  stored: { key: string; sourceId: string; text: string; title: string | null; published: string | null; url: string | null; outlet: string | null },
  analyzer: Analyzer,
): { analysis: unknown; claims: ClaimRow[] } {
  const doc = analyzer.analyze(stored.text, {
    id: stored.sourceId, title: stored.title, published: stored.published, url: stored.url, outlet: stored.outlet,
  })
  const json = toJsonDocument(doc)
  const { text: _text, ...analysis } = json
  return { analysis, claims: claimRows(doc, json, stored.key) }
}
