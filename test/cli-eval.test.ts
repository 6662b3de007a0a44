import { test } from 'node:test'
import assert from 'node:assert/strict'
import { copyFileSync, mkdirSync, mkdtempSync, readdirSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { runCli } from './cli-helpers.ts'

const SPLIT = 'test/fixtures/brat/polnear-mini'
const tmp = mkdtempSync(join(tmpdir(), 'claimtrail-eval-'))

// The gold files renamed to <filename>.ann, as a system's predictions would be named.
function goldAsPredictions(): string {
  const dir = join(tmp, 'gold')
  mkdirSync(dir, { recursive: true })
  const first: Record<string, string> = { 'doc-a': 'x1', 'doc-b': 'x3', 'doc-c': 'x2' }
  for (const [doc, annotator] of Object.entries(first)) {
    copyFileSync(join(SPLIT, 'attributions', `${doc}_${annotator}.ann`), join(dir, `${doc}.ann`))
  }
  return dir
}

test('eval polnear: gold scored against itself is 1.0 on every figure', async () => {
  const r = await runCli(['eval', 'polnear', '--dir', SPLIT, '--predictions', goldAsPredictions(), '--json'])
  assert.equal(r.status, 0, r.stderr)
  const s = JSON.parse(r.stdout)
  for (const role of ['source', 'cue', 'content']) {
    assert.equal(s.exact[role].f1, 1)
    assert.equal(s.overlap[role].f1, 1)
  }
  assert.equal(s.relation.exact.f1, 1)
  assert.equal(s.relation.lenient.f1, 1)
})

test('eval polnear --errors: the error budget of gold against itself has no errors', async () => {
  const r = await runCli(['eval', 'polnear', '--dir', SPLIT, '--predictions', goldAsPredictions(), '--errors', '--json'])
  assert.equal(r.status, 0, r.stderr)
  const { errors } = JSON.parse(r.stdout)
  assert.ok(errors.cue.gold > 0)
  assert.equal(errors.cue.right, errors.cue.gold)
  assert.equal(errors.cue.missed + errors.cue.spurious + errors.cue.extent, 0)
  assert.equal(errors.rightCue.whole, errors.rightCue.attributions)
  const text = await runCli(['eval', 'polnear', '--dir', SPLIT, '--predictions', join(tmp, 'gold'), '--errors'])
  assert.match(text.stdout, /Error budget/)
})

test('eval polnear: an empty prediction scores 0', async () => {
  const empty = join(tmp, 'empty')
  mkdirSync(empty)
  const r = await runCli(['eval', 'polnear', '--dir', SPLIT, '--predictions', empty, '--json'])
  assert.equal(r.status, 0, r.stderr)
  const s = JSON.parse(r.stdout)
  for (const role of ['source', 'cue', 'content']) assert.equal(s.exact[role].f1, 0)
  assert.equal(s.relation.lenient.f1, 0)
})

test('eval polnear --predictions: a missing folder is a usage error, missing .ann files a warning', async () => {
  const r = await runCli(['eval', 'polnear', '--dir', SPLIT, '--predictions', join(tmp, 'no-such-folder'), '--json'])
  assert.equal(r.status, 2)
  assert.equal(r.stdout, '', 'no scores of zero for a mistyped folder')
  assert.match(r.stderr, /^claimtrail: --predictions .*no-such-folder: no such folder\n$/)
  const empty = join(tmp, 'empty-warned')
  mkdirSync(empty)
  const w = await runCli(['eval', 'polnear', '--dir', SPLIT, '--predictions', empty, '--json'])
  assert.equal(w.status, 0, w.stderr)
  assert.match(w.stderr, /^claimtrail eval: warning: 3 of 3 documents have no \.ann in .*empty-warned \(first: doc-a\.ann\); scored as predicting nothing\n$/)
})

test('extract --format brat --out-dir over a folder of texts writes one .ann per text that the scorer reads', async () => {
  const out = join(tmp, 'pred')
  const r = await runCli(['extract', '--format', 'brat', '--out-dir', out, join(SPLIT, 'text')])
  assert.equal(r.status, 0, r.stderr)
  assert.deepEqual(readdirSync(out).sort(), ['doc-a.ann', 'doc-b.ann', 'doc-c.ann'])
  const scored = await runCli(['eval', 'polnear', '--dir', SPLIT, '--predictions', out])
  assert.equal(scored.status, 0, scored.stderr)
  assert.match(scored.stdout, /source/)
})

test('eval: a folder that is not a split, and a missing --dir, are clear errors', async () => {
  const r = await runCli(['eval', 'polnear', '--dir', tmp])
  assert.equal(r.status, 1)
  assert.match(r.stderr, /metadata\.tsv not found/)
  assert.equal((await runCli(['eval', 'polnear'])).status, 2)
  // a mistyped --dir is a wrong argument, as a mistyped --predictions is
  const missing = await runCli(['eval', 'polnear', '--dir', join(tmp, 'no-such-split')])
  assert.equal(missing.status, 2)
  assert.match(missing.stderr, /--dir .*no-such-split: no such folder/)
  assert.doesNotMatch(missing.stderr, /\n\s+at /)
  assert.equal((await runCli(['eval', 'squad', '--dir', SPLIT])).status, 2)
})
