import assert from 'node:assert/strict'
import { mkdtempSync, readFileSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { test } from 'node:test'
import { parseHTML } from 'linkedom'
import { main } from '../cli/main.ts'
import { FIXTURE_ARTICLES, seedFixture } from '../api/test-fixture.ts'
import { openSqliteStore } from '../store/sqlite/sqlite.ts'
import { mainWindow, renderTimelineSvg, valueCap, type ChartPoint } from './chart.ts'
import { findQuote, highlightLegend, renderHighlightedText } from './highlight.ts'
import { safeHref } from './html.ts'
import { editsPage, errorPage, sourceText } from './pages.ts'
import { NAME_TITLE_TOKENS, NAME_TITLES } from '../stages/tokens/titles.ts'
import { renderReport } from './report.ts'
import { ledgerView } from '../api/ledger.ts'

const DAY = (iso: string): number => Math.floor(Date.parse(`${iso}T00:00:00Z`) / 86_400_000)

function point(over: Partial<ChartPoint>): ChartPoint {
  return {
    claimKey: 'k', date: '2025-01-10', dateIsAsOf: false, published: '2025-01-10', value: 1000, low: null, high: null,
    approx: false, bound: null, vague: false, source: 'Officials', origin: 'source:officials', outlet: 'Wire', storyGroup: 'a',
    status: 'single-source', text: '1,000', articleKey: 'a', unit: null, url: null, ...over,
  }
}

test('mainWindow leaves out a stray date far from the rest, keeps an even series', () => {
  const recent = ['2024-10-01', '2024-11-15', '2025-01-20', '2025-03-02'].map(DAY)
  assert.deepEqual(mainWindow([DAY('1953-07-27'), ...recent]), [recent[0], recent[3]])
  assert.deepEqual(mainWindow([...recent, DAY('2031-01-01')]), [recent[0], recent[3]])
  const yearly = [2000, 2005, 2010, 2015, 2020].map((y) => DAY(`${y}-01-01`))
  assert.deepEqual(mainWindow(yearly), [yearly[0], yearly[4]])
})

test('valueCap ignores a value far above the others', () => {
  assert.equal(valueCap([10_000, 12_000, 11_000, 15_000, 1_200_000]), 15_000)
  assert.equal(valueCap([100, 200, 300]), 300)
  assert.equal(valueCap([]), 0)
})

test('the chart draws one point per claim, escapes stored strings, marks ranges, bounds and undated points', () => {
  const points = [
    point({ claimKey: 'a:1', source: '<script>alert(1)</script>', origin: 'source:x' }),
    point({ claimKey: 'b:2', value: null, low: 11_000, high: 12_000, date: '2025-02-01', published: '2025-02-01' }),
    point({ claimKey: 'c:3', bound: 'at_least', approx: true, date: null, published: null }),
  ]
  const svg = renderTimelineSvg(points, { href: (p) => `/articles/${p.articleKey}` })
  const { document } = parseHTML(`<html><body>${svg}</body></html>`)
  assert.deepEqual(Array.from(document.querySelectorAll('[data-claim]'), (e) => e.getAttribute('data-claim')), ['a:1', 'b:2', 'c:3'])
  assert.equal(document.querySelectorAll('script').length, 0)
  assert.ok(svg.includes('&lt;script&gt;alert(1)&lt;/script&gt;'))
  assert.equal(document.querySelectorAll('.range').length, 1)
  assert.equal(document.querySelectorAll('.bound-at-least').length, 1)
  assert.ok(svg.includes('>undated</text>'))
})

test('y-axis ticks are round numbers, so a label never misstates its line ("1.3K" for 1,250)', () => {
  const ticks = (values: number[]): string[] => {
    const svg = renderTimelineSvg(values.map((value, i) => point({ claimKey: `k${i}`, value })))
    const { document } = parseHTML(`<html><body>${svg}</body></html>`)
    return Array.from(document.querySelectorAll('.tick text[text-anchor="end"]'), (e) => e.textContent ?? '')
  }
  assert.deepEqual(ticks([200, 1000, 2300]), ['0', '500', '1K', '1.5K', '2K', '2.5K'])
  assert.deepEqual(ticks([3000, 4600]), ['0', '1K', '2K', '3K', '4K', '5K'])
  assert.deepEqual(ticks([9000, 11_000, 12_000]), ['0', '5K', '10K', '15K', '20K'])
  assert.deepEqual(ticks([150, 180]), ['0', '50', '100', '150', '200'])
})

test('highlights flatten overlapping spans into well-nested marks with code-point anchors', () => {
  const text = 'Intro 🇰🇵.\nThe NIS said some 15,000 troops were there. Next.'
  const cp = (s: string): number => [...text.slice(0, text.indexOf(s))].length
  const start = cp('some 15,000')
  const out = String(renderHighlightedText(text, {
    quantities: [{ start, end: start + 11 }],
    attributions: [{ source: { start: cp('The NIS'), end: cp('The NIS') + 7 }, cue: { start: cp('said'), end: cp('said') + 4 }, content: [{ start, end: cp(' were') + 5 }] }],
  }, [{ start, end: start + 11, quote: 'The NIS said some 15,000 troops were there.' }]))
  const { document } = parseHTML(`<html><body><div>${out}</div></body></html>`)
  assert.equal(document.querySelector('div')!.textContent, text, 'the text is kept exactly')
  const anchor = document.getElementById(`q-${start}`)!
  assert.equal(anchor.textContent, 'some 15,000')
  assert.equal(anchor.getAttribute('class'), 'claim content quantity')
  assert.equal(document.querySelector('.quote')!.textContent, 'The NIS said some 15,000 troops were there.')
  assert.equal(document.querySelector('mark.source')!.textContent, 'The NIS')
})

test('a highlight of several kinds is described with commas, as its title reads: "claimed figure, content, quantity" (rev15)', () => {
  const text = 'The NIS said some 15,000 troops were there.'
  const start = text.indexOf('some')
  const out = String(renderHighlightedText(text, {
    quantities: [{ start, end: start + 11 }],
    attributions: [{ source: { start: 0, end: 7 }, cue: { start: 8, end: 12 }, content: [{ start, end: text.length - 1 }] }],
  }, [{ start, end: start + 11, quote: text }]))
  const { document } = parseHTML(`<html><body>${String(highlightLegend())}<div id="t">${out}</div></body></html>`)
  // The accessible description: the referenced elements' texts joined by a space (accname 1.2, step 2B).
  const description = (m: Element): string => (m.getAttribute('aria-describedby') ?? '').split(' ').map((id) => document.getElementById(id)!.textContent).join(' ')
  const marks = [...document.querySelectorAll('#t mark')]
  assert.ok(marks.some((m) => m.getAttribute('title') === 'claimed figure, content, quantity'))
  for (const m of marks) assert.equal(description(m), m.getAttribute('title'))
  assert.equal(document.querySelector('#t')!.textContent, text, 'the text is kept exactly')
  // The legend shows each name once; the comma copies are hidden.
  assert.deepEqual([...document.querySelectorAll('.legend-inline mark')].map((m) => m.textContent), ['source', 'cue', 'content', 'quantity', 'claimed figure'])
  assert.ok([...document.querySelectorAll('.legend-inline span')].every((e) => e.hasAttribute('hidden')))
})

test('findQuote finds a whitespace-normalized sentence around an offset', () => {
  const text = 'A.  About 4,000\nwere hurt, officials said. About 4,000\nwere hurt, officials said.'
  const second = text.lastIndexOf('About')
  assert.deepEqual(findQuote(text, 'About 4,000 were hurt, officials said.', second), { start: second, end: text.length })
  assert.equal(findQuote(text, 'not there', 0), null)
})

test('safeHref keeps http(s) links only', () => {
  assert.equal(safeHref('javascript:alert(1)'), null)
  assert.equal(safeHref('data:text/html,x'), null)
  assert.equal(safeHref('https://example.test/a?b=1'), 'https://example.test/a?b=1')
  assert.equal(safeHref(null), null)
})

test('claimtrail report writes one self-contained page with chart, citations and methodology', async () => {
  const dir = mkdtempSync(join(tmpdir(), 'claimtrail-report-'))
  try {
    const db = join(dir, 'ledger.db')
    const store = openSqliteStore(db)
    await seedFixture(store)
    await store.close()
    const out = join(dir, 'captured.html')
    const err: string[] = []
    const io = {
      stdout: { write: () => true } as unknown as NodeJS.WritableStream,
      stderr: { write: (s: string) => { err.push(s); return true } } as unknown as NodeJS.WritableStream,
      stdin: process.stdin, isTty: false, env: {},
    }
    assert.equal(await main(['report', 'captured/north-korea/troops', '-o', out, '--db', db], io), 0, err.join(''))
    const page = readFileSync(out, 'utf8')
    const { document } = parseHTML(page)
    assert.equal(document.querySelectorAll('script').length, 0, 'no script, and the stored <script> is text')
    assert.equal(document.querySelectorAll('link[rel=stylesheet], img').length, 0, 'nothing external')
    assert.equal(document.querySelectorAll('svg.timeline [data-claim]').length, 1)
    const hostile = FIXTURE_ARTICLES.find((a) => a.id === 'hostile')!
    assert.ok(document.querySelector('table.evidence')!.textContent!.includes(hostile.outlet), 'the outlet is cited, as text')
    assert.equal(document.querySelectorAll('a[href^="javascript:"]').length, 0)
    assert.match(document.querySelector('.methodology')!.textContent!, /Statuses/)
    assert.equal(await main(['report', 'no-such-figure', '-o', out, '--db', db], io), 1)
    assert.equal(await main(['report', 'captured'], io), 2)
  } finally {
    rmSync(dir, { recursive: true, force: true })
  }
})

test('an article in a language claimtrail does not read says why it has no claims', async () => {
  const { createApp } = await import('../api/app.ts')
  const dir = mkdtempSync(join(tmpdir(), 'claimtrail-web-lang-'))
  const store = openSqliteStore(join(dir, 'ledger.db'))
  try {
    const app = createApp({ store })
    const post = (body: unknown) => app.request('/api/articles', { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify(body) })
    const ru = await (await post({ text: 'Минобороны России заявило, что около 2000 солдат прибыли.', outlet: 'TASS' })).json() as { key: string }
    const en = await (await post({ text: 'The weather was fine on Monday in Seoul.', outlet: 'Wire' })).json() as { key: string }
    const page = async (key: string) => parseHTML(await (await app.request(`/articles/${key}`)).text()).document.querySelector('#claims-h + p')?.textContent
    assert.equal(await page(ru.key), "No figures were looked for: the article's language (ru) is not English, the only language claimtrail reads.")
    assert.equal(await page(en.key), 'No attributed figures found in this article.')
  } finally {
    await store.close()
    rmSync(dir, { recursive: true, force: true })
  }
})

test('an error page\'s heading says what happened: not "Something went wrong" for a refused request (session 12)', () => {
  const heading = (status: number): string => parseHTML(errorPage(status, 'the message')).document.querySelector('h1')?.textContent ?? ''
  assert.equal(heading(400), 'Bad request')
  assert.equal(heading(404), 'Not found')
  assert.equal(heading(405), 'Method not allowed')
  assert.equal(heading(413), 'Request too large')
  assert.equal(heading(500), 'Something went wrong')
  const page = parseHTML(errorPage(405, 'DELETE is not allowed on this page')).document
  assert.equal(page.querySelector('title')?.textContent, 'Method not allowed · claimtrail')
  assert.equal(page.querySelector('main p')?.textContent, 'DELETE is not allowed on this page')
})

test('a source is followed by its entity in brackets only when its text does not already name it (session 13)', () => {
  assert.equal(sourceText('President Volodymyr Zelenskyy', 'Volodymyr Zelenskyy'), 'President Volodymyr Zelenskyy')
  assert.equal(sourceText('volodymyr zelenskyy', 'Volodymyr Zelenskyy'), 'volodymyr zelenskyy', 'case is ignored')
  assert.equal(sourceText('Ukraine\'s President Volodymyr Zelenskyy', 'President Volodymyr Zelenskyy'), 'Ukraine\'s President Volodymyr Zelenskyy', 'a title on the entity is ignored')
  assert.equal(sourceText('he', 'Volodymyr Zelenskyy'), 'he (Volodymyr Zelenskyy)')
  assert.equal(sourceText('It', 'NIS'), 'It (NIS)')
  assert.equal(sourceText('Zelenskyy', 'Volodymyr Zelenskyy'), 'Zelenskyy (Volodymyr Zelenskyy)', 'a part of the name is not the name')
  assert.equal(sourceText('Nisa Ahmed', 'NIS'), 'Nisa Ahmed (NIS)', 'whole words only')
  assert.equal(sourceText('officials', null), 'officials')
})

test('the titles sourceText skips on an entity are the attribution stage\'s, with or without a full stop (rev14)', () => {
  for (const title of NAME_TITLES) {
    if (title === 'the' || title === 'a') continue
    const entity = `${title[0].toUpperCase()}${title.slice(1)} Jane Roe`
    assert.equal(sourceText('Jane Roe', entity), 'Jane Roe', entity)
  }
  for (const entity of ['Sen. Jane Roe', 'Sen Jane Roe', 'Mr. Jane Roe', 'Mr Jane Roe']) assert.equal(sourceText('Jane Roe', entity), 'Jane Roe', entity)
  // every title the attribution stage trims from a source is one of them
  for (const token of NAME_TITLE_TOKENS) assert.ok(NAME_TITLES.has(token.replace(/\.$/, '')), token)
})

test('the edits page names a figure by its label, and by its id once the figure is gone (session 13)', () => {
  const edit = (id: number, figure: string) => ({ id, decision: { kind: 'rename' as const, figure, label: 'x' }, createdAt: '2026-11-28T07:00:00Z', undoneAt: null, before: null })
  const page = editsPage([edit(2, 'deployed/north-korea/troops'), edit(1, 'deployed/north-korea/troops~2')], 2, new Map(), null,
    (id) => id === 'deployed/north-korea/troops' ? { id, label: 'Troops <sent>' } : null)
  const { document } = parseHTML(page)
  const cells = [...document.querySelectorAll('td[data-label="Figure"]')]
  assert.deepEqual(cells.map((td) => td.textContent), ['Troops <sent>', 'deployed/north-korea/troops~2'])
  assert.equal(cells[0].querySelector('a')?.getAttribute('href'), '/figures/deployed/north-korea/troops')
  assert.equal(cells[1].querySelector('a'), null)
})

test('claimtrail report notes "as of; published X" only when X is another date (session 13)', async () => {
  const dir = mkdtempSync(join(tmpdir(), 'claimtrail-report-'))
  try {
    const store = openSqliteStore(join(dir, 'ledger.db'))
    await seedFixture(store)
    const f = (await ledgerView(store)).figures.find((x) => x.id === 'captured/north-korea/troops')!
    await store.close()
    const p = f.points[0]
    const points = [{ ...p, date: '2024-10-18', dateIsAsOf: true, published: '2024-10-18' }, { ...p, claimKey: 'other', date: '2025-01', dateIsAsOf: true, published: '2025-02-10' }]
    const { document } = parseHTML(renderReport({ ...f, points }, { generatedAt: '2026-11-28T07:00:00Z' }))
    const dates = [...document.querySelectorAll('table.evidence tbody tr')].map((tr) => tr.querySelector('td')!.textContent!.replace(/\s+/g, ' ').trim())
    assert.deepEqual(dates, ['2024-10-18', '2025-01as of; published 2025-02-10'])
  } finally {
    rmSync(dir, { recursive: true, force: true })
  }
})
