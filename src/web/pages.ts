import { latestPoint, type Figure, type PointStatus, type TimelinePoint } from '../reconcile/figures.ts'
import type { LedgerClaim, StoredArticle } from '../store/store.ts'
import { sameClaimGroups, type SourceSummary } from '../api/ledger.ts'
import { describeEdit, editTime, type Edit } from '../ledger/edits.ts'
import { formatEstimate } from '../format/estimate.ts'
import { renderChartLegend, renderSparkline, renderTimelineSvg } from './chart.ts'
import { highlightLegend, renderHighlightedText, type AnalysisLayers } from './highlight.ts'
import { articlePath, figurePath, html, safeHref, sourcePath, trusted, type Html } from './html.ts'
import { NAME_TITLES } from '../stages/tokens/titles.ts'

/**
 * The web app's pages, rendered on the server from the ledger: plain semantic HTML,
 * one stylesheet, and small scripts for the extract page, search as you type and the
 * chart legend's highlighting. Every stored string goes
 * through the escaping `html` template.
 */

const STATUS_TEXT: Record<PointStatus, string> = {
  corroborated: 'corroborated', conflicting: 'conflicting', revised: 'revised', 'single-source': 'single source',
}

/** The page shell: header with navigation and search, main content, footer. */
/** The header's sections; a page names its own, which the navigation marks as the current one. */
export type Section = 'figures' | 'sources' | 'articles' | 'extract' | 'edits'

const NAV: readonly [Section, string, string][] = [
  ['figures', '/', 'Figures'], ['sources', '/sources', 'Sources'], ['articles', '/articles', 'Articles'],
  ['extract', '/extract', 'Extract'], ['edits', '/edits', 'Edits'],
]

export function layout(title: string, body: Html, options: { q?: string; scripts?: readonly string[]; section?: Section } = {}): string {
  const scripts = (options.scripts ?? []).map((s) => html`<script type="module" src="${s}"></script>`)
  // aria-current tells a screen reader (and, styled, everyone) which section this page is in.
  const nav = NAV.map(([section, href, text]) => html`<li><a href="${href}"${section === options.section ? trusted(' aria-current="page"') : ''}>${text}</a></li>`)
  return String(html`<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${title} · claimtrail</title>
<link rel="stylesheet" href="/static/style.css">
<link rel="icon" href="data:,">
</head>
<body>
<a class="skip" href="#main">Skip to content</a>
<header class="site">
<a class="brand" href="/">claimtrail</a>
<nav aria-label="Main"><ul>
${nav}
</ul></nav>
<form class="site-search" role="search" action="/search" method="get">
<label for="site-q" class="visually-hidden">Search figures, articles and claims</label>
<input id="site-q" name="q" type="search" placeholder="Search figures, articles, claims" value="${options.q ?? ''}">
<button type="submit">Search</button>
</form>
</header>
<main id="main" tabindex="-1">
${body}
</main>
<footer class="site"><p>claimtrail: who claims which figure, when. Every figure links to the sentence it comes from.</p></footer>
${scripts}
</body>
</html>
`)
}

function statusBadge(status: PointStatus): Html {
  return html`<span class="status status-${status}">${STATUS_TEXT[status]}</span>`
}

function exportLinks(query: string): Html {
  return html`<p class="exports">Export: <a class="button" href="/api/export?format=csv${query}" download>CSV</a> <a class="button" href="/api/export?format=json${query}" download>JSON</a></p>`
}

// A date never breaks at its hyphens ("2024-10-" over "05" in a narrow column).
function range(first: string | null, last: string | null): Html | string {
  if (first === null) return '—'
  return first === last || last === null ? html`<span class="date">${first}</span>` : html`<span class="date">${first}</span> – <span class="date">${last}</span>`
}

/**
 * A claim's date as a cell: the date the figure is for, and, when that is an "as of" date
 * from the text rather than the publication date, the publication date under it, so a
 * reader can tell "2025-01" (what the text says) from the day it was reported.
 */
