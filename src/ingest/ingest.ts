import { open, stat } from 'node:fs/promises'
import { basename, extname } from 'node:path'
import { setImmediate as nextTurn, setTimeout as sleep } from 'node:timers/promises'
import type { Analyzer } from '../analyze.ts'
import { ClaimtrailError, isClaimtrailError } from '../model/errors.ts'
import type { Store } from '../store/store.ts'
import { normalizeUrl } from './article.ts'
import { ingestRecord } from './record.ts'
import { parseFeed, type FeedItem } from './feed.ts'
import { FEED_TYPES, PAGE_TYPES, decodeBody, fetchDocument } from './fetch.ts'
import { DEFAULT_MAX_BYTES, RAW_FACTOR, checkTextSize, isFeedFile, readInputs, readRawFile, type InputRecord } from './files.ts'
import { extractHtml } from './html.ts'

/** What happened to one document. */
export type IngestOutcome =
  | { readonly status: 'ingested'; readonly origin: string; readonly key: string; readonly claims: number; readonly warnings: readonly string[] }
  | { readonly status: 'skipped'; readonly origin: string; readonly key: string; readonly by: 'url' | 'content' }
  | { readonly status: 'failed'; readonly origin: string; readonly reason: string }

/** Counts at the end of an ingest. */
export interface IngestSummary {
  readonly ingested: number
  readonly skipped: number
  readonly failed: number
  /** Milliseconds spent analysing documents, and in the store (look-ups and commits). */
  readonly analysisMs: number
  readonly storeMs: number
}

/** Options for {@link ingest}. */
export interface IngestOptions {
  readonly store: Store
  /** Loaded on first need: a re-run that skips everything never loads the models. */
  readonly analyzer: () => Analyzer
  /**
   * Treat URLs and feed files (`.xml`, `.rss`, `.atom`, `.rdf`, or any file whose content is
   * a feed) as RSS/Atom feeds and ingest their items; folders given beside them are read as
   * without it. A file given by name that is not a feed is refused before anything is stored.
   */
  readonly isFeed?: boolean
  readonly stdin?: NodeJS.ReadableStream
  /** Called after every document, in order. */
  readonly onOutcome?: (outcome: IngestOutcome) => void
  readonly fetchImpl?: typeof fetch
  readonly timeoutMs?: number
  /**
   * The cap on one document's text (default 1 MB); pages, feeds and HTML files may be
   * {@link RAW_FACTOR} times it in markup, a JSONL file 100 times.
   */
  readonly maxBytes?: number
  /** Least time between two page fetches from one host, in milliseconds (default 1000). */
  readonly hostDelayMs?: number
  /** Publication date (`YYYY-MM-DD`) and outlet for documents that do not carry their own. */
  readonly published?: string
  readonly outlet?: string
  /** Validators from the last fetch of a feed, for a conditional request (ETag, Last-Modified). */
  readonly feedValidators?: (url: string) => Promise<{ etag: string | null; lastModified: string | null } | null>
  /** Called after a feed was fetched: whether it changed, and its new validators. */
  readonly onFeedFetched?: (url: string, result: { modified: boolean; etag: string | null; lastModified: string | null }) => Promise<void>
}

// Feed items shorter than this (as text) are teasers: the linked page is fetched instead.
const MIN_FEED_CONTENT_CHARS = 400

// Wraps an error that must end the run: the models failed to load, or the store failed
// (read-only, full, unreachable), which no later document would get past either.
class FatalIngestError extends Error {
  constructor(readonly original: unknown) {
    super(reasonOf(original))
  }
}

/** Rethrow errors that end the run; return for those that belong to one document. */
function rethrowFatal(e: unknown): void {
  if (e instanceof FatalIngestError) throw e
  if (isClaimtrailError(e, 'STORE')) throw new FatalIngestError(e)
}

/** Whether an input names a URL rather than a path. */
export function isUrl(input: string): boolean {
  return /^https?:\/\//i.test(input)
}

function reasonOf(e: unknown): string {
  if (isClaimtrailError(e)) return e.message
  return e instanceof Error ? e.message : String(e)
}

function hostOutlet(url: string): string {
  try {
    return new URL(url).hostname.replace(/^www\./, '')
  } catch {
    return url
  }
}

// An RSS, Atom or RDF document starts (after an XML declaration, comments, processing
// instructions and white space) with one of these root elements.
const FEED_ROOT = /^(?:\uFEFF)?(?:\s|<\?[\s\S]*?\?>|<!--[\s\S]*?-->)*<(?:rss|feed|rdf:RDF)[\s>]/

