import type { Context, Hono } from 'hono'
import { z } from 'zod'
import { figureJson } from '../ledger/view.ts'
import { blockersOf, editJson, loadEdits, recordEdit, undoEdit } from '../ledger/edits.ts'
import { toJsonDocument } from '../format/json.ts'
import { contentHash, normalizeUrl } from '../ingest/article.ts'
import { isDateBound, isIsoDate } from '../ingest/files.ts'
import { extractHtml } from '../ingest/html.ts'
import { ClaimtrailError } from '../model/errors.ts'
import { CATEGORIES } from '../model/types.ts'
import type { Decision, Figure } from '../reconcile/figures.ts'
import type { LedgerClaim, StoredArticle } from '../store/store.ts'
import { fromZod } from './errors.ts'
import { exportRows, toCsv } from '../ledger/export.ts'
import { ingestRecord } from '../ingest/record.ts'
import { expandDate, figureById, figureOfClaim, ledgerView, sameClaimGroups, searchLedger, sourceDetail, summarizeSources } from './ledger.ts'
import { openApiDocument } from './openapi.ts'
import type { AppContext } from './app.ts'

/**
 * The JSON API under /api: a thin shell over the store, reconcile and the analyzer.
 * Input is parsed with zod schemas; everything thrown reaches the app's error handler.
 */

const DATE = z.string().refine(isDateBound, 'use a real date: YYYY, YYYY-MM or YYYY-MM-DD')
const ISO_DAY = z.string().refine(isIsoDate, 'must be a date YYYY-MM-DD')
// One message for any wrong page number, in the words the user needs ("limit: give a whole
// number from 1 to 500"), not zod's ("expected number, received NaN"). Session 15 (rev15).
const wholeNumber = (min: number, max?: number) => {
  const error = max === undefined ? `give a whole number, ${min} or more` : `give a whole number from ${min} to ${max}`
  const n = z.coerce.number({ error }).int({ error }).min(min, { error })
  return max === undefined ? n : n.max(max, { error })
}
const LIMIT = (max: number, fallback: number) => wholeNumber(1, max).default(fallback)
const OFFSET = wholeNumber(0).default(0)
const TEXT = z.string().trim().min(1).max(500)

const ClaimsQuery = z.object({
  source: TEXT.optional(), figure: TEXT.optional(), category: z.enum(CATEGORIES).optional(),
  since: DATE.optional(), until: DATE.optional(), text: TEXT.optional(),
  limit: LIMIT(500, 50), offset: OFFSET, cursor: z.string().max(200).optional(),
})
const ArticlesQuery = z.object({
  text: TEXT.optional(), outlet: TEXT.optional(), since: DATE.optional(), until: DATE.optional(),
  limit: LIMIT(500, 50), offset: OFFSET,
})
const FiguresQuery = z.object({
  category: z.enum(CATEGORIES).optional(),
  status: z.enum(['corroborated', 'conflicting', 'revised', 'single-source']).optional(),
})
const SearchQuery = z.object({ q: TEXT, limit: LIMIT(100, 20), group: z.enum(['0', '1']).default('0') })
const ExportQuery = z.object({
  format: z.enum(['csv', 'json']).default('csv'), figure: TEXT.optional(), category: z.enum(CATEGORIES).optional(),
  since: DATE.optional(), until: DATE.optional(),
})
const HTTP_URL = z.string().max(2000).refine((u) => normalizeUrl(u) !== null, 'must be an absolute http(s) URL')
// As `claimtrail extract` reads a file: white space only is an empty document, and U+0000
// is no text. Refined, not trimmed: offsets index the text as sent.
const DOCUMENT_TEXT = z.string().min(1, 'must not be empty')
  .refine((t) => t.trim() !== '', 'empty document (white space only), nothing to analyse')
  .refine((t) => !t.includes('\0'), 'contains NUL characters (U+0000), so it is not a text document')
