import { readdir, readFile, stat } from 'node:fs/promises'
import { basename, extname, join } from 'node:path'
import { z } from 'zod'
import { ClaimtrailError, fileErrorReason } from '../model/errors.ts'
import { extractHtml } from './html.ts'

/** One document read from the user's input, before analysis. */
export interface InputRecord {
  readonly id: string
  readonly text: string
  readonly title: string | null
  readonly published: string | null
  readonly url: string | null
  readonly outlet: string | null
  /** Where it came from, for messages: a path, `path:line`, or `stdin`. */
  readonly origin: string
}

/** A document read, or the reason it could not be. */
export type InputResult =
  | { readonly ok: true; readonly record: InputRecord }
  | { readonly ok: false; readonly origin: string; readonly reason: string }

/** Options for {@link readInputs}. */
export interface ReadOptions {
  /** Standard input, read when a path is `-` or no path is given. */
  readonly stdin?: NodeJS.ReadableStream
  /** Largest document text accepted, in bytes (default {@link DEFAULT_MAX_BYTES}). */
  readonly maxBytes?: number
  /** Publication date for documents that do not carry one (`--published`). */
  readonly published?: string | null
}

/**
 * The default cap on one document's text: 1 MB (session 11; it was 10 MB). Analysis time
 * grows linearly with length, about a minute per MB on a loaded 2-core machine, so a
 * 10 MB file meant minutes of silence before any answer, while the longest PolNeAR
 * article is 34 KB and news articles are rarely over 100 KB: a document over 1 MB is
 * almost always a mistake (a whole archive saved as one file). `--max-bytes` raises it.
 */
export const DEFAULT_MAX_BYTES = 1024 * 1024
/**
 * Markup may be this many times the cap, since markup, scripts and styles are not text:
 * an HTML file, a JSONL line, a fetched page and a feed (file or URL). What is analysed,
 * the extracted text of each document, is held to the cap itself.
 */
export const RAW_FACTOR = 10
const TEXT_EXTENSIONS = new Set(['.txt', '.text', '.md', ''])
const HTML_EXTENSIONS = new Set(['.html', '.htm', '.xhtml'])
const ISO_DATE = /^\d{4}-\d{2}-\d{2}$/
// Names feeds are saved under: `ingest --feed` reads such a file as a feed; given
// without --feed, the error says how to read it.
const FEED_EXTENSIONS = new Set(['.xml', '.rss', '.atom', '.rdf'])

/** Whether a path names a feed saved to disk (`.xml`, `.rss`, `.atom`, `.rdf`). */
export function isFeedFile(path: string): boolean {
  return FEED_EXTENSIONS.has(extname(path).toLowerCase())
}

const JsonlRecord = z.object({
  id: z.union([z.string().min(1, 'must not be empty'), z.number()], 'must be a string or a number').transform(String),
  text: z.string().optional(),
  html: z.string().optional(),
  published: z.string().regex(ISO_DATE, 'published must be YYYY-MM-DD').nullish(),
  url: z.string().nullish(),
  title: z.string().nullish(),
  outlet: z.string().nullish(),
// (a line that is JSON but no object, "[1]" or "42", is told as a line that is no JSON is)
}, { error: 'not a JSON object' }).refine((r) => r.text !== undefined || r.html !== undefined, { message: 'needs "text" or "html"' })

/** Whether a string is a real calendar date `YYYY-MM-DD`. */
export function isIsoDate(s: string): boolean {
  if (!ISO_DATE.test(s)) return false
  const d = new Date(`${s}T00:00:00Z`)
  return !Number.isNaN(d.getTime()) && d.toISOString().slice(0, 10) === s
}

/** Whether a string is a real year `YYYY`, month `YYYY-MM` or day `YYYY-MM-DD` (a date filter's bound). */
export function isDateBound(s: string): boolean {
  const m = s.match(/^\d{4}(?:-(\d{2}))?(-\d{2})?$/)
  if (m === null) return false
  if (m[2] !== undefined) return isIsoDate(s)
  return m[1] === undefined || (+m[1] >= 1 && +m[1] <= 12)
}

