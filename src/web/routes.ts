import { readFileSync } from 'node:fs'
import type { Context, Hono } from 'hono'
import { STATUS_OF } from '../api/errors.ts'
import type { AppContext } from '../api/app.ts'
import { figureById, figureOfClaim, ledgerView, searchLedger, sourceDetail, summarizeSources } from '../api/ledger.ts'
import { isClaimtrailError } from '../model/errors.ts'
import { blockersOf, loadEdits, type Edit } from '../ledger/edits.ts'
import type { Figure } from '../reconcile/figures.ts'
import {
  articlePage, articlesPage, editsPage, errorPage, extractPage, figurePage, figureSuggestions, figuresIndexPage, searchPage, sourcePage, sourcesPage, unknownFigurePage,
} from './pages.ts'
import { figurePath } from './html.ts'

/**
 * The web app's routes: server-rendered pages with permalinks, and the static files
 * (a stylesheet and the extract page's script) read once at startup.
 */

const STATIC: Record<string, { readonly type: string; readonly body: string }> = {
  'style.css': { type: 'text/css; charset=utf-8', body: readFileSync(new URL('./static/style.css', import.meta.url), 'utf8') },
  'extract.js': { type: 'text/javascript; charset=utf-8', body: readFileSync(new URL('./static/extract.js', import.meta.url), 'utf8') },
  'chart.js': { type: 'text/javascript; charset=utf-8', body: readFileSync(new URL('./static/chart.js', import.meta.url), 'utf8') },
  'search.js': { type: 'text/javascript; charset=utf-8', body: readFileSync(new URL('./static/search.js', import.meta.url), 'utf8') },
  'figures.js': { type: 'text/javascript; charset=utf-8', body: readFileSync(new URL('./static/figures.js', import.meta.url), 'utf8') },
  'edits.js': { type: 'text/javascript; charset=utf-8', body: readFileSync(new URL('./static/edits.js', import.meta.url), 'utf8') },
}

/** An error as an HTML page with the status the API would use. */
export function webErrorPage(c: Context, e: unknown): Response {
  if (isClaimtrailError(e)) return c.html(errorPage(STATUS_OF[e.code], e.message), STATUS_OF[e.code])
  console.error('claimtrail serve: internal error:', e instanceof Error ? (e.stack ?? e.message) : e)
  return c.html(errorPage(500, 'internal error; see the server log'), 500)
}

function notFound(c: Context, message: string): Response {
  return c.html(errorPage(404, message), 404)
}

// The paths of the pages below: every one answers GET (and HEAD) only.
const PAGE_PATHS = [/^\/$/, /^\/static\/[^/]+$/, /^\/figures\/.+$/, /^\/articles(?:\/[^/]+)?$/, /^\/sources(?:\/[^/]+)?$/, /^\/search$/, /^\/extract$/, /^\/edits$/]

const EDITS_SHOWN = 200

/** The edit `?undone=ID` names, when it was undone: the page confirms it. */
function undoneEdit(edits: readonly Edit[], param: string | undefined): Edit | null {
  if (param === undefined || !/^\d{1,15}$/.test(param)) return null
  return edits.find((e) => e.id === Number(param) && e.undoneAt !== null) ?? null
}

/** Whether an edit names figure `f` (by its id, an id merged into it, or one split from it). */
function touchesFigure(e: Edit, f: Figure): boolean {
  const d = e.decision
  const ids = d.kind === 'merge' ? [d.figure, d.into] : d.kind === 'split' ? [d.figure, d.newFigure] : [d.figure]
  return ids.some((id) => id === f.id || f.aliases.includes(id))
}

/** Figure id -> label, for links that name the figure. */
function figureLabels(figures: readonly Figure[]): Map<string, string> {
  return new Map(figures.map((f) => [f.id, f.label]))
}