/** Whether a file's first bytes look like an RSS, Atom or RDF feed. */
async function looksLikeFeed(path: string): Promise<boolean> {
  const handle = await open(path, 'r')
  try {
    const buf = Buffer.alloc(4096)
    const { bytesRead } = await handle.read(buf, 0, buf.length, 0)
    return FEED_ROOT.test(buf.subarray(0, bytesRead).toString('latin1'))
  } finally {
    await handle.close()
  }
}

/**
 * With `--feed`, which local inputs are feeds: files named `.xml`, `.rss`, `.atom` or
 * `.rdf`, and any other file whose content is a feed (one saved as `.txt` by a browser).
 * A file given by name that is no feed is refused before anything is read or stored
 * (session 14): `ingest --feed notes.txt` used to store the notes as an article without a
 * word. Folders beside feeds are still read as documents (session 12), and missing files
 * are left for the run to report as such. `enqueue --feed` runs the same check (`done` is
 * then "queued"; session 14, ux14b).
 *
 * @throws ClaimtrailError USAGE naming the file and how to add it as an article
 */
export async function localFeedInputs(inputs: readonly string[], done: 'stored' | 'queued' = 'stored'): Promise<Set<string>> {
  const feeds = new Set<string>()
  for (const input of inputs) {
    if (input === '-' || isUrl(input)) continue
    if (isFeedFile(input)) {
      feeds.add(input)
      continue
    }
    const info = await stat(input).catch(() => null)
    if (info === null || !info.isFile()) continue
    if (await looksLikeFeed(input).catch(() => false)) {
      feeds.add(input)
      continue
    }
    throw new ClaimtrailError('USAGE', `--feed: ${input} is not an RSS or Atom feed (it does not start with <rss>, <feed> or <rdf:RDF>); nothing was ${done}. To add it as an article, run the command without --feed`)
  }
  return feeds
}

/**
 * Ingest documents into the store: files, folders (recursive), `-` for stdin, URLs, and
 * with `isFeed` RSS/Atom feeds (URLs and feed files). Each article commits in its own transaction, so an
 * interrupted run keeps what it stored and a re-run skips it (by URL and by content
 * hash). A document that fails is reported and the others go on; a failing store (read-only,
 * full, unreachable) or models that cannot load end the run with that error.
 *
 * @example
 * const summary = await ingest(['examples/demo'], { store, analyzer: () => createAnalyzer() })
 */