// Strict UTF-8: invalid bytes are an error, not U+FFFD. The BOM is kept so that offsets
// index the text exactly as given.
const utf8 = new TextDecoder('utf-8', { fatal: true, ignoreBOM: true })

/** A size and a limit in the limit's unit ("1.3 MB", "1 MB"), the size rounded up: "10.0 MB is over the 10 MB limit" would puzzle. */
export function sizesInUnit(size: number, limit: number): { readonly size: string; readonly limit: string } {
  const unit = limit >= 1048576 ? 1048576 : limit >= 1024 ? 1024 : 1
  const name = unit === 1048576 ? 'MB' : unit === 1024 ? 'KB' : 'bytes'
  const sizeText = unit === 1 ? `${size}` : (Math.ceil((size / unit) * 10) / 10).toFixed(1)
  const limitText = unit === 1 ? `${limit}` : `${+(limit / unit).toFixed(1)}`
  return { size: `${sizeText} ${name}`, limit: `${limitText} ${name}` }
}

function tooLarge(origin: string, size: number, maxBytes: number, isDefault = false): ClaimtrailError {
  const t = sizesInUnit(size, maxBytes)
  return new ClaimtrailError('TOO_LARGE',
    `${origin}: ${t.size} is over the ${t.limit} limit per document; split it or raise --max-bytes` +
    (isDefault ? ` (${t.limit} is the default: news articles are rarely over 100 KB, and analysis takes about a minute per MB)` : ''))
}

/** The cap on a document's text: too large a text is refused before it is analysed. */
export function checkTextSize(text: string, origin: string, maxBytes = DEFAULT_MAX_BYTES): void {
  const size = Buffer.byteLength(text)
  if (size > maxBytes) throw tooLarge(origin, size, maxBytes, maxBytes === DEFAULT_MAX_BYTES)
}

/** Decode bytes as UTF-8 text, refusing binary data and invalid encodings with a reason. */
export function decodeText(bytes: Uint8Array, origin: string, maxBytes = DEFAULT_MAX_BYTES): string {
  if (bytes.length > maxBytes) throw tooLarge(origin, bytes.length, maxBytes, maxBytes === DEFAULT_MAX_BYTES)
  const head = bytes.subarray(0, 8192)
  if (head.includes(0)) throw new ClaimtrailError('BAD_INPUT', `${origin}: binary file, not text`)
  try {
    return utf8.decode(bytes)
  } catch {
    throw new ClaimtrailError('BAD_INPUT', `${origin}: not valid UTF-8 text; convert it to UTF-8 first`)
  }
}

function textRecord(id: string, text: string, origin: string, published: string | null, maxBytes: number): InputRecord {
  if (text.trim() === '') throw new ClaimtrailError('BAD_INPUT', `${origin}: empty document, nothing to analyse`)
  checkTextSize(text, origin, maxBytes)
  // U+0000 is never article text, and PostgreSQL cannot store it in a text column: refuse
  // it here so that both ledgers treat the document alike.
  if (text.includes('\0')) throw new ClaimtrailError('BAD_INPUT', `${origin}: contains NUL characters (U+0000), so it is not a text document`)
  return { id, text, title: null, published, url: null, outlet: null, origin }
}

function htmlRecord(id: string, html: string, origin: string, published: string | null, maxBytes: number): InputRecord {
  const article = extractHtml(html)
  if (article.text.trim() === '') throw new ClaimtrailError('BAD_INPUT', `${origin}: no article text found in the HTML`)
  checkTextSize(article.text, origin, maxBytes)
  return { id, text: article.text, title: article.title, published: article.published ?? published, url: null, outlet: null, origin }
}

