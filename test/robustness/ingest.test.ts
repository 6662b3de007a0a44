import assert from 'node:assert/strict'
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs'
import { createServer, type Server } from 'node:http'
import type { AddressInfo } from 'node:net'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { after, before, describe, test } from 'node:test'
import { withPostgresSchemas } from '../../src/store/postgres/test-schemas.ts'
import { openSqliteStore } from '../../src/store/sqlite/sqlite.ts'
import type { Store } from '../../src/store/store.ts'
import { runCli } from '../cli-helpers.ts'
import { assertNoStack } from './checks.ts'
import { badFeeds, largeVocabularyText, writeBadCorpus } from './corpus.ts'

// BENCHMARKS.md §4 for `claimtrail ingest`, on both backends: a good article is stored,
// then the bad corpus and hostile feeds are ingested; each bad document gets one line
// naming it, the sane ones are stored, and nothing already stored is lost or changed.

const root = mkdtempSync(join(tmpdir(), 'claimtrail-robust-ingest-'))
const corpusDir = join(root, 'corpus')
mkdirSync(corpusDir)
const cases = writeBadCorpus(corpusDir)
const goodFile = join(root, 'good.txt')
writeFileSync(goodFile, 'Kyiv, 5 November 2024. About 12,000 North Korean troops have been sent to the Kursk region, ' +
  'according to Ukrainian military intelligence. Officials said 200 soldiers were killed in the first clashes.\n')

const feeds = badFeeds()
let server: Server
let base = ''
before(async () => {
  server = createServer((req, res) => {
    const feed = feeds[req.url ?? '']
    if (!feed) {
      res.writeHead(404)
      res.end()
      return
    }
    res.writeHead(200, { 'content-type': feed.type })
    res.end(feed.body)
  })
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`
})
after(() => {
  server.closeAllConnections()
  server.close()
  rmSync(root, { recursive: true, force: true })
})

interface Backend {
  /** CLI arguments and environment that point `ingest` at this ledger. */
  readonly args: readonly string[]
  readonly env: NodeJS.ProcessEnv
  readonly store: Store
}

function suite(name: string, open: () => Promise<Backend>): void {
  describe(`ingest into ${name}: the bad-input corpus and hostile feeds`, () => {
    test('bad documents are refused one line each; the good one is kept; a re-run changes nothing', { timeout: 120_000 }, async () => {
      const b = await open()
      try {
        const first = await runCli(['ingest', ...b.args, goodFile], '', b.env)
        assert.equal(first.status, 0, first.stderr)
        const [good] = await b.store.articles()
        const goodClaims = await b.store.claims({ articleKey: good.key })
        assert.ok(goodClaims.length > 0, 'the good article has claims')
        const before = await b.store.counts()

        const inputs = [corpusDir, ...Object.keys(feeds).map((p) => `${base}${p}`)]
        const r = await runCli(['ingest', ...b.args, '--feed', ...inputs], '', b.env)
        assert.equal(r.status, 1, r.stderr)
        assertNoStack(r.stderr, name)
        const lines = r.stderr.trimEnd().split('\n')
        const refused = cases.filter((c) => c.expect === 'refused')
        for (const c of refused) {
          const line = lines.find((l) => l.includes(`${c.name}`))
          assert.ok(line, `no line for ${c.name}:\n${r.stderr}`)
          assert.match(line, c.reason as RegExp)
        }
        for (const [path, feed] of Object.entries(feeds)) {
          const line = lines.find((l) => l.includes(path))
          assert.ok(line, `no line for ${path}:\n${r.stderr}`)
          assert.match(line, feed.reason)
        }
        const stored = cases.filter((c) => c.expect === 'result').length
        const failed = refused.length + Object.keys(feeds).length
        assert.match(lines[lines.length - 1], new RegExp(`^${stored} ingested, 0 skipped, ${failed} failed`))
        assert.equal(lines.length, failed + 1, `one line per bad document and the summary:\n${r.stderr}`)

        const afterBad = await b.store.counts()
        assert.equal(afterBad.articles, before.articles + stored)
        const kept = await b.store.article(good.key)
        assert.ok(kept, 'the good article is still there')
        assert.equal(kept.claimCount, goodClaims.length)
        assert.deepEqual(await b.store.claims({ articleKey: good.key }), goodClaims)

        // Lone surrogates survive the round trip as well-formed text.
        const lone = (await b.store.articles()).find((a) => a.sourceId === 'lone-surrogates')
        assert.ok(lone, 'the record with lone surrogates is stored')
        const loneText = (await b.store.article(lone.key))?.text ?? ''
        assert.match(loneText, /about 4,000 soldiers were killed/)

        const again = await runCli(['ingest', ...b.args, '--feed', ...inputs], '', b.env)
        assert.equal(again.status, 1)
        assert.match(again.stderr.trimEnd().split('\n').at(-1) ?? '', new RegExp(`^0 ingested, ${stored} skipped, ${failed} failed`))
        assert.deepEqual(await b.store.counts(), afterBad)
      } finally {
        await b.store.close()
      }
    })
  })
}

const dbPath = join(root, 'ledger.db')
suite('SQLite', async () => ({ args: ['--db', dbPath], env: {}, store: openSqliteStore(dbPath) }))

withPostgresSchemas('ingest into PostgreSQL: the bad-input corpus', 'ct_robust', (_open, schema) => {
  const vocabFile = join(root, 'large-vocabulary.txt')
  writeFileSync(vocabFile, largeVocabularyText())
  describe('ingest into PostgreSQL: a 1 MB document with a large vocabulary', () => {
    test('is stored like SQLite stores it (full text over a bounded prefix)', { timeout: 60_000 }, async () => {
      const vocab = schema()
      await (await vocab.open()).close()
      const r = await runCli(['ingest', vocabFile], '', { DATABASE_URL: vocab.url })
      assertNoStack(r.stderr, 'large-vocabulary.txt')
      assert.equal(r.status, 0, r.stderr)
      assert.match(r.stderr, /^1 ingested, 0 skipped, 0 failed/)
    })
  })

  suite('PostgreSQL', async () => {
    const s = schema()
    return { args: [], env: { DATABASE_URL: s.url }, store: await s.open() }
  })
})
