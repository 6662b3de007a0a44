import assert from 'node:assert/strict'
import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { after, describe, test } from 'node:test'
import { createAnalyzer } from '../../src/analyze.ts'
import { createApp } from '../../src/api/app.ts'
import { withPostgresSchemas } from '../../src/store/postgres/test-schemas.ts'
import { openSqliteStore } from '../../src/store/sqlite/sqlite.ts'
import type { Store } from '../../src/store/store.ts'
import { assertSaneDocument } from './checks.ts'
import { GOOD_TEXT, HUGE_BYTES, largeVocabularyText } from './corpus.ts'

// BENCHMARKS.md §4 for the HTTP API (POST /api/extract and POST /api/articles), on both
// ledgers: every bad request gets a 4xx with a one-line JSON error, or a sane result;
// never a 500, never a hang; the article stored before is still there afterwards.

const dir = mkdtempSync(join(tmpdir(), 'claimtrail-robust-api-'))
after(() => rmSync(dir, { recursive: true, force: true }))
const analyzer = createAnalyzer()

interface Case {
  readonly name: string
  /** The raw request body, or a JSON value to send. */
  readonly body: string | Uint8Array | { readonly json: unknown }
  readonly contentType?: string
  /** 'error': a 4xx with a JSON error; 'ok': a sane result. */
  readonly expect: 'error' | 'ok'
  readonly status?: number
}

const ARABIC = 'قال مسؤولون إن نحو ١٢٠٠٠ جندي كوري شمالي أرسلوا إلى منطقة كورسك، وفقا للاستخبارات الأوكرانية. '
const CJK = '据乌克兰军事情报部门称，约有一万二千名朝鲜士兵被派往库尔斯克地区。ウクライナの軍事情報機関によると、約1万2000人の北朝鮮兵が派遣された。'
const longSentence = 'Officials said about 3,000 troops' + ' moved toward the border with several units'.repeat(4700)
const script = '<script>document.write("About 99,999 hidden soldiers were killed.")</script>'

/** Bad bodies for a route that takes `{text}` (and, for articles, `{html}`). */
function cases(route: 'extract' | 'articles'): Case[] {
  const text = (t: string, id: string) => ({ json: route === 'extract' ? { text: t, id } : { text: t, id } })
  const list: Case[] = [
    { name: 'empty body', body: '', expect: 'error', status: 400 },
    { name: 'not JSON', body: 'About 4,000 soldiers were killed.', expect: 'error', status: 400 },
    { name: 'wrong content type', body: JSON.stringify({ text: GOOD_TEXT }), contentType: 'text/plain', expect: 'error', status: 400 },
    { name: 'binary', body: new Uint8Array([0x7f, 0x45, 0x4c, 0x46, 0, 0, 0xff, 0xfe, 0, 1]), expect: 'error', status: 400 },
    { name: 'invalid UTF-8 in a JSON string', body: Buffer.concat([Buffer.from('{"text":"Caf'), Buffer.from([0xe9, 0xc3, 0x28]), Buffer.from(' 300 troops were sent, officials said."}')]), expect: 'ok' },
    { name: 'deeply nested JSON (100k levels)', body: '['.repeat(100_000) + ']'.repeat(100_000), expect: 'error', status: 400 },
    { name: 'a JSON array, not an object', body: { json: [GOOD_TEXT] }, expect: 'error', status: 400 },
    { name: 'empty text', body: { json: { text: '' } }, expect: 'error', status: 400 },
    { name: 'lone surrogates', body: text('Lone \ud800 and \udc00; about 4,000 soldiers were killed, officials said. \ud83d', `lone-${route}`), expect: 'ok' },
    { name: 'unclosed quotation', body: text(`The minister said: "About 4,000 soldiers were killed ${'and the fighting went on for weeks. '.repeat(2000)}`, `quote-${route}`), expect: 'ok' },
    { name: 'a 200k-character sentence', body: text(longSentence, `long-${route}`), expect: 'ok' },
    { name: 'right-to-left text', body: text(ARABIC.repeat(10), `rtl-${route}`), expect: 'ok' },
    { name: 'CJK text', body: text(CJK.repeat(10), `cjk-${route}`), expect: 'ok' },
  ]
  if (route === 'articles') {
    list.push(
      { name: 'script-laden HTML', body: { json: { id: 'scripts', html: `<html><head>${script.repeat(300)}</head><body>${script}<article><p>From a page full of scripts.</p><p>${GOOD_TEXT}</p></article>${script}</body></html>` } }, expect: 'ok' },
      { name: 'HTML without article text', body: { json: { html: `<html><body>${script}<nav>Home</nav></body></html>` } }, expect: 'error', status: 400 },
      // PostgreSQL cannot store U+0000; refused on both ledgers alike, as ingest does.
      { name: 'NUL characters', body: { json: { id: 'nul', text: 'About 12,000 troops\u0000 were sent, officials said.' } }, expect: 'error', status: 400 },
    )
    list.push(
      { name: 'deeply nested HTML (100k levels)', body: { json: { id: 'nested', html: `<html><body>${'<i>'.repeat(100_000)}<p>Officials said 700 soldiers were wounded.</p>${'</i>'.repeat(100_000)}</body></html>` } }, expect: 'error', status: 400 },
      { name: 'wide HTML (30k paragraphs)', body: { json: { id: 'wide', html: `<html><body>${Array.from({ length: 30_000 }, (_, i) => `<div><p>Item ${i}.</p></div>`).join('')}</body></html>` } }, expect: 'ok' },
    )
  }
  return list
}

