import assert from 'node:assert/strict'
import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { after, describe, test } from 'node:test'
import Sqlite from 'better-sqlite3'
import { openSqliteStore } from './sqlite/sqlite.ts'
import type { ArticleInput, ClaimRow, Store } from './store.ts'
import { ClaimtrailError, isClaimtrailError } from '../model/errors.ts'
import { withPostgresSchemas } from './postgres/test-schemas.ts'

/** A claim row with defaults; tests override what they check. */
function claim(key: string, over: Partial<ClaimRow> = {}): ClaimRow {
  return {
    key, ordinal: 0, quantityText: '12,000', start: 10, end: 16, value: 12000, low: null, high: null,
    approx: false, bound: null, vague: false, unit: null, kind: 'count', category: 'deployed',
    countedText: 'troops', subject: 'North Korea', planned: false, additional: false, source: 'Ukrainian intelligence',
    sourceEntity: null, cue: 'said', asOf: null, quote: 'About 12,000 North Korean troops are in Kursk, Ukrainian intelligence said.',
    ...over,
  }
}

function article(key: string, over: Partial<ArticleInput> = {}): ArticleInput {
  return {
    key, contentHash: `${key}${'0'.repeat(64 - key.length)}`, sourceId: key, url: `https://example.org/${key}`,
    title: `Story ${key}`, outlet: 'Example Wire', published: '2024-11-01', language: 'en',
    signature: [1, 2, 3], extractor: 'test', text: `Text of ${key}: troops deployed to Kursk.`,
    analysis: { id: key, claims: [] }, claims: [claim(`${key}:10-16:12000`)], ...over,
  }
}

/**
 * The store suite: every backend must pass it unchanged.
 * @param open returns a fresh, empty store
 */