function* jsonlRecords(content: string, origin: string, published: string | null, maxBytes: number): Generator<InputResult> {
  const lines = content.split('\n')
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i].trim()
    if (line === '') continue
    const where = `${origin}:${i + 1}`
    // The per-document cap holds per record: one 50 MB line must not even be parsed. A
    // line may hold HTML, so it gets the raw allowance; its text is held to the cap below.
    const size = Buffer.byteLength(line)
    if (size > maxBytes * RAW_FACTOR) {
      yield failure(where, tooLarge(where, size, maxBytes * RAW_FACTOR))
      continue
    }
    let raw: unknown
    try {
      raw = JSON.parse(line)
    } catch {
      yield { ok: false, origin: where, reason: 'not a JSON object' }
      continue
    }
    const parsed = JsonlRecord.safeParse(raw)
    if (!parsed.success) {
      const issue = parsed.error.issues[0]
      const path = issue.path.length > 0 ? `"${issue.path.join('.')}": ` : ''
      yield { ok: false, origin: where, reason: `${path}${issue.message}` }
      continue
    }
    const r = parsed.data
    if (r.published && !isIsoDate(r.published)) {
      yield { ok: false, origin: where, reason: `"published": ${r.published} is not a calendar date` }
      continue
    }
    try {
      const base = r.text !== undefined
        ? textRecord(r.id, r.text, where, r.published ?? published, maxBytes)
        : htmlRecord(r.id, r.html ?? '', where, r.published ?? published, maxBytes)
      yield {
        ok: true,
        record: {
          ...base, title: r.title ?? base.title, url: r.url ?? null, outlet: r.outlet ?? null,
        },
      }
    } catch (e) {
      yield failure(where, e)
    }
  }
}

function failure(origin: string, e: unknown): InputResult {
  if (e instanceof ClaimtrailError) {
    const prefix = `${origin}: `
    return { ok: false, origin, reason: e.message.startsWith(prefix) ? e.message.slice(prefix.length) : e.message }
  }
  return { ok: false, origin, reason: fileErrorReason(e) }
}

async function readStream(stream: NodeJS.ReadableStream, maxBytes: number): Promise<Uint8Array> {
  const chunks: Buffer[] = []
  let size = 0
  for await (const chunk of stream) {
    const b = typeof chunk === 'string' ? Buffer.from(chunk) : Buffer.from(chunk as Uint8Array)
    size += b.length
    if (size > maxBytes) throw tooLarge('stdin', size, maxBytes, maxBytes === DEFAULT_MAX_BYTES)
    chunks.push(b)
  }
  return Buffer.concat(chunks)
}

async function* walk(dir: string): AsyncGenerator<string> {
  const entries = await readdir(dir, { withFileTypes: true })
  entries.sort((a, b) => a.name.localeCompare(b.name))
  for (const entry of entries) {
    if (entry.name.startsWith('.')) continue
    const path = join(dir, entry.name)
    if (entry.isDirectory()) yield* walk(path)
    else if (entry.isFile() && isReadableType(path)) yield path
  }
}

function isReadableType(path: string): boolean {
  const ext = extname(path).toLowerCase()
  return TEXT_EXTENSIONS.has(ext) || HTML_EXTENSIONS.has(ext) || ext === '.jsonl'
}