export function claimDate(date: string | null, isAsOf: boolean, published: string | null): Html {
  // "2024-10-18, as of; published 2024-10-18" says the date twice: the note only when they differ.
  return html`<span class="date">${date ?? 'undated'}</span>${isAsOf && published !== date ? html`<br><small class="muted">as of; published <span class="date">${published ?? '?'}</span></small>` : ''}`
}

/** `/`: every figure with its status, counts, latest estimate and a sparkline. */
export function figuresIndexPage(figures: readonly Figure[]): string {
  const rows = figures.map((f) => {
    const dated = f.points.filter((p) => p.date !== null).map((p) => p.date as string).sort()
    const last = latestPoint(f.points)
    return html`<tr data-figure="${f.id}">
<th scope="row"><a href="${figurePath(f.id)}">${f.label}</a><br><small class="muted">${f.id}</small></th>
<td data-label="Status">${statusBadge(f.status)}</td>
<td class="num" data-label="Estimates">${f.points.length}</td>
<td class="num" data-label="Independent sources">${f.independentSources}</td>
<td class="num" data-label="Latest">${last ? formatEstimate(last) : '—'}</td>
<td data-label="Dates">${range(dated[0] ?? null, dated[dated.length - 1] ?? null)}</td>
<td data-label="Trend">${trusted(renderSparkline(f.points))}</td>
</tr>`
  })
  const body = figures.length === 0
    ? html`<h1>Figures</h1><p>The ledger is empty. Ingest articles with <code>claimtrail ingest PATH</code>, or try the <a href="/extract">extract page</a>.</p>`
    : html`<h1>Figures</h1>
<p class="lede">${figures.length} figures: claims that count the same thing, grouped across sources and time.</p>
${exportLinks('')}
<form class="figure-filter" id="figure-filter" role="search" hidden>
<label for="figure-filter-q">Show only figures whose name or id contains</label>
<input id="figure-filter-q" type="search" autocomplete="off" aria-describedby="figure-filter-count">
<span id="figure-filter-count" class="muted" role="status" aria-live="polite"></span>
</form>
<p id="figure-filter-none" hidden></p>
<div class="table-wrap"><table class="figures cards">
<caption class="visually-hidden">Figures in the ledger</caption>
<thead><tr><th scope="col">Figure</th><th scope="col">Status</th><th scope="col">Estimates</th><th scope="col">Independent sources</th><th scope="col">Latest</th><th scope="col">Dates</th><th scope="col">Trend</th></tr></thead>
<tbody>${rows}</tbody>
</table></div>`
  return layout('Figures', body, { section: 'figures', scripts: figures.length > 0 ? ['/static/figures.js'] : [] })
}

/** Short labels for story groups (S1, S2, …) in order of first appearance. */
function storyLabels(points: readonly TimelinePoint[]): Map<string, string> {
  const labels = new Map<string, string>()
  for (const p of points) if (!labels.has(p.storyGroup)) labels.set(p.storyGroup, `S${labels.size + 1}`)
  return labels
}

/** What a page shows of the edit log: the edits, what stands in the way of undoing each. */
export interface EditsContext {
  /** Applied edits to show, newest first. */
  readonly edits: readonly Edit[]
  /** Edit id -> later applied edits that must be undone first. */
  readonly blockers: ReadonlyMap<number, readonly number[]>
  /** An edit just undone (`?undone=ID` after the undo button), to confirm it. */
  readonly undone: Edit | null
}

// The status line, the token form (shown when the server asks for its token) and the
// script that sends edits and undos to the API: shared by the figure and edits pages.
const EDIT_CONTROLS = html`<p id="edit-status" class="edit-status" role="status" aria-live="polite"></p>
<form id="edit-token" class="edit-token" hidden>
<label for="edit-token-input">This server needs its token for edits</label>
<input id="edit-token-input" type="password" autocomplete="current-password" required>
<button type="submit">Send</button>
</form>`

function undoControl(e: Edit, blockers: ReadonlyMap<number, readonly number[]>): Html {
  const blocked = blockers.get(e.id) ?? []
  if (e.undoneAt !== null) return html`<span class="muted">—</span>`
  if (blocked.length > 0) return html`<span class="muted">undo #${blocked[blocked.length - 1]} first</span>`
  return html`<button type="button" class="undo-edit" data-edit="${e.id}" aria-label="Undo edit #${e.id}: ${describeEdit(e)}">Undo</button>`
}

