import assert from 'node:assert/strict'
import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { after, before, describe, test } from 'node:test'
import { withPostgresSchemas } from '../store/postgres/test-schemas.ts'
import { openSqliteStore } from '../store/sqlite/sqlite.ts'
import type { Store } from '../store/store.ts'
import { openApiDocument } from './openapi.ts'
import { API_ROUTES } from './routes.ts'
import { startServer, type RunningServer } from './server.ts'
import { FIXTURE_ARTICLES, fixtureInput, seedFixture } from './test-fixture.ts'

// One real server on an ephemeral port over a real SQLite file (and a PostgreSQL
// schema, unless CLAIMTRAIL_SKIP_PG=1), seeded with the hand-made fixture; the analyzer
// (for extract and ingest) is the real one. The suites run one after the other.
const TOKEN = 'test-token-123'
const DEPLOYED = 'deployed/north-korea/troops'
let dir: string
let store: Store
let server: RunningServer
let keys: Map<string, string>

const fixtureClaims = FIXTURE_ARTICLES.flatMap((a) => a.claims.map((c) => ({ ...c, article: a })))

interface Reply {
  status: number
  body: any
  headers: Headers
}

async function call(method: string, path: string, options: { body?: unknown; raw?: string; token?: string | null } = {}): Promise<Reply> {
  const headers: Record<string, string> = {}
  if (options.body !== undefined || options.raw !== undefined) headers['Content-Type'] = 'application/json'
  if (options.token) headers.Authorization = `Bearer ${options.token}`
  const res = await fetch(server.url + path, {
    method, headers, body: options.raw ?? (options.body === undefined ? undefined : JSON.stringify(options.body)),
  })
  const text = await res.text()
  let body: unknown = text
  // A HEAD reply has the headers of a JSON one and no body.
  if ((res.headers.get('content-type') ?? '').includes('json') && text !== '') body = JSON.parse(text)
  return { status: res.status, body, headers: res.headers }
}

const get = (path: string): Promise<Reply> => call('GET', path)
const post = (path: string, body: unknown, token: string | null = TOKEN): Promise<Reply> => call('POST', path, { body, token })

function assertError(r: Reply, status: number, code: string): void {
  assert.equal(r.status, status, JSON.stringify(r.body))
  assert.equal(r.body.error.code, code)
  assert.equal(typeof r.body.error.message, 'string')
  assert.ok(!/\n\s+at /.test(r.body.error.message), 'no stack trace in errors')
}

