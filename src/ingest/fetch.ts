import { ClaimtrailError } from '../model/errors.ts'
import { DEFAULT_MAX_BYTES, RAW_FACTOR, sizesInUnit } from './files.ts'

/** Limits for {@link fetchDocument}. */
export interface FetchOptions {
  /** Whole-request timeout in milliseconds (default 20 s). */
  readonly timeoutMs?: number
  /** Largest body accepted, in bytes (default 10 MB: {@link RAW_FACTOR} times the 1 MB cap on a document's text). */
  readonly maxBytes?: number
  /** Content types accepted (media type only, lower case). */
  readonly accept?: readonly string[]
  /** Conditional request headers for polite polling. */
  readonly etag?: string | null
  readonly lastModified?: string | null
  /** The fetch implementation (tests pass a stub). */
  readonly fetchImpl?: typeof fetch
}

/** What a fetch returned: a body, or "not modified" for a conditional request. */
export type FetchResult =
  | {
    readonly status: 'ok'; readonly url: string; readonly contentType: string; readonly body: string
    readonly etag: string | null; readonly lastModified: string | null
  }
  | { readonly status: 'not-modified'; readonly url: string }

/** Media types of web pages and plain text. */
export const PAGE_TYPES = ['text/html', 'application/xhtml+xml', 'text/plain'] as const
/** Media types feeds are served with (many servers use the generic XML ones). */
export const FEED_TYPES = ['application/rss+xml', 'application/atom+xml', 'application/rdf+xml', 'application/xml', 'text/xml'] as const

const USER_AGENT = 'claimtrail/0.1 (news figure ledger; +https://github.com/claimtrail)'

/**
 * Fetch one URL with a timeout, a size cap and a content-type check. Redirects are
 * followed (at most fetch's default 20). Errors are {@link ClaimtrailError}s naming the URL.
 *
 * @example
 * const page = await fetchDocument('https://example.org/story', { accept: PAGE_TYPES })
 */
export async function fetchDocument(url: string, options: FetchOptions = {}): Promise<FetchResult> {
  let parsed: URL
  try {
    parsed = new URL(url)
  } catch {
    throw new ClaimtrailError('BAD_INPUT', `${url}: not a URL`)
  }
  if (parsed.protocol !== 'http:' && parsed.protocol !== 'https:') {
    throw new ClaimtrailError('UNSUPPORTED', `${url}: only http and https URLs can be fetched`)
  }
  const maxBytes = options.maxBytes ?? DEFAULT_MAX_BYTES * RAW_FACTOR
  const accept = options.accept ?? PAGE_TYPES
  const headers: Record<string, string> = { 'user-agent': USER_AGENT, accept: [...accept, '*/*;q=0.1'].join(', ') }
  if (options.etag) headers['if-none-match'] = options.etag
  if (options.lastModified) headers['if-modified-since'] = options.lastModified
  const doFetch = options.fetchImpl ?? fetch
  let res: Response
  try {
    res = await doFetch(url, { headers, redirect: 'follow', signal: AbortSignal.timeout(options.timeoutMs ?? 20_000) })
  } catch (e) {
    throw new ClaimtrailError('BAD_INPUT', `${url}: ${fetchFailure(e, parsed, options.timeoutMs ?? 20_000)}`)
  }
  if (res.status === 304) return { status: 'not-modified', url }
  if (!res.ok) {
    await res.body?.cancel().catch(() => {})
    throw new ClaimtrailError('BAD_INPUT', `${url}: HTTP ${res.status}`)
  }
  const contentType = (res.headers.get('content-type') ?? '').split(';')[0].trim().toLowerCase()
  if (!accept.includes(contentType)) {
    await res.body?.cancel().catch(() => {})
    throw new ClaimtrailError('UNSUPPORTED', `${url}: content type "${contentType || 'none'}" is not one of ${accept.join(', ')}`)
  }
  const declared = Number(res.headers.get('content-length') ?? '0')
  if (declared > maxBytes) {
    await res.body?.cancel().catch(() => {})
    throw overLimit(url, `${sizesInUnit(declared, maxBytes).size} is over`, maxBytes)
  }
  const body = await readCapped(res, url, maxBytes, charsetOf(res.headers.get('content-type')))
  return {
    status: 'ok', url: res.url || url, contentType, body,
    etag: res.headers.get('etag'), lastModified: res.headers.get('last-modified'),
  }
}

/**
 * Why a request got no answer, in words: undici's own message is "fetch failed", with
 * the reason in `cause` (a system error code, or a message such as "bad port").
 */
