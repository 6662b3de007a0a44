import assert from 'node:assert/strict'
import { spawn } from 'node:child_process'
import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { test } from 'node:test'
import { fileURLToPath } from 'node:url'

const BIN = fileURLToPath(new URL('../../bin/claimtrail.js', import.meta.url))

/** Run `claimtrail start` until it prints its URL; returns the URL and a stop function. */
function start(db: string): Promise<{ url: string; stderr: () => string; stop: () => Promise<number | null> }> {
  const child = spawn(process.execPath, [BIN, 'start', '--db', db, '--port', '0'], { stdio: ['ignore', 'pipe', 'pipe'] })
  let out = ''
  let err = ''
  child.stderr.on('data', (d: Buffer) => { err += d.toString() })
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => { child.kill('SIGKILL'); reject(new Error(`start printed no URL in 60 s: ${err}`)) }, 60_000)
    child.on('exit', (code) => { clearTimeout(timer); reject(new Error(`start exited with ${code}: ${err}`)) })
    child.stdout.on('data', (d: Buffer) => {
      out += d.toString()
      const m = out.match(/http:\/\/127\.0\.0\.1:\d+/)
      if (!m) return
      clearTimeout(timer)
      child.removeAllListeners('exit')
      resolve({
        url: m[0], stderr: () => err,
        stop: () => new Promise((done) => { child.on('exit', (code) => done(code)); child.kill('SIGTERM') }),
      })
    })
  })
}

test('claimtrail start ingests the demo corpus and the seed, serves them, and is idempotent', async () => {
  const dir = mkdtempSync(join(tmpdir(), 'claimtrail-start-'))
  try {
    const db = join(dir, 'claimtrail.db')
    const first = await start(db)
    const articles = await (await fetch(`${first.url}/api/articles?limit=500`)).json() as { total: number; articles: { published: string | null; outlet: string | null }[] }
    assert.ok(articles.total >= 26, `demo corpus and seed stored (${articles.total})`)
    assert.ok(articles.articles.some((a) => a.published === '2025-08-22' && /KCNA/.test(a.outlet ?? '')), 'the seed, with its date')
    const home = await fetch(first.url + '/')
    assert.equal(home.status, 200)
    assert.match(await home.text(), /<h1>Figures<\/h1>/)
    assert.equal(await first.stop(), 0, 'stops cleanly on SIGTERM')
    const second = await start(db)
    const again = await (await fetch(`${second.url}/api/articles?limit=500`)).json() as { total: number }
    assert.equal(again.total, articles.total, 'a second start adds nothing')
    assert.match(second.stderr(), /0 ingested/)
    assert.equal(await second.stop(), 0)
  } finally {
    rmSync(dir, { recursive: true, force: true })
  }
})