/** The API suite over a store that `open` gives, fresh and empty. */
function apiCases(backend: string, open: () => Promise<Store>, close: () => Promise<void> = async () => {}): void {
  describe(`api on ${backend}`, () => {
    before(async () => {
      store = await open()
      keys = await seedFixture(store)
      server = await startServer({ store, port: 0, token: TOKEN })
    })

    after(async () => {
      await server.close()
      await store.close()
      await close()
    })

    describe('figures', () => {
      test('lists every figure with counts; filters validate', async () => {
        const r = await get('/api/figures')
        assert.equal(r.status, 200)
        const expectedIds = new Set(fixtureClaims.map((c) => `${c.category}/north-korea/troops`))
        assert.deepEqual(new Set(r.body.figures.map((f: any) => f.id)), expectedIds)
        const deployed = r.body.figures.find((f: any) => f.id === DEPLOYED)
        assert.equal(deployed.points, fixtureClaims.filter((c) => c.category === 'deployed').length)
        // NIS (twice: revised), Ukraine's military intelligence, US officials (one wire story, three outlets).
        assert.equal(deployed.independentSources, 3)
        assert.equal(deployed.status, 'revised')
        const only = await get('/api/figures?category=casualties')
        assert.deepEqual(only.body.figures.map((f: any) => f.id), ['casualties/north-korea/troops'])
        assertError(await get('/api/figures?status=maybe'), 400, 'BAD_INPUT')
        assertError(await get('/api/figures?category=aliens'), 400, 'BAD_INPUT')
      })

      test('one figure with its timeline, by literal or encoded id; unknown is 404', async () => {
        const a = await get(`/api/figures/${DEPLOYED}`)
        const b = await get(`/api/figures/${encodeURIComponent(DEPLOYED)}`)
        assert.equal(a.status, 200)
        assert.deepEqual(a.body, b.body)
        assert.equal(a.body.timeline.length, a.body.points)
        const wire = a.body.timeline.filter((p: any) => p.source === 'US officials')
        assert.equal(wire.length, 3)
        assert.equal(new Set(wire.map((p: any) => p.storyGroup)).size, 1, 'the wire copies are one story group')
        for (const p of a.body.timeline) assert.equal(typeof p.start, 'number')
        assertError(await get('/api/figures/killed/martians/troops'), 404, 'NOT_FOUND')
      })
    })

    describe('claims', () => {
      test('pages by offset and by cursor cover every claim once, with the total', async () => {
        const total = fixtureClaims.length
        const byOffset: string[] = []
        for (let offset = 0; offset < total; offset += 4) {
          const r = await get(`/api/claims?limit=4&offset=${offset}`)
          assert.equal(r.status, 200)
          assert.equal(r.body.total, total)
          byOffset.push(...r.body.claims.map((c: any) => c.key))
        }
        const byCursor: string[] = []
        let cursor: string | null = null
        let pages = 0
        do {
          const r: Reply = await get(`/api/claims?limit=4${cursor ? `&cursor=${cursor}` : ''}`)
          byCursor.push(...r.body.claims.map((c: any) => c.key))
          cursor = r.body.nextCursor
          pages++
        } while (cursor !== null && pages < 10)
        assert.equal(new Set(byOffset).size, total)
        assert.deepEqual(byCursor, byOffset)
        assert.equal(pages, Math.ceil(total / 4))
      })

      test('filters: source, figure, category, since/until, text', async () => {
        const us = await get('/api/claims?source=us%20officials')
        assert.equal(us.body.total, fixtureClaims.filter((c) => c.source === 'US officials').length)
        const fig = await get(`/api/claims?figure=${encodeURIComponent('casualties/north-korea/troops')}`)
        assert.ok(fig.body.claims.every((c: any) => c.figure === 'casualties/north-korea/troops'))
        assert.equal(fig.body.total, fixtureClaims.filter((c) => c.category === 'casualties').length)
        const cat = await get('/api/claims?category=captured')
        assert.equal(cat.body.total, 1)
        const since = await get('/api/claims?since=2025')
        assert.equal(since.body.total, fixtureClaims.filter((c) => c.article.published >= '2025-01-01').length)
        const until = await get('/api/claims?until=2024-11')
        assert.equal(until.body.total, fixtureClaims.filter((c) => c.article.published <= '2024-11-31').length)
        const text = await get('/api/claims?text=airborne')
        assert.equal(text.body.total, 0, 'text matches quotes, and no quote mentions airborne')
        const kursk = await get('/api/claims?text=Kursk')
        assert.ok(kursk.body.total >= 3)
      })

      test('validation errors', async () => {
        for (const q of ['limit=0', 'limit=501', 'limit=ten', 'offset=-1', 'category=aliens', 'since=yesterday', 'since=2025-13', 'until=2025-02-30', 'cursor=notacursor', 'cursor=eyJvIjo0fQ&offset=4']) {
          assertError(await get(`/api/claims?${q}`), 400, 'BAD_INPUT')
        }
        assertError(await get('/api/claims?figure=no/such/figure'), 404, 'NOT_FOUND')
        // a wrong page number says what to give, not zod's "expected number, received NaN" (rev15)
        for (const [q, message] of [['limit=ten', 'limit: give a whole number from 1 to 500'], ['limit=0', 'limit: give a whole number from 1 to 500'],
          ['limit=2.5', 'limit: give a whole number from 1 to 500'], ['offset=-1', 'offset: give a whole number, 0 or more']]) {
          assert.equal((await get(`/api/claims?${q}`)).body.error.message, message, q)
        }
        assert.equal((await get('/api/search?q=troops&limit=101')).body.error.message, 'limit: give a whole number from 1 to 100')
      })
    })

    describe('articles', () => {
      test('list with pagination', async () => {
        const all = await get('/api/articles')
        assert.equal(all.body.total, FIXTURE_ARTICLES.length)
        assert.ok(all.body.articles.every((a: any) => a.signature === undefined), 'no internal signature')
        const page = await get('/api/articles?limit=3&offset=3')
        assert.deepEqual(page.body.articles.map((a: any) => a.key), all.body.articles.slice(3, 6).map((a: any) => a.key))
        const outlet = await get('/api/articles?outlet=seoul%20herald')
        assert.equal(outlet.body.total, FIXTURE_ARTICLES.filter((a) => a.outlet === 'Seoul Herald').length)
        assertError(await get('/api/articles?limit=100000'), 400, 'BAD_INPUT')
      })

      test('one article: text and annotations with code-point offsets', async () => {
        const fixture = FIXTURE_ARTICLES.find((a) => a.id === 'nis-revision')!
        const r = await get(`/api/articles/${keys.get('nis-revision')}`)
        assert.equal(r.status, 200)
        assert.equal(r.body.text, fixture.text)
        const cps = [...r.body.text]
        // The text has an emoji (two UTF-16 units, one code point) before the claims.
        for (const q of r.body.annotations.quantities) assert.equal(cps.slice(q.start, q.end).join(''), q.text)
        for (const a of r.body.annotations.attributions) assert.equal(cps.slice(a.cue.start, a.cue.end).join(''), a.cue.text)
        assert.equal(r.body.claims.length, fixture.claims.length)
        assert.ok(r.body.claims.every((c: any) => typeof c.figure === 'string'))
        assertError(await get('/api/articles/0000000000000000'), 404, 'NOT_FOUND')
      })
    })

    describe('sources and search', () => {
      test('sources with their claims over time', async () => {
        const r = await get('/api/sources')
        const nis = r.body.sources.find((s: any) => s.name === 'nis')
        assert.equal(nis.claims, fixtureClaims.filter((c) => /NIS/.test(c.sourceEntity ?? c.source ?? '')).length)
        const one = await get('/api/sources/nis')
        assert.equal(one.status, 200)
        const dates = one.body.claims.map((c: any) => c.asOf ?? c.published)
        assert.deepEqual(dates, [...dates].sort())
        const bySpelling = await get(`/api/sources/${encodeURIComponent('US officials')}`)
        assert.equal(bySpelling.body.claims.length, 3)
        assertError(await get('/api/sources/nobody'), 404, 'NOT_FOUND')
      })

      test('full-text search over articles and claims', async () => {
        const r = await get('/api/search?q=Kursk')
        assert.equal(r.status, 200)
        assert.equal(r.body.articles.total, FIXTURE_ARTICLES.filter((a) => /Kursk/.test(a.text) || /Kursk/.test(a.title)).length)
        assert.ok(r.body.claims.total >= 3)
        const fig = await get('/api/search?q=casualties')
        assert.ok(fig.body.figures.items.some((f: any) => f.id === 'casualties/north-korea/troops'))
        assertError(await get('/api/search'), 400, 'BAD_INPUT')
        assertError(await get('/api/search?q=%20'), 400, 'BAD_INPUT')
      })

      test('search: a claim carried by several articles keeps one item per copy, each naming its group; group=1 gives one item per group (ux14b)', async () => {
        const r = await get('/api/search?q=Kursk&limit=100')
        assert.equal(r.status, 200)
        const items: any[] = r.body.claims.items
        assert.equal(items.length, r.body.claims.total)
        // Backward compatible: each item is the claim as /api/claims gives it, plus group and copies.
        const listed = await get(`/api/claims?text=Kursk&limit=500`)
        const byKey = new Map(listed.body.claims.map((cl: any) => [cl.key, cl]))
        for (const { group, copies, ...rest } of items) {
          assert.deepEqual(rest, byKey.get(rest.key))
          assert.equal(typeof group, 'string')
          assert.ok(copies >= 1)
        }
        // The wire story: three outlets, one group named by the first of its copies listed.
        const wire = items.filter((cl) => cl.source === 'US officials')
        assert.deepEqual(wire.map((cl) => cl.outlet).sort(), ['Atlantic Daily', 'Northern Times', 'Pacific Ledger'])
        assert.deepEqual(new Set(wire.map((cl) => cl.group)), new Set([wire[0].key]))
        assert.deepEqual(wire.map((cl) => cl.copies), [3, 3, 3])
        for (const cl of items.filter((x) => x.source !== 'US officials')) assert.equal(cl.group, cl.key, `${cl.source}: alone in its group`)
        assert.equal(r.body.claims.groups, new Set(items.map((cl) => cl.group)).size)
        assert.equal(r.body.claims.groups, items.length - 2)

        const grouped = await get('/api/search?q=Kursk&limit=100&group=1')
        assert.equal(grouped.status, 200)
        assert.equal(grouped.body.claims.total, r.body.claims.total)
        assert.equal(grouped.body.claims.items.length, r.body.claims.groups)
        const line = grouped.body.claims.items.find((cl: any) => cl.source === 'US officials')
        assert.equal(line.key, wire[0].key)
        assert.equal(line.copies, 3)
        assert.deepEqual(line.articles.map((a: any) => a.key), wire.map((cl) => cl.key))
        assert.deepEqual(line.articles.map((a: any) => a.outlet), wire.map((cl) => cl.outlet))
        assert.equal(new Set(line.articles.map((a: any) => a.articleKey)).size, 3)
        for (const a of line.articles) assert.deepEqual(Object.keys(a).sort(), ['articleKey', 'end', 'key', 'outlet', 'published', 'start', 'title', 'url'])
        // limit counts groups with group=1.
        assert.equal((await get('/api/search?q=Kursk&limit=1&group=1')).body.claims.items.length, 1)
        assertError(await get('/api/search?q=Kursk&group=yes'), 400, 'BAD_INPUT')
      })
    })

    describe('export', () => {
      test('CSV and JSON with citations for every point', async () => {
        const csv = await get('/api/export?format=csv')
        assert.equal(csv.status, 200)
        assert.match(csv.headers.get('content-type') ?? '', /text\/csv/)
        const lines = (csv.body as string).trim().split('\r\n')
        assert.ok(lines[0].includes('outlet') && lines[0].includes('url') && lines[0].includes('quote'))
        const json = await get('/api/export?format=json')
        assert.equal(json.body.total, fixtureClaims.length)
        assert.ok(json.body.rows.every((r: any) => typeof r.quote === 'string' && r.quote.length > 0))
        const one = await get(`/api/export?format=json&figure=${encodeURIComponent(DEPLOYED)}`)
        assert.equal(one.body.total, fixtureClaims.filter((c) => c.category === 'deployed').length)
        assertError(await get('/api/export?format=xml'), 400, 'BAD_INPUT')
      })
    })

    describe('extract and ingest (real extractor)', () => {
      test('POST /api/extract analyses without storing and needs no token', async () => {
        const before = await store.counts()
        const text = 'About 4,000 North Korean soldiers have been killed or wounded, according to Western officials. 🇰🇵'
        const r = await post('/api/extract', { text, published: '2025-02-20' }, null)
        assert.equal(r.status, 200)
        assert.equal(r.body.text, text)
        assert.equal(r.body.published, '2025-02-20')
        const cps = [...text]
        for (const q of r.body.quantities) assert.equal(cps.slice(q.start, q.end).join(''), q.text)
        assert.ok(Array.isArray(r.body.claims) && Array.isArray(r.body.attributions))
        assert.deepEqual(await store.counts(), before)
        assertError(await post('/api/extract', { text: '' }, null), 400, 'BAD_INPUT')
        // As `claimtrail extract` and POST /api/articles refuse them (session 12: was 200 with a language warning).
        const blank = await post('/api/extract', { text: ' \n\t ' }, null)
        assertError(blank, 400, 'BAD_INPUT')
        assert.equal(blank.body.error.message, 'text: empty document (white space only), nothing to analyse')
        assertError(await post('/api/extract', { text: 'About 4,000\u0000 troops.' }, null), 400, 'BAD_INPUT')
        assertError(await post('/api/extract', { text: 'x', published: '2025-02-30' }, null), 400, 'BAD_INPUT')
        assertError(await call('POST', '/api/extract', { raw: '{"text": ' }), 400, 'BAD_INPUT')
        // A cross-site form can send text/plain without a preflight: refused.
        const plain = await fetch(`${server.url}/api/extract`, { method: 'POST', headers: { 'Content-Type': 'text/plain' }, body: JSON.stringify({ text: 'x' }) })
        assert.equal(plain.status, 400)
        // zod's wording is said as what to send (rev15); a schema's own message is kept
        const said = async (path: string, body: unknown): Promise<string> => (await post(path, body, null)).body.error.message
        assert.equal(await said('/api/extract', [1]), 'body: must be a JSON object, not a list')
        assert.equal(await said('/api/extract', { text: 5 }), 'text: must be a string, not a number')
        assert.equal(await said('/api/extract', { text: 'x', title: 'y'.repeat(1001) }), 'title: must be at most 1000 characters')
        assert.equal(await said('/api/extract', {}), 'text: required')
        assert.equal((await get('/api/search?q=')).body.error.message, 'q: must not be empty')
        assert.equal((await get('/api/export?format=xml')).body.error.message, 'format: use one of csv, json')
      })

      test('POST /api/articles ingests once, needs the token', async () => {
        const body = { text: 'Officials said 2,000 more North Korean troops arrived in March.', outlet: 'Test Wire', published: '2025-03-20', url: 'https://test-wire.test/a' }
        assertError(await post('/api/articles', body, null), 401, 'UNAUTHORIZED')
        assertError(await post('/api/articles', body, 'wrong-token'), 401, 'UNAUTHORIZED')
        const first = await post('/api/articles', body)
        assert.equal(first.status, 201)
        assert.equal(first.body.status, 'inserted')
        const again = await post('/api/articles', body)
        assert.equal(again.status, 200)
        assert.equal(again.body.status, 'duplicate')
        assert.equal(again.body.key, first.body.key)
        const stored = await get(`/api/articles/${first.body.key}`)
        assert.equal(stored.body.text, body.text)
        assert.equal(stored.body.article.outlet, 'Test Wire')
        const fromHtml = await post('/api/articles', { html: '<html><head><title>T</title></head><body><article><p>A new report on 500 workers.</p></article><script>x()</script></body></html>' })
        assert.equal(fromHtml.status, 201)
        const page = await get(`/api/articles/${fromHtml.body.key}`)
        assert.ok(!page.body.text.includes('x()'), 'scripts are not article text')
        assertError(await post('/api/articles', { text: 'a', html: '<p>b</p>' }), 400, 'BAD_INPUT')
        assertError(await post('/api/articles', {}), 400, 'BAD_INPUT')
        assertError(await post('/api/articles', { text: 'a', url: 'javascript:alert(1)' }), 400, 'BAD_INPUT')
        assertError(await post('/api/articles', { text: 'a', published: 'March' }), 400, 'BAD_INPUT')
      })

      test('GET /api/sources/JCS finds a source known by its full name (its initials)', async () => {
        const r = await post('/api/articles', { text: "About 3,000 North Korean troops are now in Russia, South Korea's Joint Chiefs of Staff said on Friday.", outlet: 'Seoul Wire', published: '2024-10-25' })
        assert.equal(r.status, 201, JSON.stringify(r.body))
        const full = await get('/api/sources/Joint%20Chiefs%20of%20Staff')
        assert.equal(full.status, 200, JSON.stringify(full.body))
        const byInitials = await get('/api/sources/JCS')
        assert.equal(byInitials.status, 200, JSON.stringify(byInitials.body))
        assert.equal(byInitials.body.source.name, full.body.source.name)
        assert.ok(byInitials.body.claims.some((c: any) => c.value === 3000))
        // An exact name still wins ("NIS" is a source of the fixture), and nonsense is still 404.
        assert.equal((await get('/api/sources/NIS')).body.source.name, 'nis')
        assertError(await get('/api/sources/JCSX'), 404, 'NOT_FOUND')
      })

      test('POST /api/articles returns the extractor\'s warnings, as the CLI\'s ingest prints them', async () => {
        const korean = await post('/api/articles', { text: '북한은 러시아에 병력 1만2천명을 파견했다고 국정원이 밝혔다.', outlet: 'Seoul Daily' })
        assert.equal(korean.status, 201, JSON.stringify(korean.body))
        assert.equal(korean.body.claims, 0)
        assert.equal(korean.body.warnings.length, 1)
        assert.match(korean.body.warnings[0], /language "ko" is not supported/)
        const english = await post('/api/articles', { text: 'Officials said 3,000 North Korean troops left in May.', outlet: 'Test Wire' })
        assert.equal(english.status, 201)
        assert.deepEqual(english.body.warnings, [])
      })
    })

    describe('figure decisions', () => {
      test('rename, split and merge go through stored decisions', async () => {
        const decisionsBefore = (await store.decisions()).length
        assertError(await post(`/api/figures/${DEPLOYED}/rename`, { label: 'x' }, null), 401, 'UNAUTHORIZED')
        const renamed = await post(`/api/figures/${DEPLOYED}/rename`, { label: 'North Korean troops in Russia' })
        assert.equal(renamed.status, 200)
        assert.equal((await get(`/api/figures/${DEPLOYED}`)).body.label, 'North Korean troops in Russia')

        const fig = (await get(`/api/figures/${DEPLOYED}`)).body
        const wireKeys = fig.timeline.filter((p: any) => p.source === 'US officials').map((p: any) => p.claimKey)
        const split = await post(`/api/figures/${DEPLOYED}/split`, { claimKeys: wireKeys, label: 'US estimate' })
        assert.equal(split.status, 201)
        assert.equal(split.body.figure.points, wireKeys.length)
        assert.equal(split.body.from.points, fig.points - wireKeys.length)
        const newId = split.body.figure.id
        assert.equal(newId, `${DEPLOYED}~2`, 'named as claimtrail figure split names it')
        assertError(await post(`/api/figures/${DEPLOYED}/split`, { claimKeys: [fig.timeline[0].claimKey], newFigure: newId }), 409, 'CONFLICT')

        const merged = await post('/api/figures/merge', { figure: newId, into: DEPLOYED })
        assert.equal(merged.status, 200)
        assert.equal(merged.body.figure.points, fig.points)
        assert.ok(merged.body.figure.aliases.includes(newId))
        // The merged-away id still resolves, to the figure that holds its claims now.
        assert.equal((await get(`/api/figures/${newId}`)).body.id, DEPLOYED)
        assert.equal((await store.decisions()).length, decisionsBefore + 3)
      })

      test('decision validation', async () => {
        assertError(await post('/api/figures/merge', { figure: DEPLOYED, into: DEPLOYED }), 400, 'BAD_INPUT')
        assertError(await post('/api/figures/merge', { figure: DEPLOYED }), 400, 'BAD_INPUT')
        assertError(await post('/api/figures/merge', { figure: 'no/such', into: DEPLOYED }), 404, 'NOT_FOUND')
        assertError(await post(`/api/figures/${DEPLOYED}/rename`, { label: '   ' }), 400, 'BAD_INPUT')
        assertError(await post(`/api/figures/${DEPLOYED}/split`, { claimKeys: ['not-a-claim'] }), 400, 'BAD_INPUT')
        assertError(await post(`/api/figures/${DEPLOYED}/split`, { claimKeys: [] }), 400, 'BAD_INPUT')
        const all = (await get(`/api/figures/${DEPLOYED}`)).body.timeline.map((p: any) => p.claimKey)
        assertError(await post(`/api/figures/${DEPLOYED}/split`, { claimKeys: all }), 400, 'BAD_INPUT')
        // A figure's path answers GET: POSTing to it (or below it, but for /split and /rename) is 405.
        assertError(await post(`/api/figures/${DEPLOYED}/explode`, {}), 405, 'METHOD_NOT_ALLOWED')
      })
    })

    describe('undoing edits (session 13)', () => {
      // What a user sees of the figures: ids, labels, aliases, and which claims each holds.
      async function snapshot(): Promise<unknown> {
        const figures = (await get('/api/figures')).body.figures
        const claims = (await get('/api/claims?limit=500')).body.claims
        return figures.map((f: any) => ({
          id: f.id, label: f.label, aliases: [...f.aliases].sort(),
          claims: claims.filter((cl: any) => cl.figure === f.id).map((cl: any) => cl.key).sort(),
        })).sort((a: any, b: any) => a.id.localeCompare(b.id))
      }
      const undo = (id: unknown, token: string | null = TOKEN): Promise<Reply> => call('POST', `/api/edits/${id}/undo`, { body: {}, token })

      test('undo in reverse order restores the figures exactly; a built-upon edit and a second undo are refused with 409', async () => {
        const start = await snapshot()
        const totalBefore = (await get('/api/edits')).body.total
        const other = (await get('/api/figures')).body.figures.find((f: any) => f.id !== DEPLOYED && !f.id.startsWith('deployed/'))
        assert.ok(other, 'the fixture has a second figure')

        const rename = await post(`/api/figures/${DEPLOYED}/rename`, { label: 'Troops sent by Pyongyang' })
        const fig = (await get(`/api/figures/${DEPLOYED}`)).body
        const split = await post(`/api/figures/${DEPLOYED}/split`, { claimKeys: [fig.timeline[0].claimKey], label: 'One odd estimate' })
        assert.equal(split.status, 201, JSON.stringify(split.body))
        const merge = await post('/api/figures/merge', { figure: other.id, into: DEPLOYED })
        assert.equal(merge.status, 200, JSON.stringify(merge.body))
        const ids = [rename.body.decision.id, split.body.decision.id, merge.body.decision.id]
        assert.notDeepEqual(await snapshot(), start)

        const log = await get('/api/edits?limit=3')
        assert.equal(log.status, 200)
        assert.equal(log.body.total, totalBefore + 3)
        assert.deepEqual(log.body.edits.map((e: any) => e.id), [...ids].reverse(), 'newest first')
        const [m, sp, rn] = log.body.edits
        assert.deepEqual([m.kind, sp.kind, rn.kind], ['merge', 'split', 'rename'])
        assert.equal(rn.before[0].label !== 'Troops sent by Pyongyang', true, 'the label before the rename is kept')
        assert.match(rn.description, /^renamed deployed\/north-korea\/troops from ".+" to "Troops sent by Pyongyang"$/)
        assert.deepEqual([m.undoable, sp.undoable, rn.undoable], [true, false, false])
        assert.deepEqual(rn.blockedBy, [ids[1], ids[2]])

        // The rename is built upon (the split and the merge name the same figure): refused, nothing changes.
        const refused = await undo(ids[0])
        assertError(refused, 409, 'CONFLICT')
        assert.match(refused.body.error.message, new RegExp(`^edit #${ids[0]} \\(renamed .*\\) cannot be undone while 2 later edits build on it: undo #${ids[2]} \\(merged .*\\), #${ids[1]} \\(split .*\\) first, newest first$`))
        const afterRefusal = await snapshot()

        const undoneMerge = await undo(ids[2])
        assert.equal(undoneMerge.status, 200, JSON.stringify(undoneMerge.body))
        assert.equal(undoneMerge.body.edit.id, ids[2])
        assert.equal(undoneMerge.body.edit.applied, false)
        assert.equal(undoneMerge.body.figure.id, other.id, 'the merged-away figure is back under its own id')
        assert.equal((await undo(ids[1])).status, 200)
        assert.equal((await undo(ids[0])).status, 200)
        assert.deepEqual(await snapshot(), start, 'ids, labels, aliases and claim membership as before the three edits')
        assert.notDeepEqual(afterRefusal, start)
        assertError(await get(`/api/figures/${split.body.figure.id}`), 404, 'NOT_FOUND')

        // Undoing twice: 409, saying when; nothing is lost: the log keeps all three, marked undone.
        const twice = await undo(ids[0])
        assertError(twice, 409, 'CONFLICT')
        assert.match(twice.body.error.message, /was already undone at \d{4}-\d{2}-\d{2} \d{2}:\d{2} UTC; nothing to do$/)
        const kept = await get('/api/edits?limit=3')
        assert.equal(kept.body.total, totalBefore + 3)
        assert.deepEqual(kept.body.edits.map((e: any) => [e.id, e.applied, typeof e.undoneAt]), [...ids].reverse().map((id) => [id, false, 'string']))
        assert.deepEqual(await snapshot(), start)
      })

      test('an edit on another figure is undone out of order; bad ids, no token, no JSON type are clear errors', async () => {
        const figures = (await get('/api/figures')).body.figures
        const [a, b] = figures.filter((f: any) => f.points > 0).map((f: any) => f.id)
        const start = await snapshot()
        const first = (await post(`/api/figures/${a}/rename`, { label: 'First figure, renamed' })).body.decision.id
        const second = (await post(`/api/figures/${b}/rename`, { label: 'Second figure, renamed' })).body.decision.id
        const r = await undo(first)
        assert.equal(r.status, 200, JSON.stringify(r.body))
        assert.equal(r.body.figure.id, a)
        assert.equal((await get(`/api/figures/${b}`)).body.label, 'Second figure, renamed', 'the later, independent edit still applies')
        assertError(await undo(999999), 404, 'NOT_FOUND')
        assert.match((await undo(999999)).body.error.message, /^no edit #999999; GET \/api\/edits lists the edits$/)
        assertError(await undo('abc'), 400, 'BAD_INPUT')
        assertError(await undo(second, null), 401, 'UNAUTHORIZED')
        assertError(await call('POST', `/api/edits/${second}/undo`, { token: TOKEN }), 400, 'BAD_INPUT')
        assertError(await call('GET', `/api/edits/${second}/undo`), 405, 'METHOD_NOT_ALLOWED')
        assertError(await get('/api/edits?limit=0'), 400, 'BAD_INPUT')
        assert.equal((await get(`/api/figures/${b}`)).body.label, 'Second figure, renamed', 'refused undos changed nothing')
        assert.equal((await undo(second)).status, 200)
        assert.deepEqual(await snapshot(), start)
      })

      test('labels in the edit log are escaped on the web pages', async () => {
        const hostile = '<img src=x onerror=alert(1)>"quoted"'
        const renamed = await post(`/api/figures/${DEPLOYED}/rename`, { label: hostile })
        for (const path of ['/edits', `/figures/${DEPLOYED}`]) {
          const page = await get(path)
          assert.equal(page.status, 200)
          assert.ok(!String(page.body).includes('<img src=x'), `${path} escapes the label`)
          assert.match(String(page.body), /&lt;img src=x onerror=alert\(1\)&gt;/)
        }
        assert.equal((await undo(renamed.body.decision.id)).status, 200)
      })

      test('an undone merge stays undone after the same articles are posted again and a new one arrives', async () => {
        const other = (await get('/api/figures')).body.figures.find((f: any) => f.id !== DEPLOYED && !f.id.startsWith('deployed/'))
        const merged = await post('/api/figures/merge', { figure: other.id, into: DEPLOYED })
        assert.equal((await undo(merged.body.decision.id)).status, 200)
        const start = await snapshot()
        for (const a of FIXTURE_ARTICLES.slice(0, 2)) {
          const again = await post('/api/articles', { text: a.text, url: a.url, outlet: a.outlet, published: a.published })
          assert.equal(again.body.status, 'duplicate')
        }
        assert.deepEqual(await snapshot(), start)
        assert.ok((await get('/api/figures')).body.figures.some((f: any) => f.id === other.id))
      })
    })

    describe('caching', () => {
      test('figures follow writes made outside the server (another process ingesting)', async () => {
        const before = (await get('/api/figures')).body.figures.map((f: any) => f.id)
        assert.ok(!before.includes('missing/north-korea/troops'))
        await store.putArticle(fixtureInput({
          id: 'outside', title: 'Missing soldiers', outlet: 'Kyiv Wire', published: '2025-04-01', url: 'https://kyiv-wire.test/missing',
          text: 'Officials said 120 North Korean troops were missing.',
          claims: [{ quantity: '120', value: 120, category: 'missing', counted: 'North Korean troops', subject: 'North Korea', source: 'Officials', cue: 'said', content: '120 North Korean troops were missing' }],
        }))
        const after = (await get('/api/figures')).body.figures.map((f: any) => f.id)
        assert.ok(after.includes('missing/north-korea/troops'))
      })
    })

    describe('protocol', () => {
      test('body over the limit is 413, before any work', async () => {
        const big = { text: 'x'.repeat(1024 * 1024 + 10) }
        assertError(await post('/api/extract', big, null), 413, 'TOO_LARGE')
        assertError(await post('/api/articles', big), 413, 'TOO_LARGE')
      })

      test('unknown routes are JSON 404s; the token is checked before routing', async () => {
        assertError(await get('/api/nope'), 404, 'NOT_FOUND')
        assertError(await call('DELETE', '/api/nope', { token: TOKEN }), 404, 'NOT_FOUND')
        assertError(await call('DELETE', '/api/articles/abc', { token: TOKEN }), 405, 'METHOD_NOT_ALLOWED')
        assertError(await call('DELETE', '/api/articles/abc'), 401, 'UNAUTHORIZED')
        const page = await get('/no/such/page')
        assert.equal(page.status, 404)
        assert.match(String(page.body), /<h1>Not found<\/h1>/)
      })

      test('a known path with a method it does not answer is 405 with Allow, not 404 (session 12)', async () => {
        const del = await call('DELETE', `/api/figures/${DEPLOYED}`, { token: TOKEN })
        assertError(del, 405, 'METHOD_NOT_ALLOWED')
        assert.equal(del.headers.get('allow'), 'GET, HEAD')
        assert.match(del.body.error.message, /DELETE is not allowed on \/api\/figures\/\{id\}.*\/rename/)
        const cases: Array<[string, string, string]> = [
          ['PUT', '/api/articles', 'GET, HEAD, POST'], ['GET', '/api/extract', 'POST'], ['GET', '/api/figures/merge', 'POST'],
          ['GET', `/api/figures/${DEPLOYED}/rename`, 'POST'], ['PATCH', `/api/figures/${DEPLOYED}/split`, 'POST'],
          ['DELETE', '/api/claims', 'GET, HEAD'], ['POST', '/api/export', 'GET, HEAD'], ['PUT', '/api/sources/nis', 'GET, HEAD'],
          ['DELETE', '/api/openapi.json', 'GET, HEAD'], ['HEAD', '/api/extract', 'POST'],
        ]
        for (const [method, path, allow] of cases) {
          const r = await call(method, path, { token: TOKEN })
          assert.equal(r.status, 405, `${method} ${path}`)
          assert.equal(r.headers.get('allow'), allow, `${method} ${path}`)
        }
        const options = await call('OPTIONS', '/api/articles')
        assert.equal(options.status, 204)
        assert.equal(options.headers.get('allow'), 'GET, HEAD, POST')
        assert.equal(options.headers.get('access-control-allow-origin'), null, 'OPTIONS grants no CORS preflight')
        assert.equal((await call('HEAD', '/api/figures')).status, 200)
        const page = await call('DELETE', `/figures/${DEPLOYED}`, { token: TOKEN })
        assert.equal(page.status, 405)
        assert.equal(page.headers.get('allow'), 'GET, HEAD')
        assert.match(String(page.body), /DELETE is not allowed/)
        assert.match(String(page.body), /<h1>Method not allowed<\/h1>/)
        assert.equal((await call('POST', '/no/such/page')).status, 404)
      })

      test('the method table matches the OpenAPI description', () => {
        const described = Object.entries(openApiDocument.paths as Record<string, Record<string, unknown>>)
          .map(([path, ops]) => `${path} ${Object.keys(ops).map((m) => m.toUpperCase()).sort().join(',')}`)
        assert.deepEqual(API_ROUTES.map((r) => `${r.path} ${[...r.methods].sort().join(',')}`).sort(), described.sort())
        for (const r of API_ROUTES) {
          const example = r.path.replace('{id}', r.path.startsWith('/api/figures/') ? DEPLOYED : '7').replace(/\{\w+\}/, 'x')
          assert.equal(API_ROUTES.find((x) => x.pattern.test(example)), r, `${example} is routed as ${r.path}`)
        }
      })

      test('OpenAPI describes every route; pages carry a CSP', async () => {
        const r = await get('/api/openapi.json')
        assert.equal(r.status, 200)
        assert.match(r.body.openapi, /^3\./)
        assert.deepEqual(r.body, JSON.parse(JSON.stringify(openApiDocument)))
        for (const path of ['/api/figures', '/api/figures/{id}', '/api/figures/merge', '/api/figures/{id}/split', '/api/figures/{id}/rename',
          '/api/edits', '/api/edits/{id}/undo', '/api/claims', '/api/articles', '/api/articles/{key}', '/api/sources', '/api/sources/{name}', '/api/search', '/api/export', '/api/extract']) {
          assert.ok(path in r.body.paths, `${path} is described`)
        }
        const home = await get('/')
        assert.match(home.headers.get('content-security-policy') ?? '', /script-src 'self'/)
      })
    })
  })
}

dir = mkdtempSync(join(tmpdir(), 'claimtrail-api-'))
after(() => rmSync(dir, { recursive: true, force: true }))
apiCases('sqlite', async () => openSqliteStore(join(dir, 'ledger.db')))

// A schema of its own, dropped at the end, so concurrent test files never collide.
withPostgresSchemas('api', 'api', (open) => apiCases('postgres', open))