function fetchFailure(e: unknown, url: URL, timeoutMs: number): string {
  const err = e as Error & { cause?: { code?: string; message?: string } }
  if (err.name === 'TimeoutError' || err.name === 'AbortError') return `timed out after ${timeoutMs / 1000} s; raise --timeout if the site is slow`
  const where = url.host
  const code = err.cause?.code
  switch (code) {
    case 'ECONNREFUSED': return `cannot connect: nothing answers at ${where} (connection refused)`
    case 'ENOTFOUND': return `cannot connect: no such host "${url.hostname}" (check the URL)`
    case 'EAI_AGAIN': return `cannot connect: the name "${url.hostname}" could not be looked up (no DNS answer; check the network)`
    case 'ECONNRESET': return `the connection to ${where} was reset`
    case 'EHOSTUNREACH': case 'ENETUNREACH': return `cannot connect: ${where} is unreachable from this machine`
    case 'UND_ERR_CONNECT_TIMEOUT': return `cannot connect: ${where} did not answer in time`
    default: break
  }
  if (code !== undefined && /CERT|SSL|TLS/.test(code)) return `the TLS certificate of ${where} is not valid here (${code})`
  const message = err.cause?.message ?? err.message
  if (message === 'bad port') return `cannot fetch: port ${url.port} is a port browsers and fetch refuse to use (bad port)`
  return `cannot fetch (${code ?? message})`
}

/** The `charset` parameter of a Content-Type header, lower case, or null. */
function charsetOf(contentType: string | null): string | null {
  const m = /;\s*charset\s*=\s*"?([^";\s]+)"?/i.exec(contentType ?? '')
  return m === null ? null : m[1].toLowerCase()
}

// A document that declares no charset in its header may in its first bytes: an XML
// declaration (`<?xml version="1.0" encoding="windows-1252"?>`, how feeds and XHTML pages
// usually do it: XML 1.0 section 4.3.3), else a `<meta charset>` (HTML5 prescan, simplified).
function declaredInBody(bytes: Uint8Array): string | null {
  const head = Buffer.from(bytes.subarray(0, 2048)).toString('latin1')
  const xml = /^(?:\xef\xbb\xbf)?\s*<\?xml\s[^>]*?\bencoding\s*=\s*["']([\w.:-]+)["']/i.exec(head)
  if (xml !== null) return xml[1].toLowerCase()
  const m = /<meta[^>]+charset\s*=\s*["']?([\w.:-]+)/i.exec(head)
  return m === null ? null : m[1].toLowerCase()
}

// Node 20's TextDecoder decodes windows-1252 (also the WHATWG meaning of "iso-8859-1"
// and "latin1") as ISO-8859-1, leaving bytes 0x80-0x9F as C1 controls; these are their
// characters in the WHATWG index (curly quotes and dashes are common in news).
const WINDOWS_1252 = [
  '\u20ac', '\x81', '\u201a', '\u0192', '\u201e', '\u2026', '\u2020', '\u2021', '\u02c6', '\u2030', '\u0160', '\u2039', '\u0152', '\x8d', '\u017d', '\x8f',
  '\x90', '\u2018', '\u2019', '\u201c', '\u201d', '\u2022', '\u2013', '\u2014', '\u02dc', '\u2122', '\u0161', '\u203a', '\u0153', '\x9d', '\u017e', '\u0178',
]

/**
 * Decode a body in its declared encoding (the header's charset, else the XML
 * declaration's `encoding`, else a `<meta charset>`, else UTF-8). Many news sites still
 * serve windows-1252, EUC-KR or Shift_JIS; the text is stored decoded, and offsets index
 * that text, so any declared encoding is safe. Bytes invalid in the encoding are refused,
 * never replaced. `ingest --feed FILE` decodes a feed saved to disk the same way.
 */
export function decodeBody(bytes: Uint8Array, url: string, declared: string | null): string {
  const label = declared ?? declaredInBody(bytes) ?? 'utf-8'
  let decoder: TextDecoder
  try {
    decoder = new TextDecoder(label, { fatal: true })
  } catch {
    throw new ClaimtrailError('UNSUPPORTED', `${url}: unknown character encoding "${label}"`)
  }
  try {
    const text = decoder.decode(bytes)
    return decoder.encoding === 'windows-1252' ? text.replace(/[\x80-\x9f]/g, (c) => WINDOWS_1252[c.charCodeAt(0) - 0x80]) : text
  } catch {
    throw new ClaimtrailError('BAD_INPUT', `${url}: body is not valid ${decoder.encoding === 'utf-8' ? 'UTF-8' : label} text`)
  }
}

function overLimit(url: string, what: string, maxBytes: number): ClaimtrailError {
  return new ClaimtrailError('TOO_LARGE',
    `${url}: ${what} the ${sizesInUnit(maxBytes, maxBytes).limit} download limit (${RAW_FACTOR} times --max-bytes, since markup is not text); raise --max-bytes`)
}

// Content-Length can lie or be absent: count bytes as they arrive.
async function readCapped(res: Response, url: string, maxBytes: number, charset: string | null): Promise<string> {
  if (!res.body) return ''
  const reader = res.body.getReader()
  const chunks: Uint8Array[] = []
  let size = 0
  for (;;) {
    const { done, value } = await reader.read()
    if (done) break
    size += value.byteLength
    if (size > maxBytes) {
      await reader.cancel().catch(() => {})
      throw overLimit(url, 'the body is over', maxBytes)
    }
    chunks.push(value)
  }
  return decodeBody(Buffer.concat(chunks), url, charset)
}
