import assert from 'node:assert/strict'
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { after, before, describe, test } from 'node:test'
import { runCli } from '../../../test/cli-helpers.ts'
import { patternAnalyzer } from '../../ingest/fixtures/pattern-analyzer.ts'
import { ingest } from '../../ingest/ingest.ts'
import { openSqliteStore } from '../../store/sqlite/sqlite.ts'
import { csvField } from '../../ledger/export.ts'
import { contentHash } from '../../ingest/article.ts'
import { chart } from './timeline.ts'

// The listing commands over a ledger filled by the stand-in analyzer, so that these tests
// check the shells, not extraction quality.
const dir = mkdtempSync(join(tmpdir(), 'claimtrail-cli-'))
const db = join(dir, 'ledger.db')
after(() => rmSync(dir, { recursive: true, force: true }))

const wire = 'SEOUL - About 11,000 North Korean troops are now in Russia, according to Seoul, and some have begun to fight in the Kursk region, where Ukraine mounted an incursion in August. The officials gave no details of losses and said the figure was an estimate drawn from several sources.'
const docs = [
  { id: 'w1', published: '2024-11-13', outlet: 'Wire A', url: 'https://a.example/1', text: wire },
  { id: 'w2', published: '2024-11-13', outlet: 'Paper B', url: 'https://b.example/1', text: `${wire} Reporting by the wire.` },
  { id: 'k1', published: '2024-11-04', outlet: 'Kyiv Daily', url: 'https://k.example/1', text: 'There are 11,000 North Korean soldiers in Kursk, according to Zelenskyy.' },
  { id: 'k2', published: '2024-12-01', outlet: 'Kyiv Daily', url: 'https://k.example/2', text: 'Now 12,000 North Korean soldiers are in Kursk, according to Zelenskyy.' },
  { id: 'p1', published: '2024-11-20', outlet: 'Pentagon Post', url: 'https://p.example/1', text: 'Some 10,000 troops, according to Pentagon, moved, while 300 killed in fighting, according to Kyiv, "a heavy toll".' },
]

before(async () => {
  const corpus = join(dir, 'docs.jsonl')
  writeFileSync(corpus, docs.map((d) => JSON.stringify(d)).join('\n'))
  const store = openSqliteStore(db)
  const analyzer = patternAnalyzer()
  try {
    await ingest([corpus], { store, analyzer: () => analyzer })
  } finally {
    await store.close()
  }
})

const lines = (s: string) => s.trim().split('\n').filter((l) => l !== '').map((l) => JSON.parse(l) as Record<string, unknown>)

