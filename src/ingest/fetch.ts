import { ClaimtrailError } from '../model/errors.ts'

/** Limits for {@link fetchDocument}. */
export interface FetchOptions {
  /** Whole-request timeout in milliseconds (default 20 s). */
  readonly timeoutMs?: number
  /** Largest body accepted, in bytes (default 5 MB). */
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
  const maxBytes = options.maxBytes ?? 5 * 1024 * 1024
  const accept = options.accept ?? PAGE_TYPES
  const headers: Record<string, string> = { 'user-agent': USER_AGENT, accept: [...accept, '*/*;q=0.1'].join(', ') }
  if (options.etag) headers['if-none-match'] = options.etag
  if (options.lastModified) headers['if-modified-since'] = options.lastModified
  const doFetch = options.fetchImpl ?? fetch
  let res: Response
  try {
    res = await doFetch(url, { headers, redirect: 'follow', signal: AbortSignal.timeout(options.timeoutMs ?? 20_000) })
  } catch (e) {
    const err = e as Error & { cause?: { code?: string } }
    const reason = err.name === 'TimeoutError' || err.name === 'AbortError' ? 'timed out'
      : err.cause?.code ?? err.message
    throw new ClaimtrailError('BAD_INPUT', `${url}: fetch failed (${reason})`)
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
    throw new ClaimtrailError('TOO_LARGE', `${url}: ${declared} bytes is over the ${maxBytes}-byte limit`)
  }
  const body = await readCapped(res, url, maxBytes)
  return {
    status: 'ok', url: res.url || url, contentType, body,
    etag: res.headers.get('etag'), lastModified: res.headers.get('last-modified'),
  }
}

// Content-Length can lie or be absent: count bytes as they arrive.
async function readCapped(res: Response, url: string, maxBytes: number): Promise<string> {
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
      throw new ClaimtrailError('TOO_LARGE', `${url}: body is over the ${maxBytes}-byte limit`)
    }
    chunks.push(value)
  }
  try {
    return new TextDecoder('utf-8', { fatal: true }).decode(Buffer.concat(chunks))
  } catch {
    throw new ClaimtrailError('BAD_INPUT', `${url}: body is not valid UTF-8`)
  }
}