function undoneNote(undone: Edit | null): Html | string {
  return undone === null ? '' : html`<p class="edit-done" role="status">Undone: edit #${undone.id}, ${describeEdit(undone)}. <a href="/edits">All edits</a></p>`
}

/** The edits that touched a figure, with an Undo button each, and forms to rename, merge or split it. */
function figureEdits(f: Figure, ctx: EditsContext, others: readonly Pick<Figure, 'id' | 'label'>[]): Html {
  const items = ctx.edits.slice(0, 5).map((e) => html`<li><span class="muted">#${e.id} · <span class="date">${editTime(e.createdAt)}</span></span> ${describeEdit(e)} ${undoControl(e, ctx.blockers)}</li>`)
  const options = others.filter((o) => o.id !== f.id).map((o) => html`<option value="${o.id}">${o.label} (${o.id})</option>`)
  return html`<section class="edits" aria-labelledby="edits-h" data-figure="${f.id}">
<h2 id="edits-h" class="visually-hidden">Edits</h2>
${undoneNote(ctx.undone)}
${items.length > 0 ? html`<div class="edit-note"><p>Edited${ctx.edits.length > 5 ? ` (latest 5 of ${ctx.edits.length})` : ''}:</p><ul class="edit-list">${items}</ul><p><a href="/edits">All edits</a></p></div>` : ''}
<details class="edit-figure">
<summary>Rename, merge or split this figure</summary>
<form id="rename-form" class="edit-form">
<label for="rename-label">New label</label>
<input id="rename-label" name="label" required maxlength="200" value="${f.label}">
<button type="submit">Rename</button>
</form>
${options.length > 0 ? html`<form id="merge-form" class="edit-form">
<label for="merge-into">Merge its estimates into</label>
<select id="merge-into" name="into" required><option value="" selected disabled>Choose a figure…</option>${options}</select>
<button type="submit">Merge</button>
</form>` : ''}
${f.points.length > 1 ? html`<form id="split-form" class="edit-form split-form">
<fieldset>
<legend>Split off the estimates ticked into a new figure</legend>
<ul class="split-points">${f.points.map((p) => html`<li><label><input type="checkbox" name="claim" value="${p.claimKey}"> <span class="date">${p.date ?? 'undated'}</span> · ${p.source ?? html`<em>own voice</em>`} · ${formatEstimate(p)}</label></li>`)}</ul>
<label for="split-label">Label of the new figure (optional)</label>
<input id="split-label" name="label" maxlength="200">
<button type="submit">Split off</button>
</fieldset>
</form>` : ''}
<p class="muted">Edits are kept across re-ingest and can be undone.</p>
</details>
${EDIT_CONTROLS}
</section>`
}

/** `/edits`: every merge, split and rename, newest first, with an Undo button for those that can be undone now. */
export function editsPage(edits: readonly Edit[], total: number, blockers: ReadonlyMap<number, readonly number[]>, undone: Edit | null, figureOf: (id: string) => Pick<Figure, 'id' | 'label'> | null): string {
  // The figure by its label, linked; a figure that no longer exists (split off, then undone) by its id.
  const link = (id: string): Html | string => {
    const f = figureOf(id)
    return f === null ? id : html`<a href="${figurePath(f.id)}">${f.label}</a>`
  }
  const rows = edits.map((e) => html`<tr data-edit="${e.id}">
<th scope="row">#${e.id}</th>
<td data-label="Made"><span class="date">${editTime(e.createdAt)}</span></td>
<td data-label="What">${describeEdit(e)}</td>
<td data-label="Figure">${link(e.decision.figure)}</td>
<td data-label="State">${e.undoneAt === null ? 'applies' : html`undone <span class="date">${editTime(e.undoneAt)}</span>`}</td>
<td data-label="Undo">${undoControl(e, blockers)}</td>
</tr>`)
  const body = html`<h1>Edits</h1>
<p class="lede">Merges, splits and renames of figures, newest first. Undoing an edit gives the figures back as they were without it; an edit that later edits build on is undone after them.</p>
${undoneNote(undone)}
${total > edits.length ? html`<p class="muted">The latest ${edits.length} of ${total} edits; <code>GET /api/edits?offset=${edits.length}</code> lists the others.</p>` : ''}
${edits.length === 0 ? html`<p>No edits yet. Rename, merge or split a figure from its page, or with <code>claimtrail figure</code>.</p>` : html`<div class="table-wrap"><table class="edits cards">
<caption class="visually-hidden">Edits to figures</caption>
<thead><tr><th scope="col">Edit</th><th scope="col">Made</th><th scope="col">What</th><th scope="col">Figure</th><th scope="col">State</th><th scope="col">Undo</th></tr></thead>
<tbody>${rows}</tbody>
</table></div>`}
${EDIT_CONTROLS}`
  return layout('Edits', body, { scripts: ['/static/edits.js'], section: 'edits' })
}

