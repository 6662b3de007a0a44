import assert from 'node:assert/strict'
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import type PgBoss from 'pg-boss'
import { describe, test } from 'node:test'
import { patternAnalyzer } from '../ingest/fixtures/pattern-analyzer.ts'
import { openSqliteStore } from '../store/sqlite/sqlite.ts'
import { runIngestJob, runReextractJob, type JobContext } from './jobs.ts'
import { enqueueIngest } from './enqueue.ts'

// The job handlers on their own (no queue): what each payload gives, on a throwaway ledger.

const analyzer = patternAnalyzer()
const TEXT = 'About 12,000 North Korean troops are in Kursk, according to Ukrainian intelligence.'

function context(): JobContext {
  return { store: openSqliteStore(':memory:'), analyzer: () => analyzer, worker: 'test:1' }
}

describe('queue jobs', () => {
  test('a record is ingested once; the same text again is skipped by content, the same URL by URL', async () => {
    const ctx = context()
    try {
      const first = await runIngestJob({ record: { id: 'a', text: TEXT, url: 'https://x.example/a?utm_source=feed' } }, ctx)
      assert.equal(first.status, 'ingested')
      assert.deepEqual(await runIngestJob({ record: { id: 'b', text: TEXT } }, ctx), { status: 'skipped', key: (first as { key: string }).key, by: 'content', worker: 'test:1' })
      const byUrl = await runIngestJob({ record: { id: 'c', text: `${TEXT} Updated.`, url: 'https://x.example/a' } }, ctx)
      assert.equal(byUrl.status, 'skipped')
      assert.equal((byUrl as { by: string }).by, 'url')
      assert.equal((await ctx.store.counts()).articles, 1)
    } finally {
      await ctx.store.close()
    }
  })

  test('HTML records are reduced to their article text', async () => {
    const ctx = context()
    try {
      const out = await runIngestJob({ record: { id: 'h', html: `<html><body><nav>Menu</nav><article><p>${TEXT}</p></article><script>x()</script></body></html>` } }, ctx)
      assert.equal(out.status, 'ingested')
      const stored = await ctx.store.article((out as { key: string }).key)
      assert.equal(stored?.text, TEXT)
    } finally {
      await ctx.store.close()
    }
  })

  test('unreadable payloads are rejected with a reason, not retried', async () => {
    const ctx = context()
    try {
      const cases: Array<[unknown, RegExp]> = [
        [null, /payload/],
        [{ record: { id: 'e', text: '   ' } }, /empty/],
        [{ record: { id: 'n', text: 'a\u0000b' } }, /NUL/],
        [{ record: { id: 'd', text: TEXT, published: '2024-02-30' } }, /published/],
        [{ record: { id: 'u' } }, /needs "text", "html" or "url"/],
        [{ input: '' }, /payload/],
        [{ record: { id: 'x', text: TEXT }, extra: 1 }, /payload/],
      ]
      for (const [data, reason] of cases) {
        const out = await runIngestJob(data, ctx)
        assert.equal(out.status, 'rejected', JSON.stringify(data))
        assert.match((out as { reason: string }).reason, reason)
      }
      assert.equal((await ctx.store.counts()).articles, 0)
    } finally {
      await ctx.store.close()
    }
  })

  test('a path the worker cannot read fails the job so that it is retried', async () => {
    const ctx = context()
    try {
      await assert.rejects(runIngestJob({ input: '/nonexistent/claimtrail/file.txt' }, ctx), /no such file/)
    } finally {
      await ctx.store.close()
    }
  })

  test('re-extraction replaces the analysis and claims of a stored article; an unknown key is rejected', async () => {
    const ctx = context()
    try {
      const first = await runIngestJob({ record: { id: 'a', text: TEXT } }, ctx)
      const key = (first as { key: string }).key
      const before = await ctx.store.claims({ articleKey: key })
      const out = await runReextractJob({ key }, ctx)
      assert.deepEqual(out, { status: 'reextracted', key, claims: before.length, worker: 'test:1' })
      assert.deepEqual(await ctx.store.claims({ articleKey: key }), before)
      const unknown = await runReextractJob({ key: 'ffffffffffffffff' }, ctx)
      assert.equal(unknown.status, 'rejected')
      assert.equal((await runReextractJob({ id: 1 }, ctx)).status, 'rejected')
    } finally {
      await ctx.store.close()
    }
  })
})

test('enqueue --feed refuses a local file, which a worker elsewhere could not read, rather than enqueue it as an article (session 12)', async () => {
  const dir = mkdtempSync(join(tmpdir(), 'claimtrail-enqueue-'))
  const inserted: unknown[] = []
  const boss = { insert: async (jobs: unknown[]) => { inserted.push(...jobs) } } as unknown as PgBoss
  const failures: string[] = []
  try {
    const feed = join(dir, 'saved.rss')
    writeFileSync(feed, '<rss><channel><title>W</title></channel></rss>')
    const folder = join(dir, 'archive')
    mkdirSync(folder)
    writeFileSync(join(folder, 'story.txt'), TEXT)
    const summary = await enqueueIngest(boss, [feed, folder], { isFeed: true, onFailure: (origin, reason) => failures.push(`${origin}: ${reason}`) })
    // A folder beside the feeds is enqueued as articles, as ingest --feed reads it (session 12).
    assert.deepEqual(summary, { enqueued: 1, failed: 1 })
    assert.equal(inserted.length, 1)
    assert.equal(failures.length, 1)
    assert.match(failures[0], /saved\.rss: --feed on the queue takes feed URLs; .*claimtrail ingest --feed FILE/)
  } finally {
    rmSync(dir, { recursive: true, force: true })
  }
})

test('enqueue --feed with a file that is no feed queues nothing, as ingest --feed stores nothing (ux14b)', async () => {
  const dir = mkdtempSync(join(tmpdir(), 'claimtrail-enqueue14-'))
  const inserted: unknown[] = []
  const boss = { insert: async (jobs: unknown[]) => { inserted.push(...jobs) } } as unknown as PgBoss
  try {
    const notes = join(dir, 'notes.txt')
    writeFileSync(notes, TEXT)
    // Refused before the first job, even with a good feed URL given first.
    await assert.rejects(enqueueIngest(boss, ['https://wire.example/rss', notes], { isFeed: true }), (e: unknown) => {
      assert.equal((e as { code?: string }).code, 'USAGE')
      assert.equal((e as Error).message, `--feed: ${notes} is not an RSS or Atom feed (it does not start with <rss>, <feed> or <rdf:RDF>); nothing was queued. To add it as an article, run the command without --feed`)
      return true
    })
    assert.deepEqual(inserted, [])
    // A feed saved as .txt is a feed: refused as a local feed file, not queued as an article.
    const savedTxt = join(dir, 'feed.txt')
    writeFileSync(savedTxt, '<?xml version="1.0"?>\n<rss><channel><title>W</title></channel></rss>')
    const failures: string[] = []
    const summary = await enqueueIngest(boss, [savedTxt], { isFeed: true, onFailure: (origin) => failures.push(origin) })
    assert.deepEqual(summary, { enqueued: 0, failed: 1 })
    assert.deepEqual(failures, [savedTxt])
    assert.deepEqual(inserted, [])
    // Without --feed the notes are an article.
    assert.deepEqual(await enqueueIngest(boss, [notes]), { enqueued: 1, failed: 0 })
  } finally {
    rmSync(dir, { recursive: true, force: true })
  }
})
