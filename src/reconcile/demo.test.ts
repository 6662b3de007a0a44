import assert from 'node:assert/strict'
import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { dirname, join } from 'node:path'
import { after, before, describe, test } from 'node:test'
import { fileURLToPath } from 'node:url'
import { createAnalyzer } from '../analyze.ts'
import { storyGroups } from '../cli/commands/ledger-shared.ts'
import { ingest } from '../ingest/ingest.ts'
import { openSqliteStore } from '../store/sqlite/sqlite.ts'
import type { Store } from '../store/store.ts'
import { buildFigures, type Figure } from './figures.ts'

// The acceptance checks, over the demo corpus and the real extractor.
const ROOT = join(dirname(fileURLToPath(import.meta.url)), '../..')
const CORPUS = join(ROOT, 'examples/demo/articles.jsonl')
const dir = mkdtempSync(join(tmpdir(), 'claimtrail-demo-'))
let store: Store
let figures: Figure[]
let groups: Map<string, string>
const analyzer = createAnalyzer()

before(async () => {
  store = openSqliteStore(join(dir, 'demo.db'))
  await ingest([CORPUS], { store, analyzer: () => analyzer })
  const [claims, articles] = await Promise.all([store.claims(), store.articles()])
  groups = storyGroups(articles)
  figures = buildFigures(claims, groups)
})
after(async () => {
  await store.close()
  rmSync(dir, { recursive: true, force: true })
})

describe('demo corpus', () => {
  test('ingesting it twice leaves the same counts', async () => {
    const counts = await store.counts()
    assert.ok(counts.articles >= 25)
    const again = await ingest([CORPUS], { store, analyzer: () => analyzer })
    assert.deepEqual([again.ingested, again.skipped, again.failed], [0, counts.articles, 0])
    assert.deepEqual(await store.counts(), counts)
  })

  test('the wire story run by three outlets is one story group', async () => {
    const articles = await store.articles()
    const members = new Map<string, Set<string>>()
    for (const a of articles) {
      const g = groups.get(a.key) ?? a.key
      members.set(g, (members.get(g) ?? new Set()).add(a.outlet ?? '?'))
    }
    const big = [...members.values()].filter((outlets) => outlets.size >= 2)
    assert.equal(big.length, 1, 'exactly one syndicated story')
    assert.ok(big[0].size >= 3, 'carried by three outlets')
    // Where its copies give a figure, they add one independent report between them.
    const wire = [...groups.entries()].filter(([k, g]) => k !== g || [...groups.values()].filter((v) => v === g).length > 1).map(([, g]) => g)
    for (const f of figures) {
      const copies = f.points.filter((p) => wire.includes(p.storyGroup))
      if (copies.length < 2) continue
      assert.equal(new Set(copies.map((p) => p.storyGroup)).size, 1)
    }
  })

  for (const id of ['deployed/north-korea/troops', 'casualties/north-korea/troops']) {
    test(`${id} has a timeline with at least four independent sources`, () => {
      const f = figures.find((x) => x.id === id)
      assert.ok(f, `figure ${id} exists`)
      assert.ok(f.independentSources >= 4, `${f.independentSources} independent sources`)
      assert.ok(f.independentReports >= 4, `${f.independentReports} independent reports`)
      assert.ok(f.points.every((p) => p.quote !== '' && p.outlet !== null && p.published !== null))
    })
  }

  test('disagreeing reports are marked revised or conflicting', () => {
    const watched = figures.filter((f) => ['deployed/north-korea/troops', 'casualties/north-korea/troops'].includes(f.id))
    const statuses = new Set(watched.flatMap((f) => f.points.map((p) => p.status)))
    assert.ok(statuses.has('revised'), 'a source revised its estimate')
    assert.ok(statuses.has('conflicting'), 'sources disagree')
  })
})