/** Register the web pages and static files on an app. */
export function registerWeb(app: Hono, ctx: AppContext): void {
  const { store } = ctx

  // A page sent another method (a form posted by hand, DELETE from a script) is told
  // which methods it answers, as the API does, rather than that it does not exist.
  app.use('*', async (c, next) => {
    const method = c.req.method
    if (method === 'GET' || method === 'HEAD' || c.req.path.startsWith('/api/') || !PAGE_PATHS.some((p) => p.test(c.req.path))) return next()
    c.header('Allow', 'GET, HEAD')
    if (method === 'OPTIONS') return c.body(null, 204)
    return c.html(errorPage(405, `${method} is not allowed on this page; it answers GET, HEAD`), 405)
  })

  app.get('/static/:file', (c) => {
    const file = STATIC[c.req.param('file')]
    if (!file) return notFound(c, 'no such file')
    c.header('Content-Type', file.type)
    c.header('Cache-Control', 'no-cache')
    return c.body(file.body)
  })

  app.get('/', async (c) => {
    const view = await ledgerView(store)
    return c.html(figuresIndexPage(view.figures))
  })

  app.get('/figures/*', async (c) => {
    let id: string
    try {
      id = decodeURIComponent(c.req.path.slice('/figures/'.length))
    } catch {
      return notFound(c, 'bad figure id')
    }
    const view = await ledgerView(store)
    const f = figureById(view, id)
    if (!f) return c.html(unknownFigurePage(id, figureSuggestions(id, view.figures)), 404)
    // A merged-away id keeps working as a permalink: it redirects to the figure that holds its claims now.
    if (f.id !== id) return c.redirect(figurePath(f.id), 301)
    const edits = await loadEdits(store)
    const mine = edits.filter((e) => e.undoneAt === null && touchesFigure(e, f)).reverse()
    const blockers = blockersOf(edits, mine.slice(0, 5))
    const others = view.figures.filter((o) => o.category === f.category).concat(view.figures.filter((o) => o.category !== f.category))
    return c.html(figurePage(f, new Map(view.claims.map((cl) => [cl.key, cl])), { edits: mine, blockers, undone: undoneEdit(edits, c.req.query('undone')) }, others))
  })

  app.get('/articles', async (c) => c.html(articlesPage(await store.articles())))

  app.get('/articles/:key', async (c) => {
    const a = await store.article(c.req.param('key'))
    if (!a) return notFound(c, `no article "${c.req.param('key')}"`)
    const view = await ledgerView(store)
    const claims = view.claims.filter((cl) => cl.articleKey === a.key)
    return c.html(articlePage(a, claims, figureOfClaim(view.figures), figureLabels(view.figures)))
  })

  app.get('/sources', async (c) => c.html(sourcesPage(summarizeSources((await ledgerView(store)).figures))))

  app.get('/sources/:name', async (c) => {
    const view = await ledgerView(store)
    const found = sourceDetail(view, c.req.param('name'))
    if (!found) return notFound(c, `no source "${c.req.param('name')}"`)
    return c.html(sourcePage(found.summary, found.claims, figureOfClaim(view.figures), figureLabels(view.figures)))
  })

  app.get('/search', async (c) => {
    const q = (c.req.query('q') ?? '').trim().slice(0, 500)
    if (q === '') return c.html(searchPage('', null, new Map()))
    const view = await ledgerView(store)
    const found = await searchLedger(store, view, q)
    return c.html(searchPage(q, { figures: found.figures, articles: found.articles.slice(0, 50), totalArticles: found.articles.length, claims: found.claims }, figureOfClaim(view.figures), figureLabels(view.figures)))
  })

  app.get('/extract', (c) => c.html(extractPage()))

  app.get('/edits', async (c) => {
    const [edits, view] = await Promise.all([loadEdits(store), ledgerView(store)])
    // The newest EDITS_SHOWN: what an analyst looks back over; GET /api/edits pages the rest.
    const shown = edits.slice().reverse().slice(0, EDITS_SHOWN)
    return c.html(editsPage(shown, edits.length, blockersOf(edits, shown), undoneEdit(edits, c.req.query('undone')), (id) => figureById(view, id)))
  })
}
