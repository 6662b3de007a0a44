import { createHash, timingSafeEqual } from 'node:crypto'
import { Hono } from 'hono'
import { bodyLimit } from 'hono/body-limit'
import { createAnalyzer, type Analyzer } from '../analyze.ts'
import { ClaimtrailError, isClaimtrailError } from '../model/errors.ts'
import type { Store } from '../store/store.ts'
import { registerWeb, webErrorPage } from '../web/routes.ts'
import { errorResponse } from './errors.ts'
import { registerApi } from './routes.ts'

/** Options for {@link createApp}. */
export interface AppOptions {
  readonly store: Store
  /** When set, every write request (except POST /api/extract) needs `Authorization: Bearer <token>`. */
  readonly token?: string | null
  /** Largest request body accepted, in bytes (default 1 MB). */
  readonly maxBodyBytes?: number
  /** Builds the analyzer on first use (tests pass a ready one); default `createAnalyzer()`. */
  readonly analyzer?: () => Analyzer
}

/** What route handlers share. */
export interface AppContext {
  readonly store: Store
  /** The analyzer, loaded once on first need: a server that only browses never loads the models. */
  analyzer(): Analyzer
}

/** Default request body limit: 1 MB, far above any news article. */
export const DEFAULT_MAX_BODY_BYTES = 1024 * 1024

const WRITE_METHODS = new Set(['POST', 'PUT', 'PATCH', 'DELETE'])
// Paths that take a body but store nothing, so they stay open without the token.
const OPEN_WRITES = new Set(['/api/extract'])

function digest(s: string): Buffer {
  return createHash('sha256').update(s).digest()
}

/** Whether an Authorization header carries the token; compared in constant time. */
export function hasToken(header: string | undefined, token: string): boolean {
  const m = header?.match(/^Bearer\s+(.+)$/i)
  if (!m) return false
  return timingSafeEqual(digest(m[1].trim()), digest(token))
}

function lazyAnalyzer(make: () => Analyzer): () => Analyzer {
  let analyzer: Analyzer | null = null
  return () => {
    if (analyzer) return analyzer
    try {
      analyzer = make()
    } catch (e) {
      // A missing model is the server's problem, not the client's: never a 404 for it.
      const message = isClaimtrailError(e) || e instanceof Error ? e.message : String(e)
      throw new ClaimtrailError('PIPELINE', `the extractor could not be loaded: ${message}`, { cause: e })
    }
    return analyzer
  }
}

/**
 * The claimtrail HTTP application: the JSON API under /api and the web pages, one Hono
 * app. Serve it with `startServer` or call `app.request()` in tests.
 *
 * @example
 * const app = createApp({ store: await openStore({ db: 'ledger.db' }), token: process.env.CLAIMTRAIL_TOKEN })
 */
export function createApp(options: AppOptions): Hono {
  const app = new Hono()
  const ctx: AppContext = { store: options.store, analyzer: lazyAnalyzer(options.analyzer ?? (() => createAnalyzer())) }
  const token = options.token ?? null
  const maxSize = options.maxBodyBytes ?? DEFAULT_MAX_BODY_BYTES

  app.use('*', async (c, next) => {
    await next()
    c.header('X-Content-Type-Options', 'nosniff')
    c.header('Referrer-Policy', 'same-origin')
    // Pages load scripts and styles only from /static: even if some stored string
    // slipped through escaping, the browser would refuse to run inline script.
    if (!c.req.path.startsWith('/api/')) {
      c.header('Content-Security-Policy', "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; object-src 'none'; base-uri 'none'; form-action 'self'; frame-ancestors 'none'")
    }
  })

  app.use('/api/*', async (c, next) => {
    if (token !== null && WRITE_METHODS.has(c.req.method) && !OPEN_WRITES.has(c.req.path) && !hasToken(c.req.header('Authorization'), token)) {
      c.header('WWW-Authenticate', 'Bearer realm="claimtrail"')
      throw new ClaimtrailError('UNAUTHORIZED', 'this server needs a token for writes: send Authorization: Bearer <token>')
    }
    await next()
  })

  app.use('/api/*', bodyLimit({
    maxSize,
    onError: (c) => {
      // The rest of the body is never read: close the connection rather than leave the
      // client's unsent bytes to be parsed as the next request.
      c.header('Connection', 'close')
      return errorResponse(c, new ClaimtrailError('TOO_LARGE', `request body over ${maxSize} bytes; send one article at a time`))
    },
  }))

  registerApi(app, ctx)
  registerWeb(app, ctx)

  // API clients get JSON errors; people browsing get a page with the same message.
  app.onError((e, c) => (c.req.path.startsWith('/api/') ? errorResponse(c, e) : webErrorPage(c, e)))
  app.notFound((c) => {
    const e = new ClaimtrailError('NOT_FOUND', `no page ${c.req.path}`)
    return c.req.path.startsWith('/api/') ? errorResponse(c, e) : webErrorPage(c, e)
  })
  return app
}