const ExtractBody = z.object({
  text: DOCUMENT_TEXT, published: ISO_DAY.nullish(), id: z.string().max(200).nullish(),
  title: z.string().max(1000).nullish(),
})
const ArticleBody = z.object({
  text: z.string().optional(), html: z.string().optional(), id: z.string().min(1).max(200).optional(),
  url: HTTP_URL.nullish(), title: z.string().max(1000).nullish(), outlet: z.string().max(200).nullish(),
  published: ISO_DAY.nullish(),
}).refine((b) => (b.text === undefined) !== (b.html === undefined), { message: 'give exactly one of "text" or "html"' })
const FIGURE_ID = z.string().min(1).max(300).regex(/^[a-z0-9~-]+(?:\/[a-z0-9~-]+)*$/, 'lower-case words, digits, hyphens, tildes and slashes')
const MergeBody = z.object({ figure: z.string().min(1).max(300), into: z.string().min(1).max(300) })
const SplitBody = z.object({
  claimKeys: z.array(z.string().min(1).max(300)).min(1).max(10_000), label: z.string().trim().min(1).max(200).nullish(),
  newFigure: FIGURE_ID.optional(),
})
const RenameBody = z.object({ label: z.string().trim().min(1).max(200) })
const EditsQuery = z.object({ limit: LIMIT(500, 50), offset: OFFSET })
const EDITS_HINT = 'GET /api/edits'

function parse<T extends z.ZodType>(schema: T, input: unknown, where: string): z.infer<T> {
  const r = schema.safeParse(input)
  if (!r.success) throw fromZod(r.error, where)
  return r.data
}

function requireJsonType(c: Context): void {
  // Requiring the JSON content type also stops cross-site forms: a page elsewhere cannot
  // send application/json to this server without a CORS preflight, which is never granted.
  if (!/^application\/json\b/i.test(c.req.header('Content-Type') ?? '')) {
    throw new ClaimtrailError('BAD_INPUT', 'body: send JSON with Content-Type: application/json')
  }
}

async function jsonBody(c: Context): Promise<unknown> {
  requireJsonType(c)
  try {
    return await c.req.json()
  } catch {
    throw new ClaimtrailError('BAD_INPUT', 'body: not valid JSON; send a JSON object with Content-Type: application/json')
  }
}

/** An opaque pagination cursor: the offset of the next page. */
function encodeCursor(offset: number): string {
  return Buffer.from(JSON.stringify({ o: offset })).toString('base64url')
}

