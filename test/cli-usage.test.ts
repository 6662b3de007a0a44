import { test } from 'node:test'
import assert from 'node:assert/strict'
import { runCli } from './cli-helpers.ts'

test('no command: the usage on standard error and status 2, as for other usage errors', async () => {
  const r = await runCli([])
  assert.equal(r.status, 2)
  assert.equal(r.stdout, '')
  assert.match(r.stderr, /^usage: claimtrail <command>/)
  assert.match(r.stderr, /\n {2}ingest {7}/)
})

test('--help, -h and help: the usage on standard output, status 0', async () => {
  for (const flag of ['--help', '-h', 'help']) {
    const r = await runCli([flag])
    assert.equal(r.status, 0, flag)
    assert.match(r.stdout, /^usage: claimtrail <command>/, flag)
    assert.equal(r.stderr, '', flag)
  }
})

test('an unknown command or flag: one line on standard error, status 2', async () => {
  for (const args of [['frobnicate'], ['--frobnicate']]) {
    const r = await runCli(args)
    assert.equal(r.status, 2, args.join(' '))
    assert.equal(r.stdout, '')
    assert.equal(r.stderr.trim().split('\n').length, 1, r.stderr)
    assert.match(r.stderr, /claimtrail --help/)
  }
})

test('-h and --help on every command: its usage on standard output, status 0', async () => {
  for (const name of ['extract', 'ingest', 'figures', 'figure', 'timeline', 'export', 'serve', 'report', 'eval']) {
    for (const flag of ['-h', '--help']) {
      const r = await runCli([name, flag])
      assert.equal(r.status, 0, `${name} ${flag}: ${r.stderr}`)
      assert.match(r.stdout, new RegExp(`^usage: claimtrail ${name}`), `${name} ${flag}`)
    }
  }
})