export function storeCases(name: string, open: () => Promise<Store>): void {
  describe(`store: ${name}`, () => {
    test('stores an article with its claims and reads them back', async () => {
      const store = await open()
      try {
        const put = await store.putArticle(article('a1', {
          claims: [claim('a1:10-16:12000', { approx: true, bound: 'at_least', planned: true, additional: true, asOf: '2024-10' }),
            claim('a1:30-36:3000', { ordinal: 1, value: null, low: 3000, high: 4000, category: 'casualties', sourceEntity: 'NIS' })],
        }))
        assert.deepEqual(put, { status: 'inserted', key: 'a1' })
        const claims = await store.claims()
        assert.equal(claims.length, 2)
        assert.equal(claims[0].approx, true)
        assert.equal(claims[0].bound, 'at_least')
        assert.equal(claims[0].planned, true)
        assert.equal(claims[0].additional, true)
        assert.equal(claims[1].additional, false)
        assert.equal(claims[0].asOf, '2024-10')
        assert.equal(claims[0].articleKey, 'a1')
        assert.equal(claims[0].outlet, 'Example Wire')
        assert.deepEqual([claims[1].value, claims[1].low, claims[1].high], [null, 3000, 4000])
        const a = await store.article('a1')
        assert.equal(a?.text, 'Text of a1: troops deployed to Kursk.')
        assert.deepEqual(a?.analysis, { id: 'a1', claims: [] })
        assert.deepEqual(a?.signature, [1, 2, 3])
        assert.equal(a?.claimCount, 2)
      } finally {
        await store.close()
      }
    })

    test('is idempotent by content hash and by URL', async () => {
      const store = await open()
      try {
        await store.putArticle(article('b1'))
        const sameContent = await store.putArticle(article('b1', { url: 'https://elsewhere.example/b1' }))
        assert.deepEqual(sameContent, { status: 'duplicate', key: 'b1', by: 'content' })
        const sameUrl = await store.putArticle(article('b2', { url: 'https://example.org/b1' }))
        assert.deepEqual(sameUrl, { status: 'duplicate', key: 'b1', by: 'url' })
        assert.deepEqual(await store.counts(), { articles: 1, claims: 1, decisions: 0, undone: 0 })
        assert.equal((await store.findArticle({ url: null, contentHash: article('b1').contentHash }))?.key, 'b1')
        assert.equal((await store.findArticle({ url: 'https://example.org/b1', contentHash: 'x' }))?.key, 'b1')
        assert.equal(await store.findArticle({ url: 'https://nowhere.example/', contentHash: 'x' }), null)
      } finally {
        await store.close()
      }
    })

    test('two writers racing for one article store it once', async () => {
      const store = await open()
      try {
        const results = await Promise.all([store.putArticle(article('r1')), store.putArticle(article('r1')), store.putArticle(article('r1'))])
        assert.deepEqual(results.map((r) => r.status).sort(), ['duplicate', 'duplicate', 'inserted'])
        assert.deepEqual(await store.counts(), { articles: 1, claims: 1, decisions: 0, undone: 0 })
      } finally {
        await store.close()
      }
    })

    test('an article whose claims fail to insert leaves nothing behind', async () => {
      const store = await open()
      try {
        await store.putArticle(article('c1'))
        // The second article reuses a claim key, which is unique: the whole article must roll back.
        await assert.rejects(store.putArticle(article('c2', { claims: [claim('c1:10-16:12000')] })))
        assert.deepEqual(await store.counts(), { articles: 1, claims: 1, decisions: 0, undone: 0 })
        assert.equal(await store.article('c2'), null)
      } finally {
        await store.close()
      }
    })

    test('the source filter matches whole words from their start: "NIS" is not in "Ministry"', async () => {
      const store = await open()
      try {
        await store.putArticle(article('s1', { claims: [
          claim('s1:1-2:3000', { value: 3000, source: "South Korea's National Intelligence Service (NIS)", sourceEntity: 'National Intelligence Service' }),
          claim('s1:3-4:11000', { value: 11000, source: 'the British defence ministry', sourceEntity: 'UK Ministry of Defence' }),
          claim('s1:5-6:500', { value: 500, source: 'Kim Jong Un', sourceEntity: null }),
        ] }))
        const keys = async (source: string) => (await store.claims({ source })).map((c) => c.key).sort()
        assert.deepEqual(await keys('NIS'), ['s1:1-2:3000'])
        assert.deepEqual(await keys('ministry'), ['s1:3-4:11000'])
        assert.deepEqual(await keys('defen'), ['s1:3-4:11000'], 'a word may be given by its start')
        assert.deepEqual(await keys('kim jong'), ['s1:5-6:500'])
        assert.deepEqual(await keys('intelligence service'), ['s1:1-2:3000'])
        assert.deepEqual(await keys('tel'), [], 'not inside a word')
      } finally {
        await store.close()
      }
    })

    test('filters claims by source, category, dates and full text', async () => {
      const store = await open()
      try {
        await store.putArticle(article('d1', { published: '2024-10-20', claims: [claim('d1:1-2:3000', { value: 3000, source: null, sourceEntity: 'NIS' })] }))
        await store.putArticle(article('d2', {
          published: '2025-02-10',
          claims: [claim('d2:1-2:4000', { value: 4000, category: 'casualties', quote: 'About 4,000 soldiers were killed or wounded, Western officials said.', source: 'Western officials' })],
        }))
        assert.deepEqual((await store.claims({ source: 'nis' })).map((c) => c.key), ['d1:1-2:3000'])
        assert.deepEqual((await store.claims({ source: 'WESTERN' })).map((c) => c.key), ['d2:1-2:4000'])
        assert.deepEqual((await store.claims({ source: '%' })).map((c) => c.key), [])
        assert.deepEqual((await store.claims({ category: 'casualties' })).map((c) => c.key), ['d2:1-2:4000'])
        assert.deepEqual((await store.claims({ since: '2025-01-01' })).map((c) => c.key), ['d2:1-2:4000'])
        assert.deepEqual((await store.claims({ until: '2024-12-31' })).map((c) => c.key), ['d1:1-2:3000'])
        assert.deepEqual((await store.claims({ text: 'wounded' })).map((c) => c.key), ['d2:1-2:4000'])
        assert.deepEqual((await store.claims({ text: 'submarine' })).map((c) => c.key), [])
        // Operators in user text are words, not query syntax.
        assert.deepEqual((await store.claims({ text: 'killed OR "' })).map((c) => c.key), ['d2:1-2:4000'])
        assert.deepEqual((await store.claims({ articleKey: 'd1' })).length, 1)
      } finally {
        await store.close()
      }
    })

    test('searches articles by full text and filters by outlet and date', async () => {
      const store = await open()
      try {
        await store.putArticle(article('e1', { text: 'Pyongyang shipped artillery shells by rail.', outlet: 'Yonhap', published: '2024-10-05' }))
        await store.putArticle(article('e2', { text: 'Troops crossed into the Kursk region.', outlet: 'Reuters', published: '2024-11-05' }))
        assert.deepEqual((await store.articles({ text: 'artillery' })).map((a) => a.key), ['e1'])
        assert.deepEqual((await store.articles({ text: 'Kursk' })).map((a) => a.key), ['e2'])
        assert.deepEqual((await store.articles({ outlet: 'yonhap' })).map((a) => a.key), ['e1'])
        assert.deepEqual((await store.articles({ since: '2024-11-01' })).map((a) => a.key), ['e2'])
        assert.deepEqual((await store.articles()).map((a) => [a.key, a.claimCount]), [['e1', 1], ['e2', 1]])
      } finally {
        await store.close()
      }
    })

    test('replaces an analysis and keeps decisions', async () => {
      const store = await open()
      try {
        await store.putArticle(article('f1'))
        await store.addDecision({ kind: 'rename', figure: 'deployed/north-korea/troops', label: 'NK troops' })
        await store.replaceAnalysis('f1', { id: 'f1', claims: [1] }, [claim('f1:5-9:11000', { value: 11000 }), claim('f1:20-25:500', { ordinal: 1, value: 500 })], 'v2')
        const claims = await store.claims()
        assert.deepEqual(claims.map((c) => c.value), [11000, 500])
        assert.deepEqual((await store.claims({ text: 'Kursk' })).length, 2)
        assert.equal((await store.article('f1'))?.extractor, 'v2')
        const decisions = await store.decisions()
        assert.deepEqual(decisions.map((d) => d.body), [{ kind: 'rename', figure: 'deployed/north-korea/troops', label: 'NK troops' }])
        await assert.rejects(store.replaceAnalysis('nope', {}, [], 'v2'), /no article/)
      } finally {
        await store.close()
      }
    })

    test('undoes a decision: kept and marked, refused when the check throws, once only (session 13)', async () => {
      const store = await open()
      try {
        const rename = { kind: 'rename', figure: 'deployed/north-korea/troops', label: 'NK troops' }
        const first = await store.addDecision(rename, { figures: [{ id: 'deployed/north-korea/troops', label: 'Troops', points: 3 }] })
        const second = await store.addDecision({ kind: 'merge', figure: 'a', into: 'b' })
        assert.deepEqual(await store.decisions(), [first, second])
        assert.equal(first.undoneAt, null)
        assert.equal(second.before, null)
        // A check that refuses leaves the row as it was.
        await assert.rejects(store.undoDecision(first.id, () => { throw new ClaimtrailError('CONFLICT', 'no') }), /no/)
        assert.equal((await store.decisions())[0].undoneAt, null)
        let seen: number[] = []
        const undone = await store.undoDecision(first.id, (rows) => { seen = rows.map((r) => r.id) })
        assert.deepEqual(seen, [first.id, second.id], 'the check sees every decision')
        assert.equal(undone.id, first.id)
        assert.match(undone.undoneAt ?? '', /^\d{4}-\d{2}-\d{2}T/)
        assert.deepEqual(undone.body, rename)
        assert.deepEqual(undone.before, first.before)
        assert.deepEqual((await store.decisions()).map((d) => d.undoneAt !== null), [true, false])
        assert.deepEqual(await store.counts(), { articles: 0, claims: 0, decisions: 2, undone: 1 })
        await assert.rejects(store.undoDecision(first.id, () => {}), (e: unknown) => isClaimtrailError(e, 'CONFLICT'))
      } finally {
        await store.close()
      }
    })

    test('stores a 1 MB article with a very large vocabulary, searchable by its beginning', async () => {
      const store = await open()
      try {
        // Distinct made-up words: the worst case for a full-text vector's size.
        const words: string[] = ['Kursk']
        for (let i = 0, length = 5; length < 1_000_000; i++) {
          const word = `w${i.toString(36)}q${(i * 7919).toString(36)}`
          words.push(word)
          length += word.length + 1
        }
        const put = await store.putArticle(article('v1', { text: words.join(' ') }))
        assert.equal(put.status, 'inserted')
        assert.deepEqual((await store.articles({ text: 'Kursk' })).map((a) => a.key), ['v1'])
      } finally {
        await store.close()
      }
    })

    test('remembers feed state', async () => {
      const store = await open()
      try {
        assert.equal(await store.feedState('https://example.org/rss'), null)
        await store.saveFeedState({ url: 'https://example.org/rss', etag: '"abc"', lastModified: null, lastPolledAt: '2025-01-01T00:00:00Z' })
        await store.saveFeedState({ url: 'https://example.org/rss', etag: '"def"', lastModified: 'Wed, 01 Jan 2025 00:00:00 GMT', lastPolledAt: '2025-01-02T00:00:00Z' })
        assert.deepEqual(await store.feedState('https://example.org/rss'), {
          url: 'https://example.org/rss', etag: '"def"', lastModified: 'Wed, 01 Jan 2025 00:00:00 GMT', lastPolledAt: '2025-01-02T00:00:00Z',
        })
      } finally {
        await store.close()
      }
    })
  })
}