/** Read one file into documents (several for `.jsonl`). */
export async function* readFileInputs(path: string, options: ReadOptions = {}): AsyncGenerator<InputResult> {
  const maxBytes = options.maxBytes ?? DEFAULT_MAX_BYTES
  const published = options.published ?? null
  const ext = extname(path).toLowerCase()
  const id = basename(path, extname(path))
  try {
    if (!TEXT_EXTENSIONS.has(ext) && !HTML_EXTENSIONS.has(ext) && ext !== '.jsonl') {
      const feedHint = FEED_EXTENSIONS.has(ext) ? " (an RSS or Atom feed: 'claimtrail ingest --feed FILE' reads it)" : ''
      throw new ClaimtrailError('UNSUPPORTED', `${path}: unsupported file type "${ext}"; use .txt, .html or .jsonl${feedHint}`)
    }
    // JSONL files hold many documents: the per-document cap applies per line. An HTML
    // file is mostly markup: its extracted text is held to the cap.
    const limit = ext === '.jsonl' ? maxBytes * 100 : HTML_EXTENSIONS.has(ext) ? maxBytes * RAW_FACTOR : maxBytes
    const isDefault = maxBytes === DEFAULT_MAX_BYTES && limit === maxBytes
    const info = await stat(path)
    if (info.isDirectory()) throw Object.assign(new Error('is a directory'), { code: 'EISDIR' })
    if (info.size > limit) throw tooLarge(path, info.size, limit, isDefault)
    const content = decodeText(await readFile(path), path, limit)
    if (ext === '.jsonl') {
      yield* jsonlRecords(content, path, published, maxBytes)
    } else if (HTML_EXTENSIONS.has(ext)) {
      yield { ok: true, record: htmlRecord(id, content, path, published, maxBytes) }
    } else {
      yield { ok: true, record: textRecord(id, content, path, published, maxBytes) }
    }
  } catch (e) {
    yield failure(path, e)
  }
}

/**
 * Read one file as bytes, refusing it over `maxBytes`: a feed saved to disk, which
 * `ingest --feed` parses itself (it may declare its encoding).
 */
export async function readRawFile(path: string, maxBytes: number): Promise<Uint8Array> {
  try {
    const info = await stat(path)
    if (info.isDirectory()) throw Object.assign(new Error('is a directory'), { code: 'EISDIR' })
    if (info.size > maxBytes) throw tooLarge(path, info.size, maxBytes)
    return await readFile(path)
  } catch (e) {
    if (e instanceof ClaimtrailError) throw e
    const r = failure(path, e)
    throw new ClaimtrailError('BAD_INPUT', `${path}: ${r.ok ? '' : r.reason}`)
  }
}

/**
 * Read documents from paths: files (`.txt`, `.html`, `.jsonl`), folders (recursively,
 * those file types), and `-` for standard input (as text). No paths means standard
 * input. Every failure is yielded with its reason; reading goes on with the next input.
 *
 * @example
 * for await (const r of readInputs(['article.txt'])) if (r.ok) console.log(r.record.id)
 */
export async function* readInputs(paths: readonly string[], options: ReadOptions = {}): AsyncGenerator<InputResult> {
  const maxBytes = options.maxBytes ?? DEFAULT_MAX_BYTES
  const list = paths.length === 0 ? ['-'] : paths
  for (const path of list) {
    if (path === '-') {
      try {
        if (!options.stdin) throw new ClaimtrailError('USAGE', 'stdin: no standard input available')
        const text = decodeText(await readStream(options.stdin, maxBytes), 'stdin', maxBytes)
        yield { ok: true, record: textRecord('stdin', text, 'stdin', options.published ?? null, maxBytes) }
      } catch (e) {
        yield failure('stdin', e)
      }
      continue
    }
    let isDir = false
    try {
      isDir = (await stat(path)).isDirectory()
    } catch (e) {
      // `ingest` fetches URLs before it reads files; whoever gets here was given one to read.
      const isUrl = /^https?:\/\//i.test(path) && (e as NodeJS.ErrnoException).code === 'ENOENT'
      yield isUrl
        ? { ok: false, origin: path, reason: "a URL, and this command reads files; save the page first, or add it to the ledger with 'claimtrail ingest URL'" }
        : failure(path, e)
      continue
    }
    if (isDir) {
      let found = 0
      for await (const file of walk(path)) {
        found++
        yield* readFileInputs(file, options)
      }
      // An empty folder is almost always a wrong path: say so rather than do nothing.
      if (found === 0) yield { ok: false, origin: path, reason: 'no .txt, .html or .jsonl files in this folder' }
    } else {
      yield* readFileInputs(path, options)
    }
  }
}