/** `/figures/:id`: the timeline chart and the evidence table. */
export function figurePage(f: Figure, claims: ReadonlyMap<string, LedgerClaim>, edits: EditsContext = { edits: [], blockers: new Map(), undone: null }, others: readonly Pick<Figure, 'id' | 'label'>[] = []): string {
  const start = (p: TimelinePoint): number | undefined => claims.get(p.claimKey)?.start
  const svg = renderTimelineSvg(f.points, { title: `${f.label}: estimates over time`, href: (p) => articlePath(p.articleKey, claims.get(p.claimKey)?.start) })
  const stories = storyLabels(f.points)
  const copies = new Map<string, number>()
  for (const p of f.points) copies.set(p.storyGroup, (copies.get(p.storyGroup) ?? 0) + 1)
  const rows = f.points.map((p, i) => {
    const story = stories.get(p.storyGroup) ?? ''
    const isCopy = p.storyGroup !== p.articleKey
    return html`<tr id="p-${i + 1}" data-claim="${p.claimKey}">
<td data-label="Date">${claimDate(p.date, p.dateIsAsOf, p.published)}</td>
<td data-label="Source">${p.source ?? html`<em>own voice</em>`}</td>
<td data-label="Outlet">${p.outlet ?? '—'}</td>
<td class="num" data-label="Estimate">${formatEstimate(p)}</td>
<td data-label="Status">${statusBadge(p.status)}</td>
<td data-label="Story">${story}${isCopy || (copies.get(p.storyGroup) ?? 0) > 1 ? html`<br><small class="muted">${isCopy ? 'copy' : 'original'}</small>` : ''}</td>
<td data-label="Quote"><a class="quote-link" href="${articlePath(p.articleKey, start(p))}"><q>${p.quote}</q></a></td>
</tr>`
  })
  const body = html`<p class="crumbs"><a href="/">Figures</a> ›</p>
<h1>${f.label}</h1>
<p class="lede">${statusBadge(f.status)} · ${f.points.length} estimates · ${f.independentSources} independent sources · ${f.independentReports} independent reports · <span class="muted">${f.id}</span></p>
${f.aliases.length > 0 ? html`<p class="muted">Merged from: ${f.aliases.join(', ')}</p>` : ''}
${figureEdits(f, edits, others)}
<figure class="chart">
<div class="chart-frame"><div class="chart-scroll" id="chart-scroll" role="region" aria-label="Timeline chart (scrolls sideways on a narrow screen)" aria-describedby="chart-hint">${trusted(svg)}</div></div>
<div class="chart-hint" id="chart-hint"><p>The chart is wider than the screen: swipe it sideways for later dates.</p><p class="chart-scroll-buttons" hidden><button type="button" class="chart-earlier" aria-controls="chart-scroll">← Earlier</button> <button type="button" class="chart-later" aria-controls="chart-scroll">Later →</button></p></div>
<figcaption>${renderChartLegend(f.points)}</figcaption>
</figure>
${exportLinks(`&figure=${encodeURIComponent(f.id)}`)}
<h2 id="evidence">Evidence</h2>
<div class="table-wrap"><table class="evidence cards">
<caption class="visually-hidden">Each estimate with its source and quote</caption>
<thead><tr><th scope="col">Date</th><th scope="col">Source</th><th scope="col">Outlet</th><th scope="col">Estimate</th><th scope="col">Status</th><th scope="col">Story</th><th scope="col">Quote</th></tr></thead>
<tbody>${rows}</tbody>
</table></div>`
  return layout(f.label, body, { scripts: ['/static/chart.js', '/static/edits.js'], section: 'figures' })
}