const dir = mkdtempSync(join(tmpdir(), 'claimtrail-store-'))
after(() => rmSync(dir, { recursive: true, force: true }))
let n = 0
storeCases('sqlite', async () => openSqliteStore(join(dir, `ledger-${n++}.db`)))

test('store: a SQLite ledger made before the additional column is upgraded in place, its claims kept', async () => {
  const path = join(dir, 'before-0003.db')
  const store = openSqliteStore(path)
  await store.putArticle(article('old1'))
  await store.close()
  // What a database written by the version before migration 0003 looks like.
  const raw = new Sqlite(path)
  raw.exec('alter table claims drop column additional')
  raw.prepare('delete from claimtrail_migrations where id = ?').run('0003-additional')
  raw.close()
  const upgraded = openSqliteStore(path)
  try {
    const claims = await upgraded.claims()
    assert.deepEqual(claims.map((c) => [c.key, c.value, c.additional]), [['old1:10-16:12000', 12000, false]])
    await upgraded.putArticle(article('new1', { claims: [claim('new1:10-16:12000', { additional: true })] }))
    const byKey = new Map((await upgraded.claims()).map((c) => [c.key, c.additional]))
    assert.deepEqual([byKey.get('old1:10-16:12000'), byKey.get('new1:10-16:12000')], [false, true])
  } finally {
    await upgraded.close()
  }
})

