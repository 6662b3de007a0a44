import type { Analyzer } from '../analyze.ts'
import { ClaimtrailError } from '../model/errors.ts'
import { buildArticle, contentHash, normalizeUrl } from './article.ts'
import type { InputRecord } from './files.ts'
import type { Store } from '../store/store.ts'

/**
 * Ingest one article given as a record in memory (an API request body, a queue job, the
 * seed with its known date), with the steps of the ledger's `ingest`: idempotence by URL
 * and content hash, `buildArticle`, one `putArticle` transaction. Of two processes that
 * analyse the same document at once, the store's unique keys let exactly one insert win
 * and report the other as a duplicate.
 */

/** What happened to the article. */
export type OneResult =
  | { readonly status: 'inserted'; readonly key: string; readonly claims: number; readonly warnings: readonly string[] }
  | { readonly status: 'duplicate'; readonly key: string; readonly by: 'url' | 'content' }

/** Where the time of {@link ingestRecord} went, added to as it runs. */
export interface IngestTiming {
  analysisMs: number
  storeMs: number
}

/** Analyse and store one record unless its URL or content is already stored. */
export async function ingestRecord(
  store: Store, record: InputRecord, analyzer: () => Analyzer, timing?: IngestTiming,
): Promise<OneResult> {
  // As file ingest does: U+0000 is never article text, and PostgreSQL cannot store it.
  if (record.text.includes('\0')) throw new ClaimtrailError('BAD_INPUT', 'text: contains NUL characters (U+0000), so it is not a text document')
  let t = performance.now()
  const hash = contentHash(record.text)
  const existing = await store.findArticle({ url: normalizeUrl(record.url), contentHash: hash })
  if (timing) timing.storeMs += performance.now() - t
  if (existing) return { status: 'duplicate', key: existing.key, by: existing.contentHash === hash ? 'content' : 'url' }
  const analyze = analyzer()
  t = performance.now()
  const article = buildArticle(record, analyze)
  if (timing) timing.analysisMs += performance.now() - t
  t = performance.now()
  const put = await store.putArticle(article)
  if (timing) timing.storeMs += performance.now() - t
  // The extractor's warnings (a language it does not read, ...) explain an article stored
  // with no claims; the caller shows them.
  const warnings = (article.analysis as { warnings?: readonly string[] }).warnings ?? []
  return put.status === 'inserted' ? { status: 'inserted', key: put.key, claims: article.claims.length, warnings } : put
}