function decodeCursor(cursor: string): number {
  try {
    const o = (JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8')) as { o?: unknown }).o
    if (typeof o === 'number' && Number.isInteger(o) && o >= 0) return o
  } catch { /* falls through to the error below */ }
  throw new ClaimtrailError('BAD_INPUT', 'cursor: not a cursor this server issued; start again without it')
}

/** Article metadata for the API: everything but the MinHash signature, which is internal. */
export function articleJson(a: StoredArticle): Record<string, unknown> {
  const { signature: _signature, ...rest } = a
  return rest
}

function claimJson(c: LedgerClaim, figures: ReadonlyMap<string, string>): Record<string, unknown> {
  return { ...c, figure: figures.get(c.key) ?? null }
}

/** A figure with its timeline: the figures listing's fields plus every point, with the quote's offsets. */
export function figureDetailJson(f: Figure, claims: readonly LedgerClaim[]): Record<string, unknown> {
  const byKey = new Map(claims.map((c) => [c.key, c]))
  return {
    ...figureJson(f),
    timeline: f.points.map((p) => ({ ...p, start: byKey.get(p.claimKey)?.start ?? null, end: byKey.get(p.claimKey)?.end ?? null })),
  }
}

function figurePathOf(c: Context): string {
  // Figure ids contain slashes: take the rest of the raw path and decode it, so both
  // /api/figures/killed/north-korea/troops and .../killed%2Fnorth-korea%2Ftroops work.
  const rest = c.req.path.slice('/api/figures/'.length)
  try {
    return decodeURIComponent(rest)
  } catch {
    throw new ClaimtrailError('BAD_INPUT', 'figure id: bad percent-encoding')
  }
}

function requireFigure(figures: { figures: readonly Figure[]; decisions: readonly Decision[] }, id: string): Figure {
  const f = figureById(figures, id)
  if (!f) throw new ClaimtrailError('NOT_FOUND', `no figure "${id}"; GET /api/figures lists them`)
  return f
}

/**
 * Every API route and the methods it answers, first match wins (so `/api/figures/merge`
 * and the `/split` and `/rename` actions come before a figure's own path, whose id
 * contains slashes). GET routes answer HEAD too. A request whose path is here but whose
 * method is not gets 405 with an `Allow` header, not a 404 that says the path does not
 * exist; OPTIONS gets the `Allow` header alone. Kept in step with the OpenAPI document
 * by `api.test.ts`.
 */
export const API_ROUTES: ReadonlyArray<{ readonly path: string; readonly pattern: RegExp; readonly methods: readonly string[] }> = [
  { path: '/api/openapi.json', pattern: /^\/api\/openapi\.json$/, methods: ['GET'] },
  { path: '/api/figures', pattern: /^\/api\/figures$/, methods: ['GET'] },
  { path: '/api/figures/merge', pattern: /^\/api\/figures\/merge$/, methods: ['POST'] },
  { path: '/api/figures/{id}/split', pattern: /^\/api\/figures\/.+\/split$/, methods: ['POST'] },
  { path: '/api/figures/{id}/rename', pattern: /^\/api\/figures\/.+\/rename$/, methods: ['POST'] },
  { path: '/api/figures/{id}', pattern: /^\/api\/figures\/.+$/, methods: ['GET'] },
  { path: '/api/edits', pattern: /^\/api\/edits$/, methods: ['GET'] },
  { path: '/api/edits/{id}/undo', pattern: /^\/api\/edits\/[^/]+\/undo$/, methods: ['POST'] },
  { path: '/api/claims', pattern: /^\/api\/claims$/, methods: ['GET'] },
  { path: '/api/articles', pattern: /^\/api\/articles$/, methods: ['GET', 'POST'] },
  { path: '/api/articles/{key}', pattern: /^\/api\/articles\/[^/]+$/, methods: ['GET'] },
  { path: '/api/sources', pattern: /^\/api\/sources$/, methods: ['GET'] },
  { path: '/api/sources/{name}', pattern: /^\/api\/sources\/[^/]+$/, methods: ['GET'] },
  { path: '/api/search', pattern: /^\/api\/search$/, methods: ['GET'] },
  { path: '/api/export', pattern: /^\/api\/export$/, methods: ['GET'] },
  { path: '/api/extract', pattern: /^\/api\/extract$/, methods: ['POST'] },
]

/** The `Allow` header value for a list of methods: GET brings HEAD, as Hono answers it. */
export function allowHeader(methods: readonly string[]): string {
  return methods.flatMap((m) => (m === 'GET' ? ['GET', 'HEAD'] : [m])).join(', ')
}

// What to do instead, for the 405s a user is likely to meet: changing a figure in place.
const METHOD_HINTS: Readonly<Record<string, string>> = {
  '/api/figures/{id}': '; to change a figure, POST to /api/figures/{id}/rename or /split, or to /api/figures/merge',
}

/** Register the /api routes on an app. */
export function registerApi(app: Hono, ctx: AppContext): void {
  const { store } = ctx

  app.use('/api/*', async (c, next) => {
    const route = API_ROUTES.find((r) => r.pattern.test(c.req.path))
    const method = c.req.method
    if (route === undefined || route.methods.includes(method) || (method === 'HEAD' && route.methods.includes('GET'))) return next()
    c.header('Allow', allowHeader(route.methods))
    if (method === 'OPTIONS') return c.body(null, 204)
    throw new ClaimtrailError('METHOD_NOT_ALLOWED',
      `${method} is not allowed on ${route.path}; it answers ${allowHeader(route.methods)}${METHOD_HINTS[route.path] ?? ''}`)
  })

  app.get('/api/openapi.json', (c) => c.json(openApiDocument))

  app.get('/api/figures', async (c) => {
    const q = parse(FiguresQuery, c.req.query(), 'query')
    const view = await ledgerView(store)
    const figures = view.figures.filter((f) => (!q.category || f.category === q.category) && (!q.status || f.status === q.status))
    return c.json({ total: figures.length, figures: figures.map(figureJson) })
  })

  app.get('/api/figures/*', async (c) => {
    const view = await ledgerView(store)
    const f = requireFigure(view, figurePathOf(c))
    return c.json(figureDetailJson(f, view.claims))
  })

  app.post('/api/figures/merge', async (c) => {
    const body = parse(MergeBody, await jsonBody(c), 'body')
    const view = await ledgerView(store)
    const from = requireFigure(view, body.figure)
    const into = requireFigure(view, body.into)
    if (from.id === into.id) throw new ClaimtrailError('BAD_INPUT', `"${body.figure}" and "${body.into}" are already one figure (${into.id})`)
    const decision: Decision = { kind: 'merge', figure: from.id, into: into.id }
    const stored = await recordEdit(store, view.figures, decision)
    const after = await ledgerView(store)
    return c.json({ decision: stored, figure: figureJson(requireFigure(after, into.id)) })
  })

  app.post('/api/figures/*', async (c) => {
    const path = figurePathOf(c)
    const action = path.match(/^(.+)\/(split|rename)$/)
    if (!action) throw new ClaimtrailError('NOT_FOUND', `no route POST ${c.req.path}; use /api/figures/ID/split or /api/figures/ID/rename`)
    const view = await ledgerView(store)
    const figure = requireFigure(view, action[1])
    if (action[2] === 'rename') {
      const body = parse(RenameBody, await jsonBody(c), 'body')
      const decision: Decision = { kind: 'rename', figure: figure.id, label: body.label }
      const stored = await recordEdit(store, view.figures, decision)
      const after = await ledgerView(store)
      return c.json({ decision: stored, figure: figureJson(requireFigure(after, figure.id)) })
    }
    const body = parse(SplitBody, await jsonBody(c), 'body')
    const own = new Set(figure.points.map((p) => p.claimKey))
    const foreign = body.claimKeys.filter((k) => !own.has(k))
    if (foreign.length > 0) throw new ClaimtrailError('BAD_INPUT', `claimKeys: ${foreign[0]} is not a claim of ${figure.id}`)
    if (new Set(body.claimKeys).size === own.size) throw new ClaimtrailError('BAD_INPUT', 'claimKeys: leave at least one claim in the figure; to rename it, use /rename')
    // New ids as `claimtrail figure split` makes them: the figure's id and ~2, ~3, …
    const taken = new Set(view.figures.flatMap((f) => [f.id, ...f.aliases]))
    let n = 2
    while (taken.has(`${figure.id}~${n}`)) n++
    const newFigure = body.newFigure ?? `${figure.id}~${n}`
    if (taken.has(newFigure)) throw new ClaimtrailError('CONFLICT', `newFigure: a figure "${newFigure}" already exists; merge into it instead`)
    const decision: Decision = { kind: 'split', figure: figure.id, claimKeys: body.claimKeys, newFigure, label: body.label ?? null }
    const stored = await recordEdit(store, view.figures, decision)
    const after = await ledgerView(store)
    return c.json({
      decision: stored, figure: figureJson(requireFigure(after, newFigure)), from: figureJson(requireFigure(after, figure.id)),
    }, 201)
  })

  app.get('/api/edits', async (c) => {
    const q = parse(EditsQuery, c.req.query(), 'query')
    const edits = await loadEdits(store)
    const newest = edits.slice().reverse().slice(q.offset, q.offset + q.limit)
    const blockers = blockersOf(edits, newest)
    return c.json({ total: edits.length, limit: q.limit, offset: q.offset, edits: newest.map((e) => editJson(e, blockers.get(e.id))) })
  })

  app.post('/api/edits/:id/undo', async (c) => {
    // No body to read, but the JSON content type all the same: a form on another site must not undo edits.
    requireJsonType(c)
    const raw = c.req.param('id')
    if (!/^\d{1,15}$/.test(raw)) throw new ClaimtrailError('BAD_INPUT', `edit id: "${raw}" is not an edit id; ${EDITS_HINT} lists the edits`)
    const edit = await undoEdit(store, Number(raw), { listHint: EDITS_HINT })
    // Where the undone edit's claims are now: the figure it named, as the remaining edits resolve it.
    const after = await ledgerView(store)
    const figure = figureById(after, edit.decision.figure)
    return c.json({ edit: editJson(edit), figure: figure === null ? null : figureJson(figure) })
  })

  app.get('/api/claims', async (c) => {
    const q = parse(ClaimsQuery, c.req.query(), 'query')
    if (q.cursor !== undefined && c.req.query('offset') !== undefined) throw new ClaimtrailError('BAD_INPUT', 'give either offset or cursor, not both')
    const offset = q.cursor !== undefined ? decodeCursor(q.cursor) : q.offset
    const view = await ledgerView(store)
    const figures = figureOfClaim(view.figures)
    let claims = await store.claims({
      source: q.source, category: q.category, since: expandDate(q.since, false), until: expandDate(q.until, true), text: q.text,
    })
    if (q.figure !== undefined) {
      const f = requireFigure(view, q.figure)
      claims = claims.filter((cl) => figures.get(cl.key) === f.id)
    }
    const page = claims.slice(offset, offset + q.limit)
    const next = offset + q.limit < claims.length ? encodeCursor(offset + q.limit) : null
    return c.json({ total: claims.length, limit: q.limit, offset, nextCursor: next, claims: page.map((cl) => claimJson(cl, figures)) })
  })

  app.get('/api/articles', async (c) => {
    const q = parse(ArticlesQuery, c.req.query(), 'query')
    const articles = await store.articles({ text: q.text, outlet: q.outlet, since: expandDate(q.since, false), until: expandDate(q.until, true) })
    return c.json({ total: articles.length, limit: q.limit, offset: q.offset, articles: articles.slice(q.offset, q.offset + q.limit).map(articleJson) })
  })

  app.get('/api/articles/:key', async (c) => {
    const key = c.req.param('key')
    const a = await store.article(key)
    if (!a) throw new ClaimtrailError('NOT_FOUND', `no article "${key}"; GET /api/articles lists them`)
    const view = await ledgerView(store)
    const figures = figureOfClaim(view.figures)
    const analysis = (a.analysis ?? {}) as Record<string, unknown>
    const { text, analysis: _analysis, ...meta } = a
    return c.json({
      article: articleJson(meta), text,
      annotations: {
        language: analysis.language ?? null, entities: analysis.entities ?? [], quantities: analysis.quantities ?? [],
        attributions: analysis.attributions ?? [], claims: analysis.claims ?? [],
      },
      claims: view.claims.filter((cl) => cl.articleKey === a.key).map((cl) => claimJson(cl, figures)),
    })
  })

  app.post('/api/articles', async (c) => {
    const body = parse(ArticleBody, await jsonBody(c), 'body')
    const page = body.html !== undefined ? extractHtml(body.html) : null
    const text = page?.text ?? body.text ?? ''
    if (text.trim() === '') throw new ClaimtrailError('BAD_INPUT', 'body: the article has no text')
    const url = body.url ?? null
    const result = await ingestRecord(store, {
      id: body.id ?? url ?? `api-${contentHash(text).slice(0, 12)}`, text, title: body.title ?? page?.title ?? null,
      published: body.published ?? page?.published ?? null, url, outlet: body.outlet ?? null, origin: 'api',
    }, ctx.analyzer)
    return c.json(result, result.status === 'inserted' ? 201 : 200)
  })

  app.get('/api/sources', async (c) => {
    const sources = summarizeSources((await ledgerView(store)).figures)
    return c.json({ total: sources.length, sources })
  })

  app.get('/api/sources/:name', async (c) => {
    const view = await ledgerView(store)
    const found = sourceDetail(view, c.req.param('name'))
    if (!found) throw new ClaimtrailError('NOT_FOUND', `no source "${c.req.param('name')}"; GET /api/sources lists them`)
    const figures = figureOfClaim(view.figures)
    return c.json({ source: found.summary, claims: found.claims.map((cl) => claimJson(cl, figures)) })
  })

  app.get('/api/search', async (c) => {
    const q = parse(SearchQuery, c.req.query(), 'query')
    const view = await ledgerView(store)
    const found = await searchLedger(store, view, q.q)
    const owner = figureOfClaim(view.figures)
    // Claims that read the same (a wire story carried by several outlets) form a group, named
    // by its first claim's key; `group=1` lists one item per group, as the search page does.
    const groups = sameClaimGroups(found.claims, owner)
    const groupOf = new Map<string, readonly LedgerClaim[]>()
    for (const g of groups) for (const cl of g) groupOf.set(cl.key, g)
    const claimItem = (cl: LedgerClaim): Record<string, unknown> => {
      const g = groupOf.get(cl.key) ?? [cl]
      return { ...claimJson(cl, owner), group: g[0].key, copies: g.length }
    }
    const carrier = (cl: LedgerClaim): Record<string, unknown> => ({
      key: cl.key, articleKey: cl.articleKey, outlet: cl.outlet, title: cl.title, published: cl.published, url: cl.url, start: cl.start, end: cl.end,
    })
    const claims = q.group === '1'
      ? groups.slice(0, q.limit).map((g) => ({ ...claimItem(g[0]), articles: g.map(carrier) }))
      : found.claims.slice(0, q.limit).map(claimItem)
    return c.json({
      q: q.q,
      figures: { total: found.figures.length, items: found.figures.slice(0, q.limit).map(figureJson) },
      articles: { total: found.articles.length, items: found.articles.slice(0, q.limit).map(articleJson) },
      claims: { total: found.claims.length, groups: groups.length, items: claims },
    })
  })

  app.get('/api/export', async (c) => {
    const q = parse(ExportQuery, c.req.query(), 'query')
    const view = await ledgerView(store)
    const figures = q.figure !== undefined ? [requireFigure(view, q.figure)] : view.figures
    const rows = exportRows(figures, { since: expandDate(q.since, false), until: expandDate(q.until, true), category: q.category })
    if (q.format === 'json') {
      c.header('Content-Disposition', 'attachment; filename="claimtrail-export.json"')
      return c.json({ total: rows.length, rows })
    }
    c.header('Content-Type', 'text/csv; charset=utf-8')
    c.header('Content-Disposition', 'attachment; filename="claimtrail-export.csv"')
    return c.body(toCsv(rows))
  })

  app.post('/api/extract', async (c) => {
    const body = parse(ExtractBody, await jsonBody(c), 'body')
    const doc = ctx.analyzer().analyze(body.text, {
      id: body.id ?? 'extract', published: body.published ?? null, title: body.title ?? null, url: null, outlet: null,
    })
    return c.json(toJsonDocument(doc))
  })

  app.all('/api/*', (c) => {
    throw new ClaimtrailError('NOT_FOUND', `no route ${c.req.method} ${c.req.path}; see /api/openapi.json`)
  })
}
