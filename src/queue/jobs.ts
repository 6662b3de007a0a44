import { z } from 'zod'
import type { Analyzer } from '../analyze.ts'
import { ClaimtrailError, isClaimtrailError } from '../model/errors.ts'
import { EXTRACTOR_VERSION, reanalyze } from '../ingest/article.ts'
import { ingestRecord as storeRecord } from '../ingest/record.ts'
import { isIsoDate, type InputRecord } from '../ingest/files.ts'
import { extractHtml } from '../ingest/html.ts'
import { ingest, type IngestOutcome } from '../ingest/ingest.ts'
import type { Store } from '../store/store.ts'

/**
 * The payloads of queue jobs and what a worker does with each. Any producer may put
 * jobs on the queue (another program can insert rows with pg-boss's SQL), so payloads
 * are validated here like any untrusted input.
 */

const RecordSchema = z.object({
  id: z.union([z.string().min(1), z.number()]).transform(String),
  text: z.string().optional(),
  html: z.string().optional(),
  url: z.string().nullish(),
  title: z.string().nullish(),
  published: z.string().nullish().refine((p) => p == null || isIsoDate(p), 'published must be a date YYYY-MM-DD'),
  outlet: z.string().nullish(),
})

/**
 * An `ingest` job: one document given inline (`record`: the JSONL record of the extract
 * contract, with `text` or `html`, or only a `url` to fetch), or one input as
 * `claimtrail ingest` takes it (`input`: a URL, or a path the worker can read).
 */
export const IngestJobSchema = z.union([
  z.object({ record: RecordSchema }).strict(),
  z.object({ input: z.string().min(1), feed: z.boolean().optional() }).strict(),
])
export type IngestJob = z.input<typeof IngestJobSchema>

/** A `reextract` job: the key of a stored article. */
export const ReextractJobSchema = z.object({ key: z.string().min(1) }).strict()
export type ReextractJob = z.input<typeof ReextractJobSchema>

/** What a finished job reports (pg-boss keeps it as the job's output). */
export type JobOutput =
  | { readonly status: 'ingested'; readonly key: string; readonly claims: number; readonly worker: string }
  | { readonly status: 'skipped'; readonly key: string; readonly by: 'url' | 'content'; readonly worker: string }
  | { readonly status: 'reextracted'; readonly key: string; readonly claims: number; readonly worker: string }
  | { readonly status: 'rejected'; readonly reason: string; readonly worker: string }
  | { readonly status: 'done'; readonly ingested: number; readonly skipped: number; readonly worker: string }

/** What a job handler needs. */
export interface JobContext {
  readonly store: Store
  /** Loaded on first need, shared by every job of the process. */
  readonly analyzer: () => Analyzer
  /** Names this process in outputs. */
  readonly worker: string
}

// A document that cannot be read will not become readable on a retry; these fail the
// job for good (it completes, with the reason as its output). Anything else (the
// database, the network) is thrown, so pg-boss retries it.
const PERMANENT = new Set(['BAD_INPUT', 'UNSUPPORTED', 'TOO_LARGE'])

function describeIssue(error: z.ZodError): string {
  const issue = error.issues[0]
  const path = issue?.path.length ? `"${issue.path.join('.')}": ` : ''
  return `${path}${issue?.message ?? 'invalid'}`
}

/** Parse an ingest payload; a malformed one is a permanent failure. */
export function parseIngestJob(data: unknown): z.output<typeof IngestJobSchema> {
  const parsed = IngestJobSchema.safeParse(data)
  if (!parsed.success) throw new ClaimtrailError('BAD_INPUT', `ingest job payload: ${describeIssue(parsed.error)}; expected {record: {id, text|html|url, ...}} or {input: PATH|URL}`)
  return parsed.data
}