describe('ledger commands', () => {
  test('figures --json: one object per figure with the contract fields', async () => {
    const r = await runCli(['figures', '--db', db, '--json'])
    assert.equal(r.status, 0, r.stderr)
    const figures = lines(r.stdout)
    const deployed = figures.find((f) => f.id === 'deployed/north-korea/troops')
    assert.ok(deployed)
    for (const k of ['id', 'label', 'category', 'subject', 'points', 'independentSources', 'status']) assert.ok(k in deployed, k)
    assert.equal(deployed.points, 5)
    // The wire copy adds a point but not a source: Seoul, Zelenskyy, Pentagon.
    assert.equal(deployed.independentSources, 3)
    assert.equal(deployed.independentReports, 4)
  })

  test('figures prints a table by default', async () => {
    const r = await runCli(['figures', '--db', db])
    assert.match(r.stdout.split('\n')[0], /^figure\s+label\s+points\s+sources/)
    assert.match(r.stdout, /deployed\/north-korea\/troops/)
  })

  test('timeline FIGURE --json gives one object per point, dated, with source and quote', async () => {
    const r = await runCli(['timeline', 'north-korea/troops', '--db', db, '--json'])
    assert.match(r.stderr, /matches 2 figures/)
    const t = await runCli(['timeline', 'deployed/north-korea/troops', '--db', db, '--json'])
    const points = lines(t.stdout)
    assert.deepEqual(points.map((p) => p.date), ['2024-11-04', '2024-11-13', '2024-11-13', '2024-11-20', '2024-12-01'])
    const revised = points.find((p) => p.value === 11000 && p.source === 'Zelenskyy')
    assert.equal(revised?.status, 'revised')
    assert.ok(points.every((p) => typeof p.quote === 'string' && typeof p.outlet === 'string' && typeof p.url === 'string'))
    const text = await runCli(['timeline', 'deployed/north-korea/troops', '--db', db, '--chart'])
    assert.match(text.stdout, /5 points, 3 independent sources/)
    assert.match(text.stdout, /█/)
  })

  test('claims filters by source, category, date, text and figure', async () => {
    const count = async (...args: string[]) => lines((await runCli(['claims', '--db', db, '--json', ...args])).stdout).length
    assert.equal(await count(), 6)
    assert.equal(await count('--source', 'zelenskyy'), 2)
    assert.equal(await count('--category', 'killed'), 1)
    assert.equal(await count('--since', '2024-11-15'), 3)
    assert.equal(await count('--until', '2024-11'), 5)
    assert.equal(await count('--text', 'heavy toll'), 2)
    assert.equal(await count('--figure', 'killed/north-korea/troops'), 1)
    const bad = await runCli(['claims', '--db', db, '--category', 'dead'])
    assert.equal(bad.status, 2)
    assert.match(bad.stderr, /^claimtrail: --category dead: use one of/)
  })

  test('export csv carries outlet, URL, date and quote on every row, quoted per RFC 4180', async () => {
    const r = await runCli(['export', '--db', db, '--format', 'csv'])
    const rows = r.stdout.trim().split('\r\n')
    assert.ok(rows[0].startsWith('figure,label,category'))
    assert.equal(rows.length, 7)
    assert.ok(rows.slice(1).every((row) => /https:\/\/\w\.example\/\d/.test(row) && /2024-1\d-\d\d/.test(row)))
    assert.match(r.stdout, /, ""a heavy toll""\.",/)
    const json = lines((await runCli(['export', '--db', db, '--format', 'json'])).stdout)
    assert.ok(json.every((row) => row.outlet && row.url && row.published && row.quote))
    assert.equal(csvField('=cmd()'), "'=cmd()")
    assert.equal(csvField(-5), '-5')
  })

  test('articles and sources list what is stored; syndicated copies are marked', async () => {
    const articles = lines((await runCli(['articles', '--db', db, '--json'])).stdout)
    assert.equal(articles.length, 5)
    const w1 = articles.find((a) => a.id === 'w1')
    const w2 = articles.find((a) => a.id === 'w2')
    assert.equal(w2?.storyGroup, w1?.key)
    const sources = lines((await runCli(['sources', '--db', db, '--json'])).stdout)
    assert.deepEqual(sources.find((s) => s.origin === 'source:seoul')?.claims, 2)
  })

  test('--tolerance and --window tune agreement', async () => {
    const pentagon = async (...flags: string[]) => lines((await runCli(['timeline', 'deployed/north-korea/troops', '--db', db, '--json', ...flags])).stdout)
      .find((p) => p.source === 'Pentagon')?.status
    assert.equal(await pentagon(), 'corroborated')
    assert.equal(await pentagon('--tolerance', '0'), 'conflicting')
    assert.equal(await pentagon('--window', '0'), 'single-source')
    const bad = await runCli(['figures', '--db', db, '--tolerance', '10'])
    assert.equal(bad.status, 2)
    assert.match(bad.stderr, /--tolerance 10: give a fraction/)
  })

  test('figure merge, rename and split are recorded and applied by stable keys', async () => {
    const merge = await runCli(['figure', 'merge', 'killed/north-korea/troops', 'deployed/north-korea/troops', '--db', db])
    assert.equal(merge.status, 0, merge.stderr)
    const rename = await runCli(['figure', 'rename', 'deployed/north-korea/troops', 'NK in Russia', '--db', db])
    assert.equal(rename.status, 0, rename.stderr)
    let figures = lines((await runCli(['figures', '--db', db, '--json'])).stdout)
    assert.deepEqual(figures.map((f) => [f.id, f.label, f.points]), [['deployed/north-korea/troops', 'NK in Russia', 6]])
    // The merged-away id still finds the figure.
    assert.equal(lines((await runCli(['timeline', 'killed/north-korea/troops', '--db', db, '--json'])).stdout).length, 6)
    // Merging it again says what happened before, in the user's words, and records nothing.
    const again = await runCli(['figure', 'merge', 'killed/north-korea/troops', 'deployed/north-korea/troops', '--db', db])
    assert.equal(again.status, 2)
    assert.equal(again.stderr, 'claimtrail: figure merge: killed/north-korea/troops is already merged into deployed/north-korea/troops; nothing to do\n')
    const killed = lines((await runCli(['claims', '--db', db, '--json', '--category', 'killed'])).stdout)[0]
    const split = await runCli(['figure', 'split', 'NK in Russia', '--claims', String(killed.key), '--id', 'killed/nk', '--label', 'NK killed', '--db', db])
    assert.equal(split.status, 0, split.stderr)
    assert.equal(split.stdout, 'recorded edit #3: split 1 claim from deployed/north-korea/troops into killed/nk ("NK killed") (to undo: claimtrail figure undo 3)\n')
    figures = lines((await runCli(['figures', '--db', db, '--json'])).stdout)
    assert.deepEqual(figures.map((f) => [f.id, f.label, f.points]).sort(), [['deployed/north-korea/troops', 'NK in Russia', 5], ['killed/nk', 'NK killed', 1]])
    const wrong = await runCli(['figure', 'split', 'killed/nk', '--claims', 'nope', '--db', db])
    assert.equal(wrong.status, 1)
    assert.match(wrong.stderr, /claim nope is not in killed\/nk/)
  })

  test('reextract replaces claims with the current extractor and keeps decisions', async () => {
    const r = await runCli(['reextract', '--db', db])
    assert.equal(r.status, 0, r.stderr)
    assert.match(r.stderr, /^5 articles re-extracted, 0 failed; claims 6 -> \d+\n$/)
    const store = openSqliteStore(db)
    try {
      assert.equal((await store.decisions()).length, 3)
      assert.ok((await store.articles()).every((a) => a.extractor !== 'test'))
    } finally {
      await store.close()
    }
    const figures = lines((await runCli(['figures', '--db', db, '--json'])).stdout)
    assert.equal(figures.find((f) => f.id === 'deployed/north-korea/troops')?.label, 'NK in Russia')
  })

  test('figure history lists the edits newest first; figure undo takes back the latest, refuses one built upon or undone (session 13)', async () => {
    const ledger = join(dir, 'undo.db')
    const store = openSqliteStore(ledger)
    try {
      await ingest([join(dir, 'docs.jsonl')], { store, analyzer: () => patternAnalyzer() })
    } finally {
      await store.close()
    }
    const figures = async () => lines((await runCli(['figures', '--db', ledger, '--json'])).stdout)
      .map((f) => [f.id, f.label, f.points, f.aliases]).sort((a, b) => String(a[0]).localeCompare(String(b[0])))
    const start = await figures()
    assert.equal((await runCli(['figure', 'history', '--db', ledger])).stdout, '(none)\n')
    const none = await runCli(['figure', 'undo', '--db', ledger])
    assert.equal(none.status, 1)
    assert.equal(none.stderr, "claimtrail: nothing to undo: no merge, split or rename applies; 'claimtrail figure history' lists the edits\n")

    assert.equal((await runCli(['figure', 'merge', 'killed/north-korea/troops', 'deployed/north-korea/troops', '--db', ledger])).status, 0)
    const rename = await runCli(['figure', 'rename', 'deployed/north-korea/troops', 'NK in Russia', '--db', ledger])
    assert.match(rename.stdout, /^recorded edit #2: renamed deployed\/north-korea\/troops from "North Korea troops deployed" to "NK in Russia" \(to undo: claimtrail figure undo 2\)\n$/)
    const key = lines((await runCli(['claims', '--db', ledger, '--json', '--category', 'killed'])).stdout)[0].key
    assert.equal((await runCli(['figure', 'split', 'NK in Russia', '--claims', String(key), '--db', ledger])).status, 0)
    const edited = await figures()

    const table = (await runCli(['figure', 'history', '--db', ledger])).stdout.split('\n')
    assert.match(table[0], /^edit\s+made\s+state\s+what$/)
    assert.match(table[2], /^#3\s+\d{4}-\d{2}-\d{2} \d{2}:\d{2} UTC\s+applies\s+split 1 claim from deployed\/north-korea\/troops into deployed\/north-korea\/troops~2$/)
    assert.match(table[3], /^#2 .* applies \(undo #3 first\)\s+renamed /)
    assert.match(table[4], /^#1 .* applies \(undo #3 first\)\s+merged killed\/north-korea\/troops \("North Korea troops killed", 1 claim\) into /)
    const latest = await runCli(['figures', 'history', '--json', '--limit', '1', '--db', ledger])
    assert.deepEqual(lines(latest.stdout).map((e) => [e.id, e.kind, e.applied, e.undoable]), [[3, 'split', true, true]])
    assert.equal(latest.stderr, '', 'JSON lines are rows only, as claims --json')
    assert.equal((await runCli(['figure', 'history', '--limit', '1', '--db', ledger])).stderr, '1 of 3 edits shown; raise --limit to see more\n')

    const blocked = await runCli(['figure', 'undo', '1', '--db', ledger])
    assert.equal(blocked.status, 1)
    assert.equal(blocked.stderr, 'claimtrail: edit #1 (merged killed/north-korea/troops into deployed/north-korea/troops) cannot be undone while 2 later edits build on it: undo #3 (split 1 claim from deployed/north-korea/troops into deployed/north-korea/troops~2), #2 (renamed deployed/north-korea/troops to "NK in Russia") first, newest first\n')
    assert.deepEqual(await figures(), edited, 'a refused undo changes nothing')

    const undone = await runCli(['figure', 'undo', '--db', ledger])
    assert.equal(undone.status, 0, undone.stderr)
    assert.match(undone.stdout, /^undone edit #3: split 1 claim from /)
    const again = await runCli(['figure', 'undo', '#3', '--db', ledger])
    assert.equal(again.status, 1)
    assert.match(again.stderr, /^claimtrail: edit #3 \(split .*\) was already undone at .* UTC; nothing to do\n$/)
    for (const [arg, status, message] of [['x3', 2, /is not an edit id/], ['99', 1, /^claimtrail: no edit #99; 'claimtrail figure history' lists the edits\n$/]] as const) {
      const r = await runCli(['figure', 'undo', arg, '--db', ledger])
      assert.equal(r.status, status)
      assert.match(r.stderr, message)
    }
    assert.equal((await runCli(['figures', '--db', ledger, 'undo', '2'])).status, 0)
    assert.equal((await runCli(['figure', 'undo', '1', '--db', ledger, '--json'])).status, 0)
    assert.deepEqual(await figures(), start, 'ids, labels, claim counts and aliases as before the edits')
    const history = lines((await runCli(['figure', 'history', '--db', ledger, '--json'])).stdout)
    assert.deepEqual(history.map((e) => [e.id, e.applied]), [[3, false], [2, false], [1, false]], 'every edit kept, marked undone')
  })

  test('claims --limit and --offset page the list as the API does, saying on stderr when rows are left out', async () => {
    const all = lines((await runCli(['claims', '--db', db, '--json'])).stdout)
    assert.ok(all.length >= 4)
    const page = await runCli(['claims', '--db', db, '--json', '--limit', '2', '--offset', '1'])
    assert.deepEqual(lines(page.stdout), all.slice(1, 3))
    assert.equal(page.stderr, '')
    const table = await runCli(['claims', '--db', db, '--limit', '2'])
    assert.equal(table.stdout.trim().split('\n').length, 4, 'header, rule and two rows')
    assert.equal(table.stderr, `claims 1-2 of ${all.length} shown; --offset 2 shows the next\n`)
    const last = await runCli(['claims', '--db', db, '--limit', '2', '--offset', String(all.length - 1)])
    assert.equal(last.stderr, `claims ${all.length}-${all.length} of ${all.length} shown\n`)
    assert.equal((await runCli(['claims', '--db', db, '--offset', '500'])).stderr, `--offset 500 skips all ${all.length} claims\n`)
    assert.equal((await runCli(['claims', '--db', db, '--limit', String(all.length)])).stderr, '')
    for (const bad of [['--limit', '0'], ['--limit', 'ten'], ['--offset', 'x'], ['--limit=-2']]) {
      const r = await runCli(['claims', '--db', db, ...bad])
      assert.equal(r.status, 2, bad.join(' '))
      assert.match(r.stderr, /^claimtrail: --(limit|offset) .*: give a whole number/)
    }
  })

  test('a filter that names no real category, status or date is a usage error, not an empty list', async () => {
    for (const [args, message] of [
      [['figures', '--status', 'disputed'], '--status disputed: use one of conflicting, revised, corroborated, single-source'],
      [['figures', '--category', 'dead'], '--category dead: use one of deployed, killed,'],
      [['claims', '--since', '2025-13'], '--since 2025-13: use YYYY, YYYY-MM or YYYY-MM-DD'],
      [['export', '--until', '2025-02-30'], '--until 2025-02-30: use YYYY, YYYY-MM or YYYY-MM-DD'],
    ] as const) {
      const r = await runCli([...args, '--db', db])
      assert.equal(r.status, 2, `${args.join(' ')}: ${r.stderr}`)
      assert.ok(r.stderr.startsWith(`claimtrail: ${message}`), r.stderr)
      assert.equal(r.stdout, '')
    }
    assert.equal((await runCli(['claims', '--since', '2024-02', '--until', '2024-02-29', '--db', db])).status, 0)
  })

  test('of two copies of one story published the same day, the first stored is the original', async () => {
    const wire = 'SEOUL, Jan 13 - About 300 North Korean soldiers have been killed and 2,700 wounded fighting for Russia, a South Korean lawmaker said on Monday, citing the spy agency. The agency also said two soldiers had been captured by Ukraine, the lawmaker told reporters after a closed-door briefing in parliament.'
    // A copy whose content key sorts before the wire story's, so that key order would pick the copy.
    let copy = ''
    for (let n = 0; copy === '' || contentHash(copy).slice(0, 16) > contentHash(wire).slice(0, 16); n++) copy = `${wire} Reporting by desk ${n}.`
    const ledger = join(dir, 'copies.db')
    const corpus = join(dir, 'copies.jsonl')
    writeFileSync(corpus, [
      { id: 'wire', published: '2025-01-13', outlet: 'Wire', url: 'https://wire.example/1', text: wire },
      { id: 'portal', published: '2025-01-13', outlet: 'Portal', url: 'https://portal.example/1', text: copy },
    ].map((d) => JSON.stringify(d)).join('\n'))
    const store = openSqliteStore(ledger)
    try {
      await ingest([corpus], { store, analyzer: () => patternAnalyzer() })
    } finally {
      await store.close()
    }
    const articles = lines((await runCli(['articles', '--db', ledger, '--json'])).stdout)
    const original = articles.find((a) => a.id === 'wire')
    assert.equal(original?.storyGroup, original?.key, 'the wire story names its group')
    assert.equal(articles.find((a) => a.id === 'portal')?.storyGroup, original?.key, 'the portal carries a copy')
  })

  test('a missing figure is one line, exit 1', async () => {
    const r = await runCli(['timeline', 'submarines', '--db', db])
    assert.equal(r.status, 1)
    assert.equal(r.stderr, "claimtrail: no figure \"submarines\"; run 'claimtrail figures' for the list\n")
  })

  test('claims --article with a key the ledger does not hold is one line, exit 1, as a missing figure is (rev16)', async () => {
    const r = await runCli(['claims', '--article', 'nope', '--db', db])
    assert.equal(r.status, 1)
    assert.equal(r.stdout, '')
    assert.equal(r.stderr, "claimtrail: no article \"nope\"; run 'claimtrail articles' for the keys\n")
  })

  test('report into a missing folder, and figure with no action, say so in words (session 12)', async () => {
    const out = join(dir, 'no-such-folder', 'r.html')
    const r = await runCli(['report', 'deployed/north-korea/troops', '-o', out, '--db', db])
    assert.equal(r.status, 1)
    assert.equal(r.stderr, `claimtrail: cannot write ${out}: its folder does not exist\n`)
    const folder = await runCli(['report', 'deployed/north-korea/troops', '-o', dir, '--db', db])
    assert.equal(folder.stderr, `claimtrail: cannot write ${dir}: is a folder; give a file name\n`)
    const bare = await runCli(['figure', '--db', db])
    assert.equal(bare.status, 2)
    assert.match(bare.stderr, /^claimtrail: figure: give an action, merge, split, rename, history or undo; usage: claimtrail figure merge /)
  })
})

test('the chart scales to the bulk of the estimates and marks clipped outliers', () => {
  const p = (value: number) => ({ value, low: null, high: null, bound: null, approx: false, unit: null, date: '2025-01-01', source: 's', outlet: 'o' }) as unknown as Parameters<typeof chart>[0][number]
  const rows = chart([p(10), p(20), p(1_000_000)], 20)
  assert.equal(rows[1].split('█').length - 1, 20)
  assert.equal(rows[0].split('█').length - 1, 10)
  assert.match(rows[2], /█{20}»/)
})

describe('ingest and watch commands', () => {
  test('ingest --json prints one outcome per document; a missing path fails alone', async () => {
    const ledger = join(dir, 'cli-ingest.db')
    const file = join(dir, 'one.txt')
    writeFileSync(file, 'About 11,000 North Korean troops are in Russia, officials said.')
    const r = await runCli(['ingest', file, join(dir, 'nope.txt'), '--db', ledger, '--json'])
    assert.equal(r.status, 1)
    const outcomes = lines(r.stdout)
    assert.deepEqual(outcomes.map((o) => o.status), ['ingested', 'failed'])
    assert.match(r.stderr, /nope\.txt: no such file/)
    assert.match(r.stderr, /1 ingested, 0 skipped, 1 failed \(/)
    const again = await runCli(['ingest', file, '--db', ledger])
    assert.equal(again.status, 0)
    assert.match(again.stderr, /^0 ingested, 1 skipped, 0 failed/)
    const usage = await runCli(['ingest', '--db', ledger])
    assert.equal(usage.status, 2)
    const undated = join(dir, 'undated.txt')
    writeFileSync(undated, 'Pyongyang held a ceremony for the soldiers who died in Kursk.')
    const dated = await runCli(['ingest', undated, '--db', ledger, '--published', '2025-08-22', '--outlet', 'KCNA'])
    assert.equal(dated.status, 0, dated.stderr)
    const stored = lines((await runCli(['articles', '--db', ledger, '--json', '--outlet', 'kcna'])).stdout)
    assert.deepEqual(stored.map((a) => [a.id, a.published, a.outlet]), [['undated', '2025-08-22', 'KCNA']])
    const badDate = await runCli(['ingest', undated, '--db', ledger, '--published', '2025-02-30'])
    assert.equal(badDate.status, 2)
  })

  test('ingest reports the extractor\'s warnings (a language it does not read) in its summary and --json, status 0', async () => {
    const ledger = join(dir, 'cli-warnings.db')
    const file = join(dir, 'seoul.txt')
    writeFileSync(file, '북한은 러시아에 병력 1만2천명을 파견했다고 국정원이 밝혔다.')
    const r = await runCli(['ingest', file, '--db', ledger, '--json'])
    assert.equal(r.status, 0, r.stderr)
    // Standard error stays one line per failed document and the summary, which names it.
    assert.match(r.stderr, /^1 ingested, 0 skipped, 0 failed \(.*\); 1 stored with warnings \(.*seoul\.txt: language "ko" is not supported yet: no entities, quantities or claims extracted\)\n$/)
    const [outcome] = lines(r.stdout)
    assert.equal(outcome.status, 'ingested')
    assert.equal((outcome.warnings as string[]).length, 1)
  })

  test('watch summarises the extractor\'s warnings as ingest does; a feed it could not read is not "not modified"; a local path is a usage error (session 12)', async () => {
    const { createServer } = await import('node:http')
    const server = createServer((req, res) => {
      if (req.url !== '/ko') {
        res.writeHead(404)
        res.end()
        return
      }
      res.writeHead(200, { 'content-type': 'application/rss+xml' })
      res.end(`<rss><channel><title>Seoul Wire</title><item><guid>ko-1</guid><description>${'북한은 러시아에 병력 1만2천명을 파견했다고 국정원이 밝혔다. '.repeat(20)}</description></item></channel></rss>`)
    })
    await new Promise<void>((r) => server.listen(0, '127.0.0.1', r))
    const base = `http://127.0.0.1:${(server.address() as import('node:net').AddressInfo).port}`
    const ledger = join(dir, 'cli-watch-warnings.db')
    try {
      const r = await runCli(['watch', `${base}/ko`, `${base}/gone`, '--once', '--db', ledger])
      assert.equal(r.status, 0, r.stderr)
      assert.match(r.stderr, /\/ko: 1 ingested, 0 skipped, 0 failed\n/)
      assert.match(r.stderr, /\/gone: HTTP 404\n/)
      assert.match(r.stderr, /\/gone: could not be read \(see above\)\n/)
      assert.match(r.stderr, /Z 1 stored with warnings \(http:\/\/.*: language "ko" is not supported yet: .*; --json lists each\)\n$/)
      const local = await runCli(['watch', join(dir, 'feed.xml'), '--once', '--db', ledger])
      assert.equal(local.status, 2)
      assert.match(local.stderr, /feed\.xml is not an http\(s\) URL; .*claimtrail ingest --feed /)
    } finally {
      server.closeAllConnections()
      server.close()
    }
  })

  test('watch --once polls a feed once and refuses to poll it again within the minimum interval', async () => {
    const { createServer } = await import('node:http')
    const server = createServer((_req, res) => {
      res.writeHead(200, { 'content-type': 'application/rss+xml' })
      res.end(`<rss><channel><title>W</title><item><guid>1</guid><description>${'Words for the body of a story. '.repeat(20)}</description></item></channel></rss>`)
    })
    await new Promise<void>((r) => server.listen(0, '127.0.0.1', r))
    const url = `http://127.0.0.1:${(server.address() as import('node:net').AddressInfo).port}/rss`
    const ledger = join(dir, 'cli-watch.db')
    try {
      const first = await runCli(['watch', url, '--once', '--db', ledger, '--interval', '5'])
      assert.equal(first.status, 0, first.stderr)
      assert.match(first.stderr, /below the polite minimum/)
      assert.match(first.stderr, /1 ingested, 0 skipped, 0 failed/)
      const second = await runCli(['watch', url, '--once', '--db', ledger])
      assert.match(second.stderr, /polled less than 60 s ago; nothing to do/)
    } finally {
      server.closeAllConnections()
      server.close()
    }
  })
})