export async function ingest(inputs: readonly string[], options: IngestOptions): Promise<IngestSummary> {
  const counts = { ingested: 0, skipped: 0, failed: 0 }
  const time = { analysisMs: 0, storeMs: 0 }
  let analyzer: Analyzer | null = null
  const report = (o: IngestOutcome): void => {
    counts[o.status]++
    options.onOutcome?.(o)
  }
  const store = options.store

  // Models load with the first document that needs them; their failure is no document's
  // fault, so it ends the run.
  const getAnalyzer = (): Analyzer => {
    if (analyzer === null) {
      try {
        analyzer = options.analyzer()
      } catch (e) {
        throw new FatalIngestError(e)
      }
    }
    return analyzer
  }

  const maxBytes = options.maxBytes ?? DEFAULT_MAX_BYTES
  // Checked before the first document: a non-feed file given with --feed stores nothing.
  const localFeeds = options.isFeed ? await localFeedInputs(inputs) : new Set<string>()
  const storeRecord = async (given: InputRecord): Promise<void> => {
    const record = { ...given, published: given.published ?? options.published ?? null, outlet: given.outlet ?? options.outlet ?? null }
    try {
      // Files were checked as they were read; pages and feed items are checked here.
      checkTextSize(record.text, record.origin, maxBytes)
      const r = await ingestRecord(store, record, getAnalyzer, time)
      if (r.status === 'inserted') report({ status: 'ingested', origin: record.origin, key: r.key, claims: r.claims, warnings: r.warnings })
      else report({ status: 'skipped', origin: record.origin, key: r.key, by: r.by })
    } catch (e) {
      rethrowFatal(e)
      // Analysis and store errors do not know the document: name it, as reading errors do.
      const reason = reasonOf(e)
      report({ status: 'failed', origin: record.origin, reason: reason.startsWith(`${record.origin}:`) ? reason : `${record.origin}: ${reason}` })
    }
    // Let the event loop turn: the records of one JSONL file are analysed and stored with
    // only promises between them, so without this a Ctrl-C handler (the CLI's) or a
    // server's other requests wait for the whole file (`start` heard Ctrl-C only after
    // the 39 demo articles). One turn a document costs microseconds beside its analysis.
    await nextTurn()
  }

  const fetchOptions = { fetchImpl: options.fetchImpl, timeoutMs: options.timeoutMs, maxBytes: maxBytes * RAW_FACTOR }

  // A feed of fifty teasers must not become fifty requests in a second to one publisher.
  const lastFetch = new Map<string, number>()
  const hostDelayMs = options.hostDelayMs ?? 1000
  const politeDelay = async (url: string): Promise<void> => {
    const host = hostOutlet(url)
    const wait = (lastFetch.get(host) ?? -Infinity) + hostDelayMs - Date.now()
    if (wait > 0) await sleep(wait)
    lastFetch.set(host, Date.now())
  }

  const page = async (url: string, meta: Partial<InputRecord> = {}): Promise<void> => {
    try {
      const known = normalizeUrl(url)
      const existing = known ? await store.findArticle({ url: known, contentHash: '' }) : null
      if (existing) {
        report({ status: 'skipped', origin: url, key: existing.key, by: 'url' })
        return
      }
      await politeDelay(url)
      const res = await fetchDocument(url, { ...fetchOptions, accept: [...PAGE_TYPES, ...FEED_TYPES] })
      if (res.status !== 'ok') return
      if ((FEED_TYPES as readonly string[]).includes(res.contentType)) {
        report({ status: 'failed', origin: url, reason: `${url}: is a feed (${res.contentType}); ingest it with --feed` })
        return
      }
      const html = res.contentType === 'text/plain' ? null : extractHtml(res.body)
      const text = html === null ? res.body : html.text
      if (text.trim() === '') {
        report({ status: 'failed', origin: url, reason: `${url}: no article text found` })
        return
      }
      await storeRecord({
        id: meta.id ?? url, text, title: meta.title ?? html?.title ?? null,
        published: meta.published ?? html?.published ?? null, url, outlet: meta.outlet ?? hostOutlet(url), origin: url,
      })
    } catch (e) {
      rethrowFatal(e)
      report({ status: 'failed', origin: url, reason: reasonOf(e) })
    }
  }

  const feedItem = async (item: FeedItem, outlet: string | null, feedUrl: string): Promise<void> => {
    const inline = item.content ?? item.summary
    const inlineText = inline === null ? '' : extractHtml(inline).text
    if (inlineText.length >= MIN_FEED_CONTENT_CHARS || item.url === null) {
      if (inlineText.trim() === '') {
        report({ status: 'failed', origin: `${feedUrl}#${item.id}`, reason: 'feed item has neither text nor a link' })
        return
      }
      await storeRecord({
        id: item.id, text: inlineText, title: item.title, published: item.published, url: item.url,
        outlet, origin: item.url ?? `${feedUrl}#${item.id}`,
      })
      return
    }
    await page(item.url, { id: item.id, title: item.title ?? undefined, published: item.published ?? undefined, outlet: outlet ?? undefined })
  }

  const feedItems = async (xml: string, origin: string, fallbackOutlet: string): Promise<void> => {
    const feed = parseFeed(xml, origin)
    for (const item of feed.items) await feedItem(item, feed.title ?? fallbackOutlet, origin)
  }

  const ingestInput = async (input: string): Promise<void> => {
    if (localFeeds.has(input)) {
      // A feed saved to disk: read as a fetched one is, teasers' pages fetched from the
      // web. Documents and folders given beside feeds are read as documents.
      try {
        await feedItems(decodeBody(await readRawFile(input, maxBytes * RAW_FACTOR), input, null), input, basename(input, extname(input)))
      } catch (e) {
        rethrowFatal(e)
        report({ status: 'failed', origin: input, reason: reasonOf(e) })
      }
    } else if (isUrl(input) && options.isFeed) {
      try {
        const validators = (await options.feedValidators?.(input)) ?? null
        const res = await fetchDocument(input, {
          ...fetchOptions, accept: FEED_TYPES, etag: validators?.etag, lastModified: validators?.lastModified,
        })
        if (res.status !== 'ok') {
          await options.onFeedFetched?.(input, { modified: false, etag: validators?.etag ?? null, lastModified: validators?.lastModified ?? null })
          return
        }
        await feedItems(res.body, input, hostOutlet(input))
        await options.onFeedFetched?.(input, { modified: true, etag: res.etag, lastModified: res.lastModified })
      } catch (e) {
        rethrowFatal(e)
        report({ status: 'failed', origin: input, reason: reasonOf(e) })
      }
    } else if (isUrl(input)) {
      await page(input)
    } else {
      for await (const r of readInputs([input], { stdin: options.stdin, maxBytes: options.maxBytes })) {
        if (r.ok) await storeRecord(r.record)
        else report({ status: 'failed', origin: r.origin, reason: `${r.origin}: ${r.reason}` })
      }
    }
  }

  try {
    for (const input of inputs) await ingestInput(input)
  } catch (e) {
    throw e instanceof FatalIngestError ? e.original : e
  }
  return { ...counts, analysisMs: Math.round(time.analysisMs), storeMs: Math.round(time.storeMs) }
}
