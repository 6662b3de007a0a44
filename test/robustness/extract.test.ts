import assert from 'node:assert/strict'
import { mkdtempSync, readFileSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { extname, join } from 'node:path'
import { after, describe, test } from 'node:test'
import { runCli } from '../cli-helpers.ts'
import { assertNoStack, assertSaneDocument } from './checks.ts'
import { writeBadCorpus } from './corpus.ts'

// BENCHMARKS.md §4 for `claimtrail extract`: every bad input gets one line naming it,
// or a sane result; never a stack trace, never a hang (each case has a time limit).

const dir = mkdtempSync(join(tmpdir(), 'claimtrail-robust-extract-'))
after(() => rmSync(dir, { recursive: true, force: true }))
const cases = writeBadCorpus(dir)

/** What each "result" case must contain beyond sanity, when it says more. */
const EXTRA: Record<string, (doc: Record<string, any>) => void> = {
  'scripts.html': (doc) => {
    assert.doesNotMatch(doc.text, /hidden soldiers|noscript troops|document\.write|alert|color:red/, 'no script, style or noscript text')
    assert.ok(doc.quantities.some((q: { value: number }) => q.value === 12000), 'the article text is kept')
  },
  'nested-10k.html': (doc) => assert.match(doc.text, /^From a deep page\. About 12,000 North Korean troops/),
  'wide.html': (doc) => assert.match(doc.text, /About 12,000 North Korean troops/),
  'mixed-scripts.txt': (doc) => assert.ok(doc.quantities.filter((q: { value: number }) => q.value === 12000).length >= 1),
  'unclosed-quote.txt': (doc) => assert.ok(doc.quantities.some((q: { value: number }) => q.value === 4000)),
  'arabic.txt': (doc) => assert.equal(doc.language, 'ar'),
  'hebrew.txt': (doc) => assert.equal(doc.language, 'he'),
  'cjk.txt': (doc) => assert.match(doc.language, /^(zh|ja)$/),
}

describe('extract: the bad-input corpus', () => {
  for (const c of cases) {
    test(`${c.name}: ${c.expect === 'refused' ? `refused (${c.reason})` : 'a sane result'}`, { timeout: 90_000 }, async () => {
      const path = join(dir, c.name)
      const r = await runCli(['extract', path])
      assertNoStack(r.stderr, c.name)
      if (c.expect === 'refused') {
        assert.equal(r.status, 1, r.stderr)
        const lines = r.stderr.trimEnd().split('\n')
        assert.equal(lines.length, 1, `one line: ${r.stderr}`)
        assert.ok(lines[0].includes(c.name), `the line names the document: ${lines[0]}`)
        assert.match(lines[0], c.reason as RegExp)
        assert.equal(r.stdout, '')
        return
      }
      assert.equal(r.status, 0, r.stderr)
      for (const line of r.stderr.trimEnd().split('\n').filter(Boolean)) assert.match(line, /warning/, `only warnings: ${line}`)
      const out = r.stdout.trimEnd().split('\n')
      assert.equal(out.length, 1)
      const doc = JSON.parse(out[0])
      const raw = readFileSync(path, 'utf8')
      const text = extname(c.name) === '.txt' ? raw : extname(c.name) === '.jsonl' ? JSON.parse(raw).text : doc.text
      assertSaneDocument(doc, text, c.name)
      EXTRA[c.name]?.(doc)
    })
  }
})