test('store: a SQLite ledger made before edits could be undone is upgraded in place, its decisions kept and undoable', async () => {
  const dir = mkdtempSync(join(tmpdir(), 'claimtrail-old-'))
  after(() => rmSync(dir, { recursive: true, force: true }))
  const path = join(dir, 'old.db')
  const store = openSqliteStore(path)
  await store.addDecision({ kind: 'rename', figure: 'deployed/north-korea/troops', label: 'NK troops' })
  await store.close()
  // What a database written by the version before migration 0004 looks like.
  const raw = new Sqlite(path)
  raw.exec('alter table decisions drop column undone_at')
  raw.exec('alter table decisions drop column before')
  raw.prepare('delete from claimtrail_migrations where id = ?').run('0004-edit-undo')
  raw.close()
  const upgraded = openSqliteStore(path)
  try {
    const [old] = await upgraded.decisions()
    assert.deepEqual([old.body, old.undoneAt, old.before], [{ kind: 'rename', figure: 'deployed/north-korea/troops', label: 'NK troops' }, null, null])
    assert.notEqual((await upgraded.undoDecision(old.id, () => {})).undoneAt, null)
  } finally {
    await upgraded.close()
  }
})

withPostgresSchemas('store', 'ct_test', (open) => storeCases('postgres', open))
