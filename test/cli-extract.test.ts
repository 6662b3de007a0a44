import { test } from 'node:test'
import assert from 'node:assert/strict'
import { spawnSync } from 'node:child_process'
import { mkdirSync, mkdtempSync, readdirSync, readFileSync, writeFileSync, openSync, ftruncateSync, closeSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { runCli } from './cli-helpers.ts'

const dir = mkdtempSync(join(tmpdir(), 'claimtrail-extract-'))
const file = (name: string, content: string | Buffer) => {
  const p = join(dir, name)
  writeFileSync(p, content)
  return p
}
const ENGLISH = 'About 4,000 soldiers have been killed or injured, according to Western officials. ' +
  'The ministry said on Friday that the figure was rising.'

test('json output: one object per document with the contract fields and code-point offsets', async () => {
  const p = file('emoji.txt', `😀 ${ENGLISH}`)
  const r = await runCli(['extract', '--published', '2025-01-09', p])
  assert.equal(r.status, 0, r.stderr)
  const lines = r.stdout.trim().split('\n')
  assert.equal(lines.length, 1)
  const doc = JSON.parse(lines[0])
  assert.equal(doc.id, 'emoji')
  assert.equal(doc.published, '2025-01-09')
  assert.equal(doc.language, 'en')
  assert.equal(doc.text, `😀 ${ENGLISH}`)
  for (const key of ['entities', 'quantities', 'attributions', 'claims']) assert.ok(Array.isArray(doc[key]), key)
  const chars = [...doc.text]
  for (const q of doc.quantities) assert.equal(chars.slice(q.start, q.end).join(''), q.text)
  for (const e of doc.entities) assert.equal(chars.slice(e.start, e.end).join(''), e.text)
})

test('jsonl input: one output per line, ids and metadata kept, --out-dir writes <id>.<ext>', async () => {
  const p = file('batch.jsonl', [
    JSON.stringify({ id: 'one', text: ENGLISH, published: '2025-01-09', outlet: 'Wire', url: 'https://example.test/1' }),
    JSON.stringify({ id: 'two', html: `<html><body><article><p>${ENGLISH}</p></article></body></html>` }),
  ].join('\n'))
  const out = join(dir, 'out-json')
  const r = await runCli(['extract', '--out-dir', out, p])
  assert.equal(r.status, 0, r.stderr)
  assert.deepEqual(readdirSync(out).sort(), ['one.json', 'two.json'])
  const one = JSON.parse(readFileSync(join(out, 'one.json'), 'utf8'))
  assert.equal(one.outlet, 'Wire')
  assert.equal(one.url, 'https://example.test/1')
  const two = JSON.parse(readFileSync(join(out, 'two.json'), 'utf8'))
  assert.equal(two.text, ENGLISH)
})

test('brat and text formats', async () => {
  const p = file('plain.txt', ENGLISH)
  const brat = await runCli(['extract', '--format', 'brat', p])
  assert.equal(brat.status, 0, brat.stderr)
  for (const line of brat.stdout.split('\n').filter(Boolean)) assert.match(line, /^(T\d+\t\w+ \d+ \d+(;\d+ \d+)*\t.*|E\d+\tAttribution:T\d+( \w+:T\d+)+)$/)
  const text = await runCli(['extract', '--format', 'text', p])
  assert.equal(text.status, 0, text.stderr)
  assert.match(text.stdout, /## Claims/)
  const dirOut = join(dir, 'out-brat')
  assert.equal((await runCli(['extract', '--format', 'brat', '--out-dir', dirOut, p])).status, 0)
  assert.deepEqual(readdirSync(dirOut), ['plain.ann'])
})

test('standard input is read as text when no file or "-" is given', async () => {
  const r = await runCli(['extract', '-'], ENGLISH)
  assert.equal(r.status, 0, r.stderr)
  assert.equal(JSON.parse(r.stdout).text, ENGLISH)
  const r2 = await runCli(['extract'], ENGLISH)
  assert.equal(JSON.parse(r2.stdout).id, 'stdin')
})

test('bad inputs: one line each naming the document, the rest of the batch processed, status 1', async () => {
  const big = join(dir, 'big.txt')
  const fd = openSync(big, 'w')
  ftruncateSync(fd, 50 * 1024 * 1024)
  closeSync(fd)
  writeFileSync(big, 'x', { flag: 'r+' })
  const inputs = [
    file('empty.txt', ''),
    file('binary.txt', Buffer.from([0x7f, 0x45, 0x4c, 0x46, 0, 0, 1, 2, 3])),
    file('latin1.txt', Buffer.from([0x43, 0x61, 0x66, 0xe9, 0x20, 0x61, 0x75, 0x20, 0x6c, 0x61, 0x69, 0x74])),
    big,
    file('nav.html', '<html><body><nav><a href="/">Home</a></nav><script>alert(1)</script></body></html>'),
    file('lines.jsonl', ['{not json', JSON.stringify({ id: 'notext', title: 'x' }), JSON.stringify({ id: 'good', text: ENGLISH })].join('\n')),
    join(dir, 'missing.txt'),
    file('good.txt', ENGLISH),
  ]
  const r = await runCli(['extract', ...inputs])
  assert.equal(r.status, 1)
  const errors = r.stderr.trim().split('\n')
  const expect: Array<[string, RegExp]> = [
    ['empty.txt', /empty/], ['binary.txt', /binary/], ['latin1.txt', /UTF-8/], ['big.txt', /limit/],
    ['nav.html', /no article text/], ['lines.jsonl:1', /not a JSON/], ['lines.jsonl:2', /text/],
    ['missing.txt', /no such file/],
  ]
  assert.equal(errors.length, expect.length, r.stderr)
  for (const [name, reason] of expect) {
    const line = errors.find((l) => l.includes(`${name}:`))
    assert.ok(line, `no error line for ${name}: ${r.stderr}`)
    assert.match(line, reason)
  }
  assert.doesNotMatch(r.stderr, /\n\s+at /, 'no stack traces')
  const ids = r.stdout.trim().split('\n').map((l) => JSON.parse(l).id)
  assert.deepEqual(ids, ['good', 'good'])
})

test('text in an unsupported language: language detected, a warning, no claims', async () => {
  const korean = '북한은 러시아에 약 1만2천 명의 병력을 파견했다고 국가정보원이 밝혔다. 사상자는 4천 명에 이른다.'
  const r = await runCli(['extract', file('korean.txt', korean)])
  assert.equal(r.status, 0)
  const doc = JSON.parse(r.stdout)
  assert.equal(doc.language, 'ko')
  assert.equal(doc.claims.length, 0)
  assert.equal(doc.quantities.length, 0)
  assert.match(r.stderr, /korean\.txt: warning: language "ko" is not supported/)
})

test('usage errors: unknown format, bad date, unknown command', async () => {
  assert.equal((await runCli(['extract', '--format', 'xml'])).status, 2)
  const bad = await runCli(['extract', '--published', '2025-13-40'])
  assert.equal(bad.status, 2)
  assert.match(bad.stderr, /YYYY-MM-DD/)
  assert.equal((await runCli(['frobnicate'])).status, 2)
  assert.equal((await runCli(['extract', '--no-such-flag'])).status, 2)
})

test('the installed bin: a bad file gives one line and status 1, no stack trace', () => {
  const r = spawnSync(process.execPath, ['bin/claimtrail.js', 'extract', join(dir, 'nope.txt')], { encoding: 'utf8' })
  assert.equal(r.status, 1)
  assert.equal(r.stderr.trim().split('\n').length, 1)
  assert.match(r.stderr, /nope\.txt: no such file/)
})

test('--out-dir: two documents with one id are not written over each other', async () => {
  const out = join(dir, 'out-same-id')
  // An existing folder: a missing one adds a line saying it was created (session 14).
  mkdirSync(out, { recursive: true })
  mkdirSync(join(dir, 'kyiv'), { recursive: true })
  mkdirSync(join(dir, 'seoul'), { recursive: true })
  const first = file('kyiv/report.txt', 'Officials said 2,000 troops arrived in Kursk.')
  const second = file('seoul/report.txt', 'Officials said 3,000 troops arrived in Kursk.')
  const r = await runCli(['extract', '--out-dir', out, first, second])
  assert.equal(r.status, 1, r.stderr)
  assert.deepEqual(readdirSync(out), ['report.json'])
  assert.match(JSON.parse(readFileSync(join(out, 'report.json'), 'utf8')).text, /2,000/, 'the first document is kept')
  assert.equal(r.stderr.trimEnd().split('\n').length, 1, r.stderr)
  assert.match(r.stderr, /^claimtrail extract: .*seoul\/report\.txt: its id "report" names the same output file as .*kyiv\/report\.txt/)

  // Duplicate ids inside one JSONL file too.
  const jsonl = file('same-ids.jsonl', [
    JSON.stringify({ id: 'a', text: 'Officials said 2,000 troops arrived.' }),
    JSON.stringify({ id: 'a', text: 'Officials said 5,000 troops arrived.' }),
  ].join('\n'))
  const j = await runCli(['extract', '--format', 'brat', '--out-dir', join(dir, 'out-same-jsonl'), jsonl])
  assert.equal(j.status, 1)
  assert.match(j.stderr, /same-ids\.jsonl:2: its id "a" names the same output file as .*same-ids\.jsonl:1/)
  assert.match(readFileSync(join(dir, 'out-same-jsonl', 'a.ann'), 'utf8'), /2,000/)
})

test('brat on standard output is one document: several are a usage error and print nothing', async () => {
  const a = file('brat-a.txt', 'Officials said 2,000 troops arrived.')
  const b = file('brat-b.txt', 'Officials said 3,000 troops arrived.')
  const r = await runCli(['extract', '--format', 'brat', a, b])
  assert.equal(r.status, 2, r.stderr)
  assert.equal(r.stdout, '')
  assert.match(r.stderr, /^claimtrail: brat output on standard output holds one document, and .*brat-b\.txt is a second one; give --out-dir DIR/)
  const one = await runCli(['extract', '--format', 'brat', a])
  assert.equal(one.status, 0, one.stderr)
  assert.match(one.stdout, /^T1\tSource 0 9\tOfficials\n/)
})

test('--out-dir that is a file, an empty folder, a tiny --max-bytes: one clear line each', async () => {
  const a = file('tiny.txt', 'Officials said 2,000 troops arrived.')
  const notDir = file('not-a-folder', 'x')
  const r = await runCli(['extract', '--out-dir', notDir, a])
  assert.equal(r.status, 2, r.stderr)
  assert.equal(r.stderr, `claimtrail: --out-dir ${notDir}: is a file, not a folder; give a folder to write into\n`)

  const empty = join(dir, 'empty-folder')
  mkdirSync(empty)
  const e = await runCli(['extract', empty])
  assert.equal(e.status, 1, 'an empty folder is not a successful run')
  assert.equal(e.stderr, `claimtrail extract: ${empty}: no .txt, .html or .jsonl files in this folder\n`)

  const small = await runCli(['extract', '--max-bytes', '10', a])
  assert.equal(small.status, 1)
  assert.equal(small.stderr, `claimtrail extract: ${a}: 36 bytes is over the 10 bytes limit per document; split it or raise --max-bytes\n`)
})

test('a JSONL line with an empty or missing id says so in words, not in the schema library\'s (session 12)', async () => {
  const p = file('ids.jsonl', [JSON.stringify({ id: '', text: ENGLISH }), JSON.stringify({ id: true, text: ENGLISH }), JSON.stringify({ text: ENGLISH })].join('\n'))
  const r = await runCli(['extract', p])
  assert.equal(r.status, 1)
  assert.deepEqual(r.stderr.trim().split('\n').map((l) => l.slice(l.indexOf('ids.jsonl'))), [
    'ids.jsonl:1: "id": must not be empty', 'ids.jsonl:2: "id": must be a string or a number', 'ids.jsonl:3: "id": must be a string or a number',
  ])
})

test('a .jsonl line that is JSON but no object ("[1]", "42", "null") is "not a JSON object", as a line that is no JSON (rev15)', async () => {
  const dir = mkdtempSync(join(tmpdir(), 'claimtrail-jsonl15-'))
  const p = join(dir, 'odd.jsonl')
  writeFileSync(p, ['{not json', '[1]', '42', 'null', '"About 40 people died."', JSON.stringify({ id: 'good', text: 'About 40 people died in the flood, police said.' })].join('\n'))
  const r = await runCli(['extract', p])
  assert.equal(r.status, 1)
  assert.equal(r.stdout.trim().split('\n').length, 1, 'the good line is still read')
  assert.deepEqual(r.stderr.trim().split('\n'), [1, 2, 3, 4, 5].map((n) => `claimtrail extract: ${p}:${n}: not a JSON object`))
})

test('a --gazetteer that is missing or a folder is named in words, not the system\'s ENOENT line (rev15)', async () => {
  const dir = mkdtempSync(join(tmpdir(), 'claimtrail-gaz15-'))
  const missing = join(dir, 'places.json')
  const r = await runCli(['extract', '--gazetteer', missing, '-'], 'About 40 people died in the flood, police said.')
  assert.equal(r.status, 1)
  assert.equal(r.stderr, `claimtrail: ${missing}: cannot read the gazetteer file (no such file)\n`)
  const folder = await runCli(['extract', '--gazetteer', dir, '-'], 'About 40 people died in the flood, police said.')
  assert.equal(folder.stderr, `claimtrail: ${dir}: cannot read the gazetteer file (is a directory)\n`)
})

test('more documents than one batch: outputs and notes on standard error keep the input\'s order (session 16)', async () => {
  const lines: string[] = []
  for (let i = 0; i < 70; i++) {
    if (i === 40) lines.push('{not json')
    else if (i === 50) lines.push(JSON.stringify({ id: `d${i}`, text: 'Это короткая заметка без единого английского слова, и так до самого конца.' }))
    else lines.push(JSON.stringify({ id: `d${i}`, text: `${i + 2} soldiers were hurt on Friday, officials said.` }))
  }
  const r = await runCli(['extract', file('many.jsonl', lines.join('\n'))])
  assert.equal(r.status, 1)
  const ids = r.stdout.trim().split('\n').map((l) => JSON.parse(l).id)
  assert.deepEqual(ids, Array.from({ length: 70 }, (_, i) => `d${i}`).filter((id) => id !== 'd40'))
  const errors = r.stderr.trim().split('\n')
  assert.equal(errors.length, 2, r.stderr)
  assert.match(errors[0], /many\.jsonl:41: .*not a JSON/)
  assert.match(errors[1], /many\.jsonl:51: warning: language "ru"/)
  const d69 = JSON.parse(r.stdout.trim().split('\n').at(-1)!)
  assert.equal(d69.quantities[0].value, 71)
})