function bodyOf(c: Case): { body: string | Uint8Array; type: string } {
  const type = c.contentType ?? 'application/json'
  if (typeof c.body === 'string' || c.body instanceof Uint8Array) return { body: c.body, type }
  return { body: JSON.stringify(c.body.json), type }
}

function suite(name: string, open: () => Promise<Store>): void {
  describe(`API robustness on ${name}`, () => {
    test('bad requests get a 4xx and one line, or a sane result; the stored article is kept', { timeout: 180_000 }, async () => {
      const store = await open()
      const app = createApp({ store, analyzer: () => analyzer })
      const send = (path: string, body: string | Uint8Array, type: string, headers: Record<string, string> = {}) =>
        app.request(path, { method: 'POST', body: body as BodyInit, headers: { 'content-type': type, ...headers } })
      try {
        const good = await send('/api/articles', JSON.stringify({ id: 'good', text: GOOD_TEXT }), 'application/json')
        assert.equal(good.status, 201)
        const { key } = await good.json() as { key: string }
        const goodClaims = await store.claims({ articleKey: key })
        assert.ok(goodClaims.length > 0)
        let stored = 1

        const problems: string[] = []
        for (const route of ['extract', 'articles'] as const) {
          for (const c of cases(route)) {
            const what = `POST /api/${route}, ${c.name}`
            const { body, type } = bodyOf(c)
            const res = await send(`/api/${route}`, body, type)
            const json = await res.json().catch(() => null) as Record<string, any> | null
            if (c.expect === 'error') {
              if (res.status !== (c.status ?? 400) || typeof json?.error?.message !== 'string' || /\n/.test(json.error.message)) {
                problems.push(`${what}: expected ${c.status} with a one-line error, got ${res.status} ${JSON.stringify(json)?.slice(0, 200)}`)
              }
              continue
            }
            if (res.status >= 300) {
              problems.push(`${what}: expected a result, got ${res.status} ${JSON.stringify(json)?.slice(0, 300)}`)
              continue
            }
            if (route === 'extract') {
              const sent = typeof c.body === 'object' && 'json' in c.body ? (c.body.json as { text: string }).text : json?.text
              try {
                assertSaneDocument(json as Record<string, unknown>, sent, what)
              } catch (e) {
                problems.push((e as Error).message)
              }
            } else {
              assert.equal(res.status, 201, `${what}: ${JSON.stringify(json)}`)
              stored++
            }
          }
        }
        assert.deepEqual(problems, [])

        // A 50 MB body is refused before it is read.
        const big = new Uint8Array(HUGE_BYTES).fill(0x20)
        for (const route of ['extract', 'articles']) {
          const res = await send(`/api/${route}`, big, 'application/json', { 'content-length': String(big.length) })
          assert.equal(res.status, 413, `POST /api/${route}, 50 MB`)
        }

        const scripts = (await store.articles()).find((a) => a.sourceId === 'scripts')
        assert.ok(scripts)
        assert.doesNotMatch((await store.article(scripts.key))?.text ?? '', /hidden soldiers|document\.write/)
        assert.equal((await store.counts()).articles, stored)
        assert.deepEqual(await store.claims({ articleKey: key }), goodClaims, 'the first article is unchanged')
      } finally {
        await store.close()
      }
    })
    test('a 1 MB article with a large vocabulary is stored', { timeout: 60_000 }, async () => {
      const store = await open()
      try {
        const app = createApp({ store, analyzer: () => analyzer })
        const res = await app.request('/api/articles', {
          method: 'POST', headers: { 'content-type': 'application/json' },
          body: JSON.stringify({ id: 'vocab', text: largeVocabularyText().slice(0, 900_000) }),
        })
        assert.equal(res.status, 201, await res.text())
      } finally {
        await store.close()
      }
    })
  })
}

suite('SQLite', async () => openSqliteStore(join(dir, 'api.db')))

withPostgresSchemas('API robustness', 'ct_robust_api', (open) => suite('PostgreSQL', open))