function toInputRecord(r: z.output<typeof RecordSchema>): InputRecord {
  const origin = `job record ${r.id}`
  let text = r.text
  let title = r.title ?? null
  let published = r.published ?? null
  if (text === undefined && r.html !== undefined) {
    const article = extractHtml(r.html)
    text = article.text
    title ??= article.title
    published ??= article.published
  }
  if (text === undefined || text.trim() === '') {
    throw new ClaimtrailError('BAD_INPUT', `${origin}: empty document, nothing to analyse`)
  }
  // As file ingest does: U+0000 is never article text, and PostgreSQL cannot store it.
  if (text.includes('\0')) throw new ClaimtrailError('BAD_INPUT', `${origin}: contains NUL characters (U+0000), so it is not a text document`)
  return { id: r.id, text, title, published, url: r.url ?? null, outlet: r.outlet ?? null, origin }
}

async function ingestRecord(record: InputRecord, ctx: JobContext): Promise<JobOutput> {
  const r = await storeRecord(ctx.store, record, ctx.analyzer)
  return r.status === 'inserted'
    ? { status: 'ingested', key: r.key, claims: r.claims, worker: ctx.worker }
    : { status: 'skipped', key: r.key, by: r.by, worker: ctx.worker }
}

async function ingestInput(input: string, isFeed: boolean, ctx: JobContext): Promise<JobOutput> {
  const failures: string[] = []
  let last: IngestOutcome | null = null
  const summary = await ingest([input], {
    store: ctx.store, analyzer: ctx.analyzer, isFeed,
    onOutcome: (o) => {
      last = o
      if (o.status === 'failed') failures.push(o.reason)
    },
  })
  // Fetches fail for passing reasons (timeouts, a server's bad minute): throw, so the
  // job is retried; items already stored are skipped on the retry.
  if (failures.length > 0) {
    throw new Error(`${failures.length} of ${summary.ingested + summary.skipped + summary.failed} documents failed: ${failures.slice(0, 3).join('; ')}`)
  }
  const single = last as IngestOutcome | null
  if (summary.ingested + summary.skipped === 1 && single !== null && single.status !== 'failed') {
    return single.status === 'ingested'
      ? { status: 'ingested', key: single.key, claims: single.claims, worker: ctx.worker }
      : { status: 'skipped', key: single.key, by: single.by, worker: ctx.worker }
  }
  return { status: 'done', ingested: summary.ingested, skipped: summary.skipped, worker: ctx.worker }
}

/**
 * Run one ingest job. Idempotent: a document already stored (same URL or same content)
 * is skipped, so a job retried after its worker died never stores twice. Unreadable
 * documents complete as `rejected`; other failures throw, for pg-boss to retry.
 */
export async function runIngestJob(data: unknown, ctx: JobContext): Promise<JobOutput> {
  try {
    const job = parseIngestJob(data)
    if ('input' in job) return await ingestInput(job.input, job.feed ?? false, ctx)
    const r = job.record
    if (r.text === undefined && r.html === undefined) {
      if (!r.url) throw new ClaimtrailError('BAD_INPUT', `job record ${r.id}: needs "text", "html" or "url"`)
      return await ingestInput(r.url, false, ctx)
    }
    return await ingestRecord(toInputRecord(r), ctx)
  } catch (e) {
    if (isClaimtrailError(e) && PERMANENT.has(e.code)) return { status: 'rejected', reason: e.message, worker: ctx.worker }
    throw e
  }
}

/**
 * Run one re-extraction job: analyse a stored article again with this worker's
 * extractor and replace its analysis and claims (user decisions are kept by the store).
 * Running it twice gives the same result.
 */
export async function runReextractJob(data: unknown, ctx: JobContext): Promise<JobOutput> {
  const parsed = ReextractJobSchema.safeParse(data)
  if (!parsed.success) return { status: 'rejected', reason: `reextract job payload: ${describeIssue(parsed.error)}; expected {key}`, worker: ctx.worker }
  const stored = await ctx.store.article(parsed.data.key)
  if (!stored) return { status: 'rejected', reason: `no article with key ${parsed.data.key}`, worker: ctx.worker }
  const { analysis, claims } = reanalyze(stored, ctx.analyzer())
  await ctx.store.replaceAnalysis(stored.key, analysis, claims, EXTRACTOR_VERSION)
  return { status: 'reextracted', key: stored.key, claims: claims.length, worker: ctx.worker }
}