function nameWords(text: string): string[] {
  const words = text.toLowerCase().split(/[^\p{L}\p{N}'’-]+/u).filter((w) => w.length > 0)
  let i = 0
  // (leading titles and honorifics, the attribution stage's list: tokens/titles.ts)
  while (i < words.length - 1 && NAME_TITLES.has(words[i])) i++
  return words.slice(i)
}

/**
 * A source as the pages print it: its text, and the entity it resolves to in brackets
 * only when the text does not already name it (as whole words, ignoring case and
 * leading titles): "President Volodymyr Zelenskyy", not "… (Volodymyr Zelenskyy)";
 * "he (Volodymyr Zelenskyy)".
 */
export function sourceText(source: string, entity: string | null): string {
  if (!entity) return source
  const text = ` ${nameWords(source).join(' ')} `
  const name = nameWords(entity).join(' ')
  return name === '' || text.includes(` ${name} `) ? source : `${source} (${entity})`
}

// The figure link names the figure: a list of links all reading "figure" told a screen
// reader (which lists links by their text) nothing of where each goes.
function claimItem(c: LedgerClaim, figure: { readonly id: string; readonly label: string } | null, local: boolean, extra: Html | string = ''): Html {
  const target = local ? `#q-${c.start}` : articlePath(c.articleKey, c.start)
  return html`<li><a href="${target}">${formatEstimate(c)}</a> ${c.countedText}
<span class="muted">(${c.category}${c.planned ? ', planned' : ''}${c.additional ? ', additional' : ''}${c.asOf ? `, as of ${c.asOf}` : ''})</span>
— ${c.source === null ? html`<em>own voice</em>` : sourceText(c.source, c.sourceEntity)}${c.cue ? html` <span class="muted">${c.cue}</span>` : ''}
${figure ? html`· figure <a href="${figurePath(figure.id)}">${figure.label}</a>` : ''}${extra}</li>`
}

function figureRef(figureOf: ReadonlyMap<string, string>, labels: ReadonlyMap<string, string>, claim: string): { id: string; label: string } | null {
  const id = figureOf.get(claim)
  return id === undefined ? null : { id, label: labels.get(id) ?? id }
}

/** `/articles/:key`: the text with source, cue, content and claims highlighted, and the claims listed. */
export function articlePage(
  a: StoredArticle & { readonly text: string; readonly analysis: unknown }, claims: readonly LedgerClaim[],
  figureOf: ReadonlyMap<string, string>, labels: ReadonlyMap<string, string> = new Map(),
): string {
  const href = safeHref(a.url)
  const title = a.title ?? a.sourceId
  const text = renderHighlightedText(a.text, (a.analysis ?? {}) as AnalysisLayers, claims)
  const body = html`<p class="crumbs"><a href="/articles">Articles</a> ›</p>
<article class="article">
<h1>${title}</h1>
<p class="lede">${a.outlet ?? 'unknown outlet'} · ${a.published ?? 'undated'}${href ? html` · <a href="${href}" rel="noopener noreferrer">original</a>` : a.url ? html` · <span class="muted">${a.url}</span>` : ''}</p>
${highlightLegend()}
<div class="article-text">${text}</div>
</article>
<section aria-labelledby="claims-h">
<h2 id="claims-h">Claims (${claims.length})</h2>
${claims.length === 0 ? html`<p>${a.language === 'en' ? 'No attributed figures found in this article.' : `No figures were looked for: the article's language (${a.language}) is not English, the only language claimtrail reads.`}</p>` : html`<ol class="claims">${claims.map((c) => claimItem(c, figureRef(figureOf, labels, c.key), true))}</ol>`}
</section>`
  return layout(title, body, { section: 'articles' })
}

/** `/articles`: every stored article. */
export function articlesPage(articles: readonly StoredArticle[]): string {
  const rows = articles.map((a) => html`<tr><th scope="row"><a href="${articlePath(a.key)}">${a.title ?? a.sourceId}</a></th><td data-label="Outlet">${a.outlet ?? '—'}</td><td class="date" data-label="Published">${a.published ?? '—'}</td><td class="num" data-label="Claims">${a.claimCount}</td></tr>`)
  return layout('Articles', html`<h1>Articles</h1><p class="lede">${articles.length} articles in the ledger.</p>
<div class="table-wrap"><table class="cards"><thead><tr><th scope="col">Title</th><th scope="col">Outlet</th><th scope="col">Published</th><th scope="col">Claims</th></tr></thead><tbody>${rows}</tbody></table></div>`, { section: 'articles' })
}

/** `/sources`: who is cited, how often, by which outlets. */
export function sourcesPage(sources: readonly SourceSummary[]): string {
  const rows = sources.map((s) => html`<tr><th scope="row"><a href="${sourcePath(s.name)}">${s.label}</a></th><td class="num" data-label="Claims">${s.claims}</td><td class="num" data-label="Articles">${s.articles}</td><td data-label="Outlets">${s.outlets.join(', ')}</td><td data-label="Dates">${range(s.first, s.last)}</td><td class="num" data-label="Figures">${s.figures.length}</td></tr>`)
  return layout('Sources', html`<h1>Sources</h1><p class="lede">${sources.length} sources of figures. A named source counts once however many outlets quote it; unnamed ones (“officials”) are counted per story; an outlet's own statements are its own voice.</p>
<div class="table-wrap"><table class="cards"><thead><tr><th scope="col">Source</th><th scope="col">Claims</th><th scope="col">Articles</th><th scope="col">Outlets</th><th scope="col">Dates</th><th scope="col">Figures</th></tr></thead><tbody>${rows}</tbody></table></div>`, { section: 'sources' })
}

/** `/sources/:name`: what a source claimed over time. */
export function sourcePage(s: SourceSummary, claims: readonly LedgerClaim[], figureOf: ReadonlyMap<string, string>, labels: ReadonlyMap<string, string>): string {
  const rows = claims.map((c) => {
    const fig = figureOf.get(c.key) ?? null
    return html`<tr><td data-label="Date">${claimDate(c.asOf ?? c.published, c.asOf !== null, c.published)}</td><td data-label="Figure">${fig ? html`<a href="${figurePath(fig)}">${labels.get(fig) ?? fig}</a>` : c.category}</td><td class="num" data-label="Estimate">${formatEstimate(c)}</td><td data-label="Outlet">${c.outlet ?? '—'}</td><td data-label="Quote"><a class="quote-link" href="${articlePath(c.articleKey, c.start)}"><q>${c.quote}</q></a></td></tr>`
  })
  return layout(s.label, html`<p class="crumbs"><a href="/sources">Sources</a> ›</p><h1>${s.label}</h1>
<p class="lede">${s.claims} claims in ${s.articles} articles · ${range(s.first, s.last)} · via ${s.outlets.join(', ') || 'no named outlet'}</p>
<h2>Claims over time</h2>
<div class="table-wrap"><table class="evidence cards"><thead><tr><th scope="col">Date</th><th scope="col">Figure</th><th scope="col">Estimate</th><th scope="col">Outlet</th><th scope="col">Quote</th></tr></thead><tbody>${rows}</tbody></table></div>`, { section: 'sources' })
}

/** What the search page shows: the matches, and how many there were before the page's cut. */
export interface SearchView {
  readonly figures: readonly Figure[]
  readonly articles: readonly StoredArticle[]
  readonly claims: readonly LedgerClaim[]
  /** Matches before the cut (articles and claims are cut to a page's worth). */
  readonly totalArticles?: number
}

/** The most lines of claims the search page lists (each a claim with every article that carries it). */
export const SEARCH_CLAIM_LINES = 100

/** The articles carrying one claim, each linked at the quote: outlet and date. */
function carriedBy(group: readonly LedgerClaim[]): Html {
  const links = group.map((c, i) => html`${i > 0 ? ', ' : ''}<a href="${articlePath(c.articleKey, c.start)}">${c.outlet ?? c.title ?? 'an article'} <span class="date">${c.published ?? 'undated'}</span></a>`)
  return html`<br><small class="muted carried">${group.length > 1 ? `in ${group.length} articles: ` : 'in '}${links}</small>`
}

/**
 * `/search?q=`: figures, articles and claims matching a query. The one rendering of search
 * results: search as you type (`static/search.js`) fetches this page and shows its
 * `#search-results`, so typing and Enter give the same page (session 14).
 */
export function searchPage(
  q: string, result: SearchView | null,
  figureOf: ReadonlyMap<string, string>, labels: ReadonlyMap<string, string> = new Map(),
): string {
  const scripts = ['/static/search.js']
  if (result === null) {
    return layout('Search', html`<h1>Search</h1><div id="search-results" aria-live="polite"><p>Type words in the search box above: they are looked up in figure names, article texts, quotes, counted phrases and sources.</p></div>`, { q, scripts })
  }
  const figures = result.figures.map((f) => html`<li><a href="${figurePath(f.id)}">${f.label}</a> ${statusBadge(f.status)}</li>`)
  const articles = result.articles.map((a) => html`<li><a href="${articlePath(a.key)}">${a.title ?? a.sourceId}</a> <span class="muted">${a.outlet ?? ''} ${a.published ?? ''}</span></li>`)
  const groups = sameClaimGroups(result.claims, figureOf)
  const claims = groups.slice(0, SEARCH_CLAIM_LINES).map((g) => claimItem(g[0], figureRef(figureOf, labels, g[0].key), false, carriedBy(g)))
  const totalArticles = result.totalArticles ?? result.articles.length
  const notes = {
    Articles: totalArticles > articles.length ? `The first ${articles.length} of ${totalArticles}: add words to narrow the search.` : '',
    Claims: [
      groups.length < result.claims.length ? `${result.claims.length} matches: a claim carried by several articles is one line, with each article.` : '',
      groups.length > claims.length ? `The first ${claims.length} of ${groups.length} lines: add words to narrow the search.` : '',
    ].filter((x) => x !== '').join(' '),
  } as Record<string, string>
  const section = (title: string, count: number, items: readonly Html[]): Html => html`<section><h2>${title} (${count})</h2>${notes[title] ? html`<p class="muted">${notes[title]}</p>` : ''}${items.length === 0 ? html`<p class="muted">None.</p>` : html`<ul class="results">${items}</ul>`}</section>`
  const none = figures.length === 0 && articles.length === 0 && claims.length === 0
  return layout(`Search: ${q}`, html`<h1>Search: <q>${q}</q></h1><div id="search-results" aria-live="polite">${none ? html`<p class="empty">Nothing matches <q>${q}</q>. Try fewer or other words, a source (“NIS”), or what is counted (“troops”, “killed”); or browse the <a href="/">figures</a>, <a href="/sources">sources</a> and <a href="/articles">articles</a>.</p>` : ''}${section('Figures', figures.length, figures)}${section('Articles', totalArticles, articles)}${section('Claims', groups.length, claims)}</div>`, { q, scripts })
}

/** `/extract`: paste a text, see what claimtrail finds (analysed by POST /api/extract, nothing stored). */
export function extractPage(): string {
  return layout('Extract', html`<h1>Extract</h1>
<p class="lede">Paste an article: claimtrail highlights who says what and lists the figures it claims. Nothing is stored.</p>
<form id="extract-form" class="extract">
<label for="extract-text">Article text</label>
<textarea id="extract-text" name="text" rows="12" required></textarea>
<div class="row">
<label for="extract-published">Published (optional)</label>
<input id="extract-published" name="published" type="date">
<button type="submit" id="extract-run">Analyse</button>
</div>
</form>
<p id="extract-status" role="status" aria-live="polite"></p>
<section id="extract-result" hidden aria-labelledby="extract-result-h">
<h2 id="extract-result-h">Result</h2>
${highlightLegend()}
<div id="extract-text-out" class="article-text"></div>
<h3>Claims</h3>
<ol id="extract-claims" class="claims"></ol>
</section>`, { scripts: ['/static/extract.js'], section: 'extract' })
}

// What each status the app answers with (src/api/errors.ts) tells the reader: a request
// refused is not the server failing, which is what "Something went wrong" says.
const ERROR_HEADING: Record<number, string> = {
  400: 'Bad request', 401: 'Not authorized', 404: 'Not found', 405: 'Method not allowed', 409: 'Conflict',
  413: 'Request too large', 422: 'Cannot be processed', 503: 'The ledger is unavailable',
}

function idWords(text: string): string[] {
  return text.toLowerCase().split(/[^\p{L}\p{N}]+/u).filter((w) => w.length > 1)
}

/**
 * Figures to offer for an id that names none (a typo, an old link to a figure renamed or
 * split away): those sharing most words with it, in its id or label, the longest shared
 * id prefix first. At most `limit`.
 */
export function figureSuggestions(id: string, figures: readonly Pick<Figure, 'id' | 'label' | 'points'>[], limit = 8): Pick<Figure, 'id' | 'label' | 'points'>[] {
  const wanted = new Set(idWords(id))
  const segments = id.toLowerCase().split('/')
  const scored = figures.map((f) => {
    const words = new Set([...idWords(f.id), ...idWords(f.label)])
    let shared = 0
    for (const w of wanted) if (words.has(w) || [...words].some((x) => x.length > 3 && w.length > 3 && (x.startsWith(w.slice(0, 4)) && w.startsWith(x.slice(0, 4))))) shared++
    const own = f.id.toLowerCase().split('/')
    let prefix = 0
    while (prefix < own.length && prefix < segments.length && own[prefix] === segments[prefix]) prefix++
    return { f, score: shared + prefix }
  })
  return scored.filter((x) => x.score > 0)
    .sort((a, b) => b.score - a.score || b.f.points.length - a.f.points.length || a.f.id.localeCompare(b.f.id))
    .slice(0, limit).map((x) => x.f)
}

/**
 * The page for a figure id that names none: the message, figures with a like id or label,
 * and a search box holding the id's words (session 14; the page was a dead end).
 */
export function unknownFigurePage(id: string, suggestions: readonly Pick<Figure, 'id' | 'label' | 'points'>[]): string {
  const words = idWords(id).join(' ')
  const list = suggestions.map((f) => html`<li><a href="${figurePath(f.id)}">${f.label}</a> <small class="muted">${f.id} · ${f.points.length} ${f.points.length === 1 ? 'estimate' : 'estimates'}</small></li>`)
  return layout('Not found', html`<h1>Not found</h1>
<p>No figure <q>${id}</q>. A figure's id says what happened, to whom and what was counted (<code>deployed/north-korea/troops</code>). The old id of a merged figure leads to the figure it went into; a typo, or a figure that a split or an undo took away, leads here.</p>
${list.length > 0 ? html`<h2 id="suggestions-h">Figures with a like name</h2><ul class="results" aria-labelledby="suggestions-h">${list}</ul>` : ''}
${searchAgain(words)}`)
}

/** A search box in a page's body (404s), with links to the lists: a page that finds nothing should not be a dead end. */
function searchAgain(value: string): Html {
  return html`<form class="search-again" role="search" action="/search" method="get">
<label for="notfound-q">Search figures, articles and claims</label>
<input id="notfound-q" name="q" type="search" value="${value}">
<button type="submit">Search</button>
</form>
<p>Or browse the <a href="/">figures</a>, <a href="/sources">sources</a> and <a href="/articles">articles</a>.</p>`
}

/** An error as a page, with the same message the API would give, under a heading naming the status. */
export function errorPage(status: number, message: string): string {
  const heading = ERROR_HEADING[status] ?? 'Something went wrong'
  // A 404 (an old link, a typo) offers a search rather than only the way home.
  return layout(heading, html`<h1>${heading}</h1><p>${message}</p>${status === 404 ? searchAgain('') : html`<p><a href="/">Back to the figures</a></p>`}`)
}
