import assert from 'node:assert/strict'
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { after, before, describe, test } from 'node:test'
import { chromium, type Browser, type Page } from 'playwright-core'
import { createAnalyzer } from '../../src/analyze.ts'
import { startServer, type RunningServer } from '../../src/api/server.ts'
import { ingest } from '../../src/ingest/ingest.ts'
import { FIXTURE_ARTICLES, seedFixture } from '../../src/api/test-fixture.ts'
import { openSqliteStore } from '../../src/store/sqlite/sqlite.ts'
import type { Store } from '../../src/store/store.ts'

// The web app in a real browser (Debian chromium driven by playwright-core) against a
// server on the hand-made fixture ledger. Screenshots go to test-artifacts/screenshots/.
const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium'
const SHOTS = join(process.cwd(), 'test-artifacts', 'screenshots')
const SEED = readFileSync(new URL('../../examples/seed/kcna-memorial.txt', import.meta.url), 'utf8')
const DEMO = new URL('../../examples/demo/articles.jsonl', import.meta.url).pathname
const DEPLOYED = 'deployed/north-korea/troops'
const hasChromium = existsSync(CHROMIUM)

let dir: string
let store: Store
let server: RunningServer
let browser: Browser
let keys: Map<string, string>

/** A fresh page that records dialogs (alert, confirm) and page errors. */
async function openPage(width = 1280, height = 900): Promise<{ page: Page; dialogs: string[]; errors: string[] }> {
  const page = await browser.newPage({ viewport: { width, height } })
  const dialogs: string[] = []
  const errors: string[] = []
  page.on('dialog', (d) => {
    dialogs.push(d.message())
    void d.dismiss()
  })
  page.on('pageerror', (e) => errors.push(e.message))
  page.on('console', (m) => { if (m.type() === 'error') errors.push(m.text()) })
  return { page, dialogs, errors }
}

async function shot(page: Page, name: string): Promise<void> {
  await page.screenshot({ path: join(SHOTS, `${name}.png`), fullPage: true })
}

before(async () => {
  if (!hasChromium) return
  mkdirSync(SHOTS, { recursive: true })
  dir = mkdtempSync(join(tmpdir(), 'claimtrail-web-'))
  store = openSqliteStore(join(dir, 'ledger.db'))
  keys = await seedFixture(store)
  server = await startServer({ store, port: 0 })
  browser = await chromium.launch({
    executablePath: CHROMIUM,
    args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update'],
  })
})

after(async () => {
  if (!hasChromium) return
  await browser?.close()
  await server?.close()
  await store?.close()
  rmSync(dir, { recursive: true, force: true })
})

describe('web app in chromium', { skip: hasChromium ? false : `no chromium at ${CHROMIUM}` }, () => {
  test('every page loads without script errors', async () => {
    const { page, errors } = await openPage()
    const pages: [string, string][] = [
      ['/', 'figures-index'], ['/articles', 'articles'], [`/articles/${keys.get('nis-revision')}`, 'article'],
      ['/sources', 'sources'], ['/sources/nis', 'source-nis'], ['/search?q=Kursk', 'search'], ['/extract', 'extract-empty'],
    ]
    for (const [path, name] of pages) {
      const res = await page.goto(server.url + path)
      assert.equal(res?.status(), 200, path)
      assert.ok((await page.locator('h1').count()) === 1, `${path} has one h1`)
      await shot(page, name)
    }
    const sparklines = await page.goto(`${server.url}/`).then(() => page.locator('svg.sparkline').count())
    assert.equal(sparklines, await page.locator('tr[data-figure]').count(), 'one sparkline per figure')
    assert.deepEqual(errors, [])
    await page.close()
  })

  test('the timeline draws one point per claim of the figure', async () => {
    const { page, errors } = await openPage()
    const figure = await (await fetch(`${server.url}/api/figures/${DEPLOYED}`)).json() as { timeline: { claimKey: string; approx: boolean; bound: string | null; low: number | null }[] }
    await page.goto(`${server.url}/figures/${DEPLOYED}`)
    const drawn = await page.locator('svg.timeline [data-claim]').evaluateAll((els) => els.map((e) => e.getAttribute('data-claim')))
    assert.deepEqual([...drawn].sort(), figure.timeline.map((p) => p.claimKey).sort())
    // Ranges are bars, bounds carets, hedges hollow; copies of the wire story are joined.
    assert.equal(await page.locator('svg.timeline .range').count(), figure.timeline.filter((p) => p.low !== null).length)
    assert.equal(await page.locator('svg.timeline .bound-at-least').count(), figure.timeline.filter((p) => p.bound === 'at_least').length)
    const hollow = await page.locator('svg.timeline .marker[fill="#ffffff"]').count()
    assert.equal(hollow, figure.timeline.filter((p) => p.approx).length)
    assert.equal(await page.locator('svg.timeline path.story-group').count(), 1)
    assert.equal(await page.locator('table.evidence tbody tr').count(), figure.timeline.length)
    await shot(page, 'figure')
    assert.deepEqual(errors, [])
    await page.close()
  })

  test('clicking a point opens its article at the highlighted quote', async () => {
    const { page } = await openPage()
    await page.goto(`${server.url}/figures/${DEPLOYED}`)
    const fixture = FIXTURE_ARTICLES.find((a) => a.id === 'nis-revision')!
    const claim = fixture.claims[0]
    const point = page.locator('svg.timeline a').filter({ has: page.locator('[data-status="revised"]') }).first()
    await Promise.all([page.waitForURL(/\/articles\//), point.click()])
    assert.ok(page.url().includes(`/articles/${keys.get('nis-first-estimate')}#q-`), page.url())
    // Back, then the revised estimate's successor (the NIS revision) through its table link.
    await page.goto(`${server.url}/figures/${DEPLOYED}`)
    const figure = await (await fetch(`${server.url}/api/figures/${DEPLOYED}`)).json() as { timeline: { claimKey: string; articleKey: string }[] }
    const revision = figure.timeline.find((p) => p.articleKey === keys.get('nis-revision'))!
    const link = page.locator(`table.evidence tr[data-claim="${revision.claimKey}"] a.quote-link`)
    await Promise.all([page.waitForURL(/\/articles\//), link.click()])
    assert.ok(page.url().includes(`/articles/${keys.get('nis-revision')}#q-`), page.url())
    const target = page.locator(':target')
    assert.equal(await target.textContent(), claim.quantity)
    assert.ok(await target.isVisible())
    const quote = page.locator('.quote:has(:target)')
    assert.equal(await quote.count(), 1)
    assert.match((await quote.textContent()) ?? '', /some 15,000 North Korean troops were in Russia/)
    const outline = await quote.evaluate((el) => getComputedStyle(el).outlineStyle)
    assert.equal(outline, 'solid', 'the quote is highlighted')
    for (const cls of ['source', 'cue', 'content', 'claim']) assert.ok(await page.locator(`.article-text mark.${cls}`).count() > 0, `${cls} marked`)
    await shot(page, 'article-at-quote')
    await page.close()
  })

  test('the extract page highlights the seed on the spot', async () => {
    const { page, errors } = await openPage()
    await page.goto(`${server.url}/extract`)
    await page.getByLabel('Article text').fill(SEED)
    await page.getByLabel('Published (optional)').fill('2025-08-22')
    await page.getByRole('button', { name: 'Analyse' }).click()
    await page.locator('#extract-result').waitFor({ state: 'visible', timeout: 20_000 })
    assert.equal(await page.locator('#extract-text-out').textContent(), SEED, 'the text is shown exactly')
    const api = await (await fetch(`${server.url}/api/extract`, { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify({ text: SEED }) })).json() as { quantities: unknown[]; claims: unknown[] }
    if (api.quantities.length > 0) assert.ok(await page.locator('#extract-text-out mark.quantity').count() > 0, 'quantities highlighted')
    assert.equal(await page.locator('#extract-claims li a').count(), api.claims.length, 'one list item per claim')
    assert.match((await page.locator('#extract-status').textContent()) ?? '', /Found \d+ claims/)
    await shot(page, 'extract-seed')
    assert.deepEqual(errors, [])
    await page.close()
  })

  test('the extract page counts in words ("1 claim") and takes down an old result when the next text fails (session 12)', async () => {
    const { page, errors } = await openPage()
    await page.goto(`${server.url}/extract`)
    await page.getByLabel('Article text').fill('About 4,000 soldiers were killed or injured, according to Western officials.')
    await page.getByRole('button', { name: 'Analyse' }).click()
    await page.locator('#extract-result').waitFor({ state: 'visible', timeout: 20_000 })
    assert.equal(await page.locator('#extract-status').textContent(), 'Found 1 claim, 1 attribution and 1 quantity.')
    // Over the 1 MB request limit: the message, and no result of the previous text beneath it.
    await page.getByLabel('Article text').fill('x'.repeat(1024 * 1024 + 10))
    await page.getByRole('button', { name: 'Analyse' }).click()
    await page.locator('#extract-result').waitFor({ state: 'hidden', timeout: 20_000 })
    assert.match((await page.locator('#extract-status').textContent()) ?? '', /^Could not analyse: request body over 1048576 bytes/)
    await page.getByLabel('Article text').fill('   ')
    await page.getByRole('button', { name: 'Analyse' }).click()
    assert.equal(await page.locator('#extract-status').textContent(), 'Paste some text first.')
    assert.ok(errors.every((e) => /status of 413/.test(e)), errors.join('\n'))
    await page.close()
  })

  test('stored markup is shown as text and never runs', async () => {
    const { page, dialogs } = await openPage()
    const hostile = FIXTURE_ARTICLES.find((a) => a.id === 'hostile')!
    await page.goto(`${server.url}/articles/${keys.get('hostile')}`)
    await assert.doesNotReject(page.getByText('<script>alert(1)</script>', { exact: false }).first().waitFor())
    assert.ok(await page.getByText('<img src=x onerror=alert(2)>', { exact: false }).first().isVisible())
    assert.equal(await page.locator('h1').textContent(), hostile.title)
    assert.equal(await page.locator('a[href^="javascript:"]').count(), 0, 'a javascript: URL is never a link')
    assert.equal(await page.locator('main img, main script, main i').count(), 0, 'no element made from stored markup')
    await shot(page, 'xss-article')
    for (const path of ['/', '/figures/captured/north-korea/troops', '/sources', '/articles', '/search?q=%3Cscript%3Ealert(1)%3C%2Fscript%3E']) {
      await page.goto(server.url + path)
      await page.waitForLoadState('load')
    }
    // The extract page renders pasted markup as text too.
    await page.goto(`${server.url}/extract`)
    await page.getByLabel('Article text').fill(hostile.text)
    await page.getByRole('button', { name: 'Analyse' }).click()
    await page.locator('#extract-result').waitFor({ state: 'visible' })
    assert.equal(await page.locator('#extract-text-out').textContent(), hostile.text)
    assert.equal(await page.locator('#extract-text-out img, #extract-text-out script').count(), 0)
    await page.waitForTimeout(200)
    assert.deepEqual(dialogs, [], 'no alert ran')
    await page.close()
  })

  test('search updates as you type, and keeps the permalink', async () => {
    const { page, dialogs, errors } = await openPage()
    await page.goto(`${server.url}/search`)
    await page.locator('#site-q').pressSequentially('Kursk', { delay: 20 })
    await page.waitForURL(/\/search\?q=Kursk$/)
    const articles = FIXTURE_ARTICLES.filter((a) => a.text.includes('Kursk') || a.title.includes('Kursk')).length
    await page.getByRole('heading', { name: `Articles (${articles})` }).waitFor()
    // Stored markup in a result is text here too.
    await page.locator('#site-q').fill('')
    await page.locator('#site-q').pressSequentially('ministry', { delay: 20 })
    await page.waitForURL(/q=ministry$/)
    await page.locator('#search-results').getByText('onmouseover=alert(3)', { exact: false }).first().waitFor()
    assert.equal(await page.locator('#search-results i, #search-results img, #search-results script').count(), 0)
    await shot(page, 'search-as-you-type')
    assert.deepEqual(dialogs, [])
    assert.deepEqual(errors, [])
    await page.close()
  })

  test('keyboard and phone: skip link first, chart points focusable, no sideways scroll', async () => {
    const { page } = await openPage(390, 844)
    await page.goto(`${server.url}/figures/${DEPLOYED}`)
    await page.keyboard.press('Tab')
    assert.equal(await page.evaluate(() => document.activeElement?.textContent), 'Skip to content')
    const firstPoint = page.locator('svg.timeline a').first()
    await firstPoint.focus()
    await Promise.all([page.waitForURL(/\/articles\//), page.keyboard.press('Enter')])
    await page.goto(`${server.url}/figures/${DEPLOYED}`)
    const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth)
    assert.ok(overflow <= 1, `page scrolls sideways by ${overflow}px on a phone`)
    await shot(page, 'figure-phone')
    await page.close()
  })

  test('phone: every table cell and status badge lies inside the 390 px viewport, no page scrolls sideways (session 12)', async () => {
    // A side-scrolling table hid the status and every later column off the screen's
    // right edge with no sign they were there: on a phone a table is read whole.
    const { page } = await openPage(390, 844)
    const paths = ['/', `/figures/${DEPLOYED}`, '/sources', '/sources/nis', '/articles', `/articles/${keys.get('nis-revision')}`, '/search?q=Kursk']
    for (const path of paths) {
      await page.goto(server.url + path)
      const found = await page.evaluate(() => {
        const width = document.documentElement.clientWidth
        const outside = [...document.querySelectorAll('main th, main td, main .status')]
          .filter((el) => { const r = el.getBoundingClientRect(); return r.left < -0.5 || r.right > width + 0.5 })
          .map((el) => `${el.tagName.toLowerCase()}.${el.className}: ${(el.textContent ?? '').trim().slice(0, 30)}`)
        return { outside, overflow: document.documentElement.scrollWidth - width, cells: document.querySelectorAll('main td').length }
      })
      assert.deepEqual(found.outside.slice(0, 5), [], `${path}: off the screen`)
      assert.ok(found.overflow <= 0, `${path}: the page scrolls sideways by ${found.overflow}px`)
      if (path === '/') assert.ok(found.cells > 0, 'the home page has its table')
      await shot(page, `phone${path.replace(/[^a-z]+/gi, '-')}`)
    }
    await page.close()
  })

  test('dates never break at their hyphens in narrow table columns', async () => {
    // 700 px: above the phone layout, where long titles squeeze the date columns.
    const { page } = await openPage(700, 900)
    for (const path of ['/articles', `/figures/${DEPLOYED}`, '/sources', '/']) {
      await page.goto(server.url + path)
      const broken = await page.evaluate(() => {
        const out: string[] = []
        const walker = document.createTreeWalker(document.querySelector('main') ?? document.body, NodeFilter.SHOW_TEXT)
        for (let n = walker.nextNode(); n !== null; n = walker.nextNode()) {
          const text = n.textContent ?? ''
          for (const m of text.matchAll(/\d{4}-\d{2}(-\d{2})?/g)) {
            const range = document.createRange()
            range.setStart(n, m.index ?? 0)
            range.setEnd(n, (m.index ?? 0) + m[0].length)
            const tops = new Set([...range.getClientRects()].map((r) => Math.round(r.top)))
            if (tops.size > 1) out.push(m[0])
          }
        }
        return out
      })
      assert.deepEqual(broken, [], `${path}: dates broken over two lines`)
    }
    await shot(page, 'articles-narrow')
    await page.close()
  })

  test('a source\'s page tells an "as of" date from the publication date, as the figure page does (session 13)', async () => {
    // The NIS's revised estimate is "as of January" (2025-01) in an article of 2025-02-10:
    // the source page showed "2025-01" alone, read as the day it was said.
    const { page } = await openPage()
    await page.goto(server.url + '/sources/nis')
    const row = page.locator('tr', { hasText: 'some 15,000' })
    const date = (await row.locator('td[data-label="Date"]').innerText()).replace(/\s+/g, ' ').trim()
    assert.equal(date, '2025-01 as of; published 2025-02-10')
    // A claim dated by its article alone shows that date with no note.
    const first = page.locator('tr', { hasText: 'about 12,000 North Korean troops' })
    assert.equal((await first.locator('td[data-label="Date"]').innerText()).trim(), '2024-10-18')
    await page.close()
  })

  test('a claim\'s figure link names the figure, on the article page and in search results (session 13)', async () => {
    // Every claim ended in a link reading "figure": a screen reader's list of links showed
    // "figure, figure, figure" with nothing to tell them apart.
    const { page } = await openPage()
    for (const path of [`/articles/${keys.get('nis-revision')}`, '/search?q=NIS']) {
      await page.goto(server.url + path)
      const links = await page.locator('ol.claims a[href^="/figures/"], ul.results a[href^="/figures/"]').evaluateAll((as) => as.map((a) => `${a.getAttribute('href')} ${a.textContent}`))
      assert.ok(links.length > 0, `${path}: claims link their figures`)
      assert.ok(links.some((l) => l === `/figures/${DEPLOYED} North Korea troops deployed`), `${path}: ${links.join('; ')}`)
      assert.ok(links.every((l) => !l.endsWith(' figure')), `${path}: a link reads just "figure": ${links.join('; ')}`)
    }
    await page.close()
  })

  test('the header\'s search box shows its whole placeholder on a desktop and on a phone (session 13)', async () => {
    // At 1280 px the box read "Search articles and clai": cut off, and it finds figures too.
    for (const width of [1280, 700, 390]) {
      const { page } = await openPage(width, 800)
      await page.goto(server.url + '/')
      // The placeholder typed in as the value: it fits when the box need not scroll.
      const fit = await page.locator('#site-q').evaluate((el) => {
        const input = el as HTMLInputElement
        input.value = input.placeholder
        return { placeholder: input.placeholder, text: input.scrollWidth, room: input.clientWidth }
      })
      assert.match(fit.placeholder, /figures/)
      assert.ok(fit.text <= fit.room, `${width}px: "${fit.placeholder}" needs ${fit.text}px, has ${fit.room}px`)
      assert.ok(await page.evaluate(() => document.documentElement.scrollWidth <= document.documentElement.clientWidth), `${width}px: no sideways scroll`)
      await page.close()
    }
  })

  test('the figure page\'s "Rename, merge or split" toggle and its select show the app\'s focus ring (session 13)', async () => {
    // Links, buttons and inputs had a 3 px red outline on keyboard focus; the <summary> and
    // the <select> kept the browser's thin one, easy to miss on the blue link colour.
    const { page } = await openPage()
    await page.goto(`${server.url}/figures/${DEPLOYED}`)
    const ring = async (selector: string): Promise<string> => page.evaluate((sel) => {
      const cs = getComputedStyle(document.activeElement as Element)
      return `${(document.activeElement as Element).matches(sel)} ${cs.outlineStyle} ${cs.outlineWidth} ${cs.outlineColor}`
    }, selector)
    await page.locator('summary').focus()
    await page.keyboard.press('Shift+Tab')
    await page.keyboard.press('Tab')
    assert.equal(await ring('summary'), 'true solid 3px rgb(179, 38, 30)')
    await page.keyboard.press('Enter')
    await page.locator('#rename-label').focus()
    await page.keyboard.press('Tab')
    await page.keyboard.press('Tab')
    assert.equal(await ring('#merge-into'), 'true solid 3px rgb(179, 38, 30)')
    await page.close()
  })
})

describe('edits and undo in chromium (session 13)', { skip: hasChromium ? false : `no chromium at ${CHROMIUM}` }, () => {
  // A server of its own, with a token, so that the page must ask for it, and so that the
  // edits made here do not reach the other tests' ledger.
  const TOKEN = 'web-undo-token'
  const CASUALTIES = 'casualties/north-korea/troops'
  let editStore: Store
  let edits: RunningServer
  before(async () => {
    editStore = openSqliteStore(join(dir, 'edits.db'))
    await seedFixture(editStore)
    edits = await startServer({ store: editStore, port: 0, token: TOKEN })
  })
  after(async () => {
    await edits?.close()
    await editStore?.close()
  })

  /** What the figure page shows: its heading and which claims its evidence table holds. */
  async function figureState(page: Page, id: string): Promise<{ h1: string; claims: string[] }> {
    await page.goto(`${edits.url}/figures/${id}`)
    return { h1: (await page.locator('h1').textContent()) ?? '', claims: (await page.locator('tr[data-claim]').evaluateAll((rows) => rows.map((r) => r.getAttribute('data-claim') ?? ''))).sort() }
  }

  test('rename from the figure page (asking for the token once), then Undo gives the label back', async () => {
    const { page, dialogs, errors } = await openPage()
    const start = await figureState(page, DEPLOYED)
    assert.equal(await page.locator('#edit-token-input').isVisible(), false, 'the token is asked for only when the server wants it')
    await page.locator('details.edit-figure summary').click()
    await page.locator('#rename-label').fill('Troops in Russia (checked)')
    await page.locator('#rename-form button').click()
    // No token yet: the server answers 401 and the page asks for it, then sends the edit again.
    await page.locator('#edit-token-input').waitFor({ state: 'visible' })
    assert.match((await page.locator('#edit-status').textContent()) ?? '', /needs its token/)
    await page.locator('#edit-token-input').fill(TOKEN)
    await Promise.all([page.waitForURL(`${edits.url}/figures/${DEPLOYED}`), page.locator('#edit-token button').click()])
    await page.locator('h1', { hasText: 'Troops in Russia (checked)' }).waitFor()
    assert.equal(await page.locator('#edit-token-input').isVisible(), false, 'the token is kept for the tab')
    const note = page.locator('.edit-note li', { hasText: 'renamed' })
    assert.match((await note.textContent()) ?? '', new RegExp(`renamed ${DEPLOYED} from "${start.h1}" to "Troops in Russia \\(checked\\)"`))
    await shot(page, 'edit-renamed')
    await Promise.all([page.waitForURL(/\?undone=\d+$/), note.locator('button.undo-edit').click()])
    assert.deepEqual(await page.locator('h1').textContent(), start.h1)
    assert.match((await page.locator('.edit-done').textContent()) ?? '', /^Undone: edit #\d+, renamed /)
    assert.equal(await page.locator('button.undo-edit').count(), 0, 'nothing left to undo on this figure')
    assert.deepEqual(await figureState(page, DEPLOYED), start)
    assert.deepEqual([dialogs, errors.filter((e) => !/status of 401/.test(e))], [[], []])
    await page.close()
  })

  test('merge from the figure page, Undo on the merged figure: both figures as before, the undone edit kept in the history', async () => {
    const { page, errors } = await openPage()
    await page.addInitScript((token) => sessionStorage.setItem('claimtrail-token', token), TOKEN)
    const casualties = await figureState(page, CASUALTIES)
    const deployed = await figureState(page, DEPLOYED)
    await page.goto(`${edits.url}/figures/${CASUALTIES}`)
    await page.locator('details.edit-figure summary').click()
    await page.locator('#merge-into').selectOption(DEPLOYED)
    await Promise.all([page.waitForURL(`${edits.url}/figures/${DEPLOYED}`), page.locator('#merge-form button').click()])
    assert.equal((await page.locator('tr[data-claim]').count()), casualties.claims.length + deployed.claims.length)
    const note = page.locator('.edit-note li', { hasText: `merged ${CASUALTIES}` })
    await Promise.all([page.waitForURL(`${edits.url}/figures/${CASUALTIES}?undone=*`), note.locator('button.undo-edit').click()])
    assert.deepEqual(await figureState(page, CASUALTIES), casualties)
    assert.deepEqual(await figureState(page, DEPLOYED), deployed)
    await page.goto(`${edits.url}/edits`)
    const rows = page.locator('table.edits tbody tr')
    assert.equal(await rows.count(), 2)
    assert.deepEqual((await page.locator('table.edits td[data-label="State"]').allTextContents()).map((t) => /^undone \d{4}-\d{2}-\d{2} \d{2}:\d{2} UTC$/.test(t)), [true, true])
    assert.equal(await page.locator('table.edits button.undo-edit').count(), 0)
    assert.match((await rows.first().textContent()) ?? '', new RegExp(`merged ${CASUALTIES}`))
    assert.deepEqual(errors, [])
    await page.close()
  })

  test('split from the figure page: the ticked estimates make a new figure; Undo there puts them back', async () => {
    const { page, errors } = await openPage()
    await page.addInitScript((token) => sessionStorage.setItem('claimtrail-token', token), TOKEN)
    const start = await figureState(page, DEPLOYED)
    await page.locator('details.edit-figure summary').click()
    await page.locator('#split-form button').click()
    assert.equal(await page.locator('#edit-status').textContent(), 'Tick the estimates to split off first.')
    const moved = start.claims.slice(0, 2)
    for (const key of moved) await page.locator(`#split-form input[value="${key}"]`).check()
    await page.locator('#split-label').fill('Two early estimates')
    await Promise.all([page.waitForURL(`${edits.url}/figures/${DEPLOYED}~2`), page.locator('#split-form button').click()])
    assert.equal(await page.locator('h1').textContent(), 'Two early estimates')
    assert.deepEqual((await page.locator('tr[data-claim]').evaluateAll((rows) => rows.map((r) => r.getAttribute('data-claim') ?? ''))).sort(), moved)
    const note = page.locator('.edit-note li', { hasText: 'split 2 claims' })
    await Promise.all([page.waitForURL(`${edits.url}/figures/${DEPLOYED}?undone=*`), note.locator('button.undo-edit').click()])
    assert.deepEqual(await figureState(page, DEPLOYED), start)
    assert.equal((await page.goto(`${edits.url}/figures/${DEPLOYED}~2`))?.status(), 404, 'the split-off figure is gone')
    assert.deepEqual(errors.filter((e) => !/status of 404/.test(e)), [])
    await page.close()
  })

  test('an Undo that another user got to first says so on the page, and a built-upon edit offers no button', async () => {
    const { page, dialogs, errors } = await openPage()
    await page.addInitScript((token) => sessionStorage.setItem('claimtrail-token', token), TOKEN)
    const api = (path: string, body: unknown) => fetch(edits.url + path, { method: 'POST', headers: { 'Content-Type': 'application/json', Authorization: `Bearer ${TOKEN}` }, body: JSON.stringify(body) }).then((r) => r.json() as Promise<any>)
    const merge = (await api('/api/figures/merge', { figure: CASUALTIES, into: DEPLOYED })).decision.id
    const rename = (await api(`/api/figures/${DEPLOYED}/rename`, { label: 'Everything' })).decision.id
    await page.goto(`${edits.url}/edits`)
    const mergeRow = page.locator(`tr[data-edit="${merge}"]`)
    assert.equal(await mergeRow.locator('button').count(), 0)
    assert.equal((await mergeRow.locator('td[data-label="Undo"]').textContent())?.trim(), `undo #${rename} first`)
    await api(`/api/edits/${rename}/undo`, {})
    await page.locator(`tr[data-edit="${rename}"] button.undo-edit`).click()
    await page.locator('#edit-status.error').waitFor()
    assert.match((await page.locator('#edit-status').textContent()) ?? '', new RegExp(`^edit #${rename} \\(renamed .*\\) was already undone at .* UTC; nothing to do$`))
    assert.equal(page.url(), `${edits.url}/edits`, 'the page stays, its message says why')
    await page.goto(`${edits.url}/edits`)
    await Promise.all([page.waitForURL(/\/edits\?undone=/), page.locator(`tr[data-edit="${merge}"] button.undo-edit`).click()])
    assert.match((await page.locator('.edit-done').textContent()) ?? '', new RegExp(`^Undone: edit #${merge}, merged `))
    assert.deepEqual([dialogs, errors.filter((e) => !/status of 409/.test(e))], [[], []])
    await page.close()
  })

  test('the edits page names each edit\'s figure by its label, linked to the figure (session 13)', async () => {
    // Its Figure column showed the figure's id ("deployed/north-korea/troops").
    const { page } = await openPage()
    const res = await fetch(`${edits.url}/api/figures/${DEPLOYED}/rename`, { method: 'POST', headers: { 'Content-Type': 'application/json', Authorization: `Bearer ${TOKEN}` }, body: JSON.stringify({ label: 'Troops sent to Kursk' }) })
    const id = ((await res.json()) as { decision: { id: number } }).decision.id
    await page.goto(`${edits.url}/edits`)
    const cell = page.locator(`tr[data-edit="${id}"] td[data-label="Figure"]`)
    assert.equal((await cell.textContent())?.trim(), 'Troops sent to Kursk')
    assert.equal(await cell.locator('a').getAttribute('href'), `/figures/${DEPLOYED}`)
    await page.close()
  })

  test('phone: the edit note, the forms and the history fit the 390 px viewport', async () => {
    const { page } = await openPage(390, 844)
    await fetch(`${edits.url}/api/figures/${DEPLOYED}/rename`, { method: 'POST', headers: { 'Content-Type': 'application/json', Authorization: `Bearer ${TOKEN}` }, body: JSON.stringify({ label: 'A long label for North Korean troops sent to the Kursk region of Russia' }) })
    for (const path of [`/figures/${DEPLOYED}`, '/edits']) {
      await page.goto(edits.url + path)
      if (path !== '/edits') await page.locator('details.edit-figure summary').click()
      const found = await page.evaluate(() => {
        const width = document.documentElement.clientWidth
        const outside = [...document.querySelectorAll('main th, main td, main .edit-note li, main button, main select, main input')]
          .filter((el) => { const r = el.getBoundingClientRect(); return r.width > 0 && (r.left < -0.5 || r.right > width + 0.5) })
          .map((el) => `${el.tagName.toLowerCase()}.${el.className}: ${(el.textContent ?? '').trim().slice(0, 30)}`)
        return { outside, overflow: document.documentElement.scrollWidth - width }
      })
      assert.deepEqual(found.outside.slice(0, 5), [], `${path}: off the screen`)
      assert.ok(found.overflow <= 0, `${path}: the page scrolls sideways by ${found.overflow}px`)
      await shot(page, `phone-edits${path.replace(/[^a-z]+/gi, '-')}`)
    }
    await page.close()
  })
})

describe('web app on the demo corpus, with real extraction', { skip: hasChromium ? false : `no chromium at ${CHROMIUM}` }, () => {
  let demoStore: Store
  let demo: RunningServer
  before(async () => {
    demoStore = openSqliteStore(join(dir, 'demo.db'))
    await ingest([DEMO], { store: demoStore, analyzer: () => createAnalyzer() })
    demo = await startServer({ store: demoStore, port: 0 })
  })
  after(async () => {
    await demo?.close()
    await demoStore?.close()
  })

  test('an "as of" date that is the publication date is not noted twice (session 13)', async () => {
    // The demo's first deployment claim is "as of" 2024-10-18 in an article of that day:
    // its cell read "2024-10-18 as of; published 2024-10-18".
    const { page } = await openPage()
    await page.goto(`${demo.url}/figures/${DEPLOYED}`)
    const dates = await page.locator('td[data-label="Date"]').evaluateAll((tds) => tds.map((td) => (td as HTMLElement).innerText.replace(/\s+/g, ' ').trim()))
    const doubled = dates.filter((d) => { const m = /^(\S+) as of; published (\S+)$/.exec(d); return m !== null && m[1] === m[2] })
    assert.deepEqual(doubled, [])
    assert.ok(dates.includes('2024-10-18'), 'the claim is still listed with its date')
    assert.ok(dates.some((d) => / as of; published /.test(d)), 'an as-of date that differs keeps its note')
    await page.close()
  })

  test('a source that already names its entity does not repeat it in brackets (session 13)', async () => {
    // Claims read "President Volodymyr Zelenskyy (Volodymyr Zelenskyy)"; a pronoun keeps its entity.
    const { page } = await openPage()
    await page.goto(`${demo.url}/search?q=${encodeURIComponent('Zelenskyy')}`)
    const items = await page.locator('#search-results section:last-child li').allTextContents()
    const sources = items.map((t) => t.replace(/\s+/g, ' '))
    assert.ok(sources.some((t) => /Zelenskyy/.test(t)), 'the search finds claims by Zelenskyy')
    assert.deepEqual(sources.filter((t) => /Volodymyr Zelenskyy \(Volodymyr Zelenskyy\)/i.test(t)), [])
    await page.close()
  })

  test('the busiest figure draws every claim, and a point leads to its quote', async () => {
    const { page, errors } = await openPage()
    const list = await (await fetch(`${demo.url}/api/figures`)).json() as { figures: { id: string }[] }
    assert.ok(list.figures.length > 0, 'the demo corpus yields figures')
    const id = list.figures[0].id
    const figure = await (await fetch(`${demo.url}/api/figures/${id}`)).json() as { timeline: { claimKey: string; text: string; articleKey: string }[] }
    await page.goto(`${demo.url}/`)
    await shot(page, 'demo-index')
    await page.locator(`tr[data-figure="${id}"] a`).first().click()
    await page.waitForURL(/\/figures\//)
    const drawn = await page.locator('svg.timeline [data-claim]').evaluateAll((els) => els.map((e) => e.getAttribute('data-claim')))
    assert.deepEqual([...drawn].sort(), figure.timeline.map((p) => p.claimKey).sort())
    await shot(page, 'demo-figure')
    const key = figure.timeline[0].claimKey
    await Promise.all([page.waitForURL(/\/articles\//), page.locator(`svg.timeline a:has([data-claim="${key}"])`).click()])
    const target = page.locator(':target')
    // The anchor starts the claimed quantity (other spans may cut it into several marks).
    const targetText = (await target.textContent()) ?? ''
    assert.ok(targetText.length > 0 && figure.timeline[0].text.startsWith(targetText), `target "${targetText}"`)
    assert.ok(await target.isVisible())
    assert.equal(await page.locator('.quote:has(:target)').count(), 1, 'its sentence is marked')
    await shot(page, 'demo-article-at-quote')
    assert.deepEqual(errors, [])
    await page.close()
  })

  test('17 sources stay distinguishable: no colour repeats, and a legend entry highlights its points', async () => {
    const { page, errors } = await openPage()
    const list = await (await fetch(`${demo.url}/api/figures`)).json() as { figures: { id: string; independentSources: number }[] }
    const busiest = [...list.figures].sort((a, b) => b.independentSources - a.independentSources)[0]
    assert.ok(busiest.independentSources > 12, `a figure with many sources (${busiest.independentSources})`)
    await page.goto(`${demo.url}/figures/${busiest.id}`)
    const entries = await page.locator('.legend-source').evaluateAll((els) => els.map((e) => ({
      origin: e.getAttribute('data-origin') ?? '', color: e.querySelector('rect')?.getAttribute('fill') ?? '',
    })))
    const pointOrigins = await page.locator('svg.timeline .point').evaluateAll((els) => els.map((e) => e.getAttribute('data-origin') ?? ''))
    assert.deepEqual(new Set(entries.map((e) => e.origin)), new Set(pointOrigins), 'one legend entry per source')
    // Each colour names one source; the sources beyond the palette share grey, and say so.
    const grey = entries.filter((e) => e.color === '#9E9E9E')
    const coloured = entries.filter((e) => e.color !== '#9E9E9E')
    assert.equal(new Set(coloured.map((e) => e.color)).size, coloured.length, JSON.stringify(coloured))
    assert.ok(grey.length > 0 && (await page.locator('.legend-others').isVisible()))
    // A marker has its legend entry's colour.
    for (const e of coloured) {
      const stroke = await page.locator('svg.timeline .point').filter({ has: page.locator('.marker') })
        .evaluateAll((els, origin) => els.filter((g) => g.getAttribute('data-origin') === origin).map((g) => g.querySelector('.marker')?.getAttribute('stroke')), e.origin)
      assert.deepEqual(new Set(stroke), new Set([e.color]), e.origin)
    }
    // Clicking a grey source's entry leaves only its points at full strength, until clicked again.
    const target = grey[0].origin
    const opacities = () => page.locator('svg.timeline .point').evaluateAll((els) =>
      els.map((g) => [g.getAttribute('data-origin'), Number(getComputedStyle(g).opacity)] as const))
    const button = page.locator('button.legend-source').nth(entries.findIndex((e) => e.origin === target))
    await button.click()
    await page.mouse.move(1, 1)
    assert.equal(await button.getAttribute('aria-pressed'), 'true')
    for (const [origin, opacity] of await opacities()) assert.ok(origin === target ? opacity === 1 : opacity < 0.5, `${origin}: ${opacity}`)
    await shot(page, 'demo-figure-highlight')
    await button.click()
    await page.mouse.move(1, 1)
    for (const [origin, opacity] of await opacities()) assert.equal(opacity, 1, origin ?? '')
    // The keyboard reaches the entries; focus highlights too.
    await page.locator('button.legend-source').first().focus()
    for (const [origin, opacity] of await opacities()) assert.ok(origin === entries[0].origin ? opacity === 1 : opacity < 0.5, `focus ${origin}: ${opacity}`)
    assert.deepEqual(errors, [])
    await page.close()
  })

  test('search: a claim carried by several articles is one line naming each article, typed or entered (ux14)', async () => {
    const { page, errors } = await openPage()
    // The demo has one NIS sentence ("between 15,000 and 18,000 … reinforcements") carried by three outlets.
    await page.goto(`${demo.url}/search?q=reinforcements`)
    const lines = page.locator('#search-results section:has(h2:text-matches("^Claims")) ul.results > li')
    assert.equal(await lines.count(), 1, 'one line for the three copies')
    const carried = lines.first().locator('.carried a')
    assert.equal(await carried.count(), 3)
    assert.match((await lines.first().locator('.carried').textContent()) ?? '', /^in 3 articles: /)
    for (const href of await carried.evaluateAll((as) => as.map((a) => a.getAttribute('href')))) assert.match(href ?? '', /^\/articles\/[^#]+#q-\d+$/)
    // No two claim lines read the same anywhere in a broad search.
    await page.goto(`${demo.url}/search?q=troops`)
    const texts = await page.locator('#search-results section:has(h2:text-matches("^Claims")) ul.results > li').evaluateAll((lis) => lis.map((li) => (li.textContent ?? '').replace(/\s+/g, ' ').replace(/ in (\d+ articles: )?.*$/, '')))
    assert.ok(texts.length > 10)
    assert.equal(new Set(texts).size, texts.length, `repeated lines: ${texts.filter((t, i) => texts.indexOf(t) !== i).join(' | ')}`)
    // Typed, the same lines (one rendering).
    const entered = await page.locator('#search-results').innerHTML()
    await page.goto(`${demo.url}/search`)
    await page.locator('#site-q').pressSequentially('troops', { delay: 20 })
    await page.waitForURL(/\/search\?q=troops$/)
    await page.locator('#search-results h2').first().waitFor()
    assert.equal(await page.locator('#search-results').innerHTML(), entered)
    assert.deepEqual(errors, [])
    await page.close()
  })

  test('phone (375 px): the timeline says it scrolls sideways, and Earlier/Later move it; a desktop shows no hint (ux14)', async () => {
    const list = await (await fetch(`${demo.url}/api/figures`)).json() as { figures: { id: string }[] }
    const id = list.figures[0].id
    const phone = await openPage(375, 812)
    const page = phone.page
    await page.goto(`${demo.url}/figures/${id}`)
    const scroller = page.locator('#chart-scroll')
    const width = await scroller.evaluate((el) => [el.scrollWidth, el.clientWidth])
    assert.ok(width[0] > width[1] + 50, `the chart is wider than its box on a phone (${width})`)
    const hint = page.locator('#chart-hint')
    assert.ok(await hint.isVisible(), 'the hint shows')
    assert.match((await hint.textContent()) ?? '', /wider than the screen: swipe it sideways for later dates/)
    const box = await hint.boundingBox()
    assert.ok(box !== null && box.x >= 0 && box.x + box.width <= 375, `the hint lies inside the viewport (${JSON.stringify(box)})`)
    assert.ok(await page.locator('.chart-frame.more-right').count() === 1, 'a fade marks the right edge')
    const earlier = page.getByRole('button', { name: '← Earlier' })
    const later = page.getByRole('button', { name: 'Later →' })
    assert.ok(await earlier.isDisabled(), 'nothing earlier at the start')
    await later.click()
    await page.waitForFunction(() => (document.getElementById('chart-scroll')?.scrollLeft ?? 0) > 100)
    await page.waitForFunction(() => !(document.querySelector('.chart-earlier') as HTMLButtonElement).disabled)
    assert.equal(await page.locator('.chart-frame.more-left').count(), 1)
    // Keyboard: the scroll box takes focus and the arrow keys move it.
    await scroller.evaluate((el) => { el.scrollLeft = 0 })
    await scroller.focus()
    await page.keyboard.press('ArrowRight')
    await page.waitForFunction(() => (document.getElementById('chart-scroll')?.scrollLeft ?? 0) > 0)
    assert.equal(await scroller.getAttribute('role'), 'region')
    assert.ok(((await scroller.getAttribute('aria-label')) ?? '').length > 0)
    const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth)
    assert.ok(overflow <= 1, `the page itself does not scroll sideways (${overflow}px)`)
    await shot(page, 'demo-figure-phone-chart-hint')
    assert.deepEqual(phone.errors, [])
    await page.close()
    const desk = await openPage(1280, 900)
    await desk.page.goto(`${demo.url}/figures/${id}`)
    assert.equal(await desk.page.locator('#chart-hint').isVisible(), false, 'no hint when the chart fits')
    await desk.page.close()
  })
})

describe('search, the unknown-figure page (ux14)', { skip: hasChromium ? false : `no chromium at ${CHROMIUM}` }, () => {
  test('search as you type shows exactly what the search page shows for the same words', async () => {
    const { page, errors } = await openPage()
    for (const q of ['Kursk', 'ministry', 'troops']) {
      await page.goto(`${server.url}/search?q=${encodeURIComponent(q)}`)
      const entered = { h1: await page.locator('main h1').innerHTML(), results: await page.locator('#search-results').innerHTML(), title: await page.title() }
      await page.goto(`${server.url}/search`)
      await page.locator('#site-q').pressSequentially(q, { delay: 20 })
      await page.waitForURL(new RegExp(`/search\\?q=${q}$`))
      await page.locator('#search-results h2').first().waitFor()
      assert.equal(await page.locator('main h1').innerHTML(), entered.h1, q)
      assert.equal(await page.locator('#search-results').innerHTML(), entered.results, q)
      assert.equal(await page.title(), entered.title, q)
    }
    // The status badge and the figure link (the typed results had plain text and no link).
    assert.ok(await page.locator('#search-results .status').count() > 0)
    assert.ok(await page.locator('#search-results a[href^="/figures/"]').count() > 0)
    assert.equal(await page.locator('#search-results script, #search-results img').count(), 0)
    assert.deepEqual(errors, [])
    await page.close()
  })

  test('an unknown figure offers figures with a like name and a search box holding its words', async () => {
    for (const [width, name] of [[1280, 'figure-404'], [375, 'figure-404-phone']] as const) {
      const { page } = await openPage(width, 800)
      const res = await page.goto(`${server.url}/figures/deployed/north-korea/troopz`)
      assert.equal(res?.status(), 404)
      assert.match((await page.locator('main').textContent()) ?? '', /No figure deployed\/north-korea\/troopz\. /)
      const first = page.locator('main ul.results li a').first()
      assert.equal(await first.getAttribute('href'), `/figures/${DEPLOYED}`, 'the likely figure comes first')
      const box = page.getByLabel('Search figures, articles and claims', { exact: true }).and(page.locator('#notfound-q'))
      assert.equal(await box.inputValue(), 'deployed north korea troopz')
      const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth)
      assert.ok(overflow <= 1, `no sideways scroll at ${width}px`)
      await shot(page, name)
      if (width === 1280) {
        await box.fill('Kursk')
        await Promise.all([page.waitForURL(/\/search\?q=Kursk$/), box.press('Enter')])
        await first.page().locator('h1', { hasText: 'Search' }).waitFor()
      }
      await page.close()
    }
  })

  test('the header marks the section a page is in (aria-current), and every 404 offers a search (ux14 walkthrough)', async () => {
    const { page } = await openPage()
    const cases: [string, string | null][] = [
      ['/', 'Figures'], [`/figures/${DEPLOYED}`, 'Figures'], ['/sources', 'Sources'], ['/sources/nis', 'Sources'],
      ['/articles', 'Articles'], [`/articles/${keys.get('nis-revision')}`, 'Articles'], ['/extract', 'Extract'], ['/edits', 'Edits'],
      ['/search?q=Kursk', null],
    ]
    for (const [path, current] of cases) {
      await page.goto(server.url + path)
      const marked = await page.locator('nav[aria-label="Main"] a[aria-current="page"]').allTextContents()
      assert.deepEqual(marked, current === null ? [] : [current], path)
    }
    const bold = await page.goto(server.url + '/sources').then(() => page.locator('nav a[aria-current="page"]').evaluate((a) => getComputedStyle(a).fontWeight))
    assert.equal(bold, '700', 'and it shows')
    for (const path of ['/articles/nope', '/sources/nope', '/no-such-page']) {
      const res = await page.goto(server.url + path)
      assert.equal(res?.status(), 404, path)
      const box = page.locator('main form[role="search"] input[name="q"]')
      assert.equal(await box.count(), 1, `${path} has a search box`)
      assert.equal(await page.locator('label[for="notfound-q"]').textContent(), 'Search figures, articles and claims')
      assert.equal(await page.locator('main a[href="/sources"]').count(), 1, path)
    }
    await page.close()
  })

  test('on a desktop the chart that fits is no extra tab stop (ux14 walkthrough)', async () => {
    const { page } = await openPage(1280, 900)
    await page.goto(`${server.url}/figures/${DEPLOYED}`)
    await page.locator('#chart-hint').waitFor({ state: 'hidden' })
    assert.equal(await page.locator('#chart-scroll').getAttribute('tabindex'), null)
    await page.setViewportSize({ width: 375, height: 800 })
    await page.waitForFunction(() => document.getElementById('chart-scroll')?.getAttribute('tabindex') === '0')
    assert.ok(await page.locator('#chart-hint').isVisible())
    await page.close()
  })

  test('a highlight says what it marks in its title, not by colour alone, on the article and extract pages (ux14 walkthrough)', async () => {
    const { page } = await openPage()
    await page.goto(`${server.url}/articles/${keys.get('nis-revision')}`)
    const titles = new Set(await page.locator('.article-text mark').evaluateAll((ms) => ms.map((m) => m.getAttribute('title'))))
    assert.ok(titles.has('source') && titles.has('cue'), [...titles].join(' | '))
    assert.ok([...titles].some((t) => /claimed figure/.test(t ?? '')), [...titles].join(' | '))
    assert.ok(![...titles].includes(null))
    await page.goto(`${server.url}/extract`)
    await page.fill('#extract-text', SEED)
    await page.click('#extract-run')
    await page.locator('#extract-text-out mark').first().waitFor()
    const extracted = await page.locator('#extract-text-out mark').evaluateAll((ms) => ms.map((m) => m.getAttribute('title')))
    assert.ok(extracted.length > 0 && extracted.every((t) => t !== null && t !== ''))
    assert.ok(extracted.some((t) => /claimed figure/.test(t ?? '')))
    await page.close()
  })

  test('a highlight\'s kind is its accessible description (aria-describedby to the legend), not only a tooltip, and the text is unchanged (ux14b)', async () => {
    const { page, errors } = await openPage()
    // What Chromium gives assistive technology: the accessibility tree's description of each mark.
    const cdp = await page.context().newCDPSession(page)
    const descriptions = async (selector: string): Promise<string[]> => {
      await cdp.send('DOM.enable')
      await cdp.send('Accessibility.enable')
      const { root } = await cdp.send('DOM.getDocument', { depth: -1 })
      const { nodeIds } = await cdp.send('DOM.querySelectorAll', { nodeId: root.nodeId, selector })
      const out: string[] = []
      for (const nodeId of nodeIds) {
        const { nodes } = await cdp.send('Accessibility.getPartialAXTree', { nodeId, fetchRelatives: false })
        out.push(String(nodes[0]?.description?.value ?? ''))
      }
      return out
    }
    const key = keys.get('nis-revision')!
    await page.goto(`${server.url}/articles/${key}`)
    const text = FIXTURE_ARTICLES.find((a) => a.id === 'nis-revision')!.text
    // No words are added to the text: what a reader copies is the article's text.
    assert.equal(((await page.locator('.article-text').textContent()) ?? '').trim(), text.trim())
    const titles = await page.locator('.article-text mark').evaluateAll((ms) => ms.map((m) => m.getAttribute('title') ?? ''))
    // Without the tooltips (Chromium falls back on a title for the description; many screen readers do not read it).
    const untitle = (selector: string): Promise<void> => page.locator(selector).evaluateAll((ms) => { for (const m of ms) m.removeAttribute('title') })
    await untitle('.article-text mark')
    const described = await descriptions('.article-text mark')
    assert.ok(described.length > 0)
    // Each description reads as the title does: the legend's words, in the same order, with
    // commas between (rev15: "claimed figure, quantity", not "claimed figure quantity").
    assert.deepEqual(described, titles)
    assert.ok(described.some((d) => /^claimed figure, \w/.test(d)), described.join(' | '))
    assert.ok(described.includes('source') && described.includes('cue'), described.join(' | '))
    assert.ok(described.some((d) => /claimed figure/.test(d)), described.join(' | '))
    await page.goto(`${server.url}/extract`)
    await page.fill('#extract-text', SEED)
    await page.click('#extract-run')
    await page.locator('#extract-text-out mark').first().waitFor()
    const extractedTitles = await page.locator('#extract-text-out mark').evaluateAll((ms) => ms.map((m) => m.getAttribute('title') ?? ''))
    await untitle('#extract-text-out mark')
    const extracted = await descriptions('#extract-text-out mark')
    assert.ok(extracted.length > 0 && extracted.every((d) => d !== ''), extracted.join(' | '))
    assert.deepEqual(extracted, extractedTitles)
    assert.ok(extracted.some((d) => /^claimed figure, \w/.test(d)), extracted.join(' | '))
    assert.ok(extracted.some((d) => /claimed figure/.test(d)))
    assert.deepEqual(errors, [])
    await page.close()
  })

  test('the figure list filters as you type, on a desktop and on a phone, and leads on to search when nothing matches (ux14 walkthrough)', async () => {
    const all = (await (await fetch(`${server.url}/api/figures`)).json() as { figures: { id: string; label: string }[] }).figures
    const word = 'killed'
    const expected = all.filter((f) => `${f.label} ${f.id}`.toLowerCase().includes(word)).map((f) => f.id).sort()
    assert.ok(expected.length > 0 && expected.length < all.length, 'the fixture has some figures with the word and some without')
    for (const width of [1280, 375]) {
      const { page, errors } = await openPage(width, 900)
      await page.goto(`${server.url}/`)
      const box = page.getByLabel('Show only figures whose name or id contains')
      await box.fill(word.toUpperCase())
      const visible = async (): Promise<string[]> => (await page.locator('table.figures tbody tr:visible').evaluateAll((rs) => rs.map((r) => r.getAttribute('data-figure') ?? ''))).sort()
      assert.deepEqual(await visible(), expected, `${width}px`)
      assert.equal(await page.locator('#figure-filter-count').textContent(), `${expected.length} of ${all.length} shown`)
      await box.fill('zzqx')
      assert.deepEqual(await visible(), [])
      const none = page.locator('#figure-filter-none')
      assert.match((await none.textContent()) ?? '', /No figure's name or id contains “zzqx”; search the articles and claims for it\./)
      assert.equal(await none.locator('a').getAttribute('href'), '/search?q=zzqx')
      await box.press('Escape')
      assert.equal((await visible()).length, all.length, 'Escape clears the filter')
      assert.ok(await none.isHidden())
      if (width === 375) await shot(page, 'figures-filter-phone')
      assert.deepEqual(errors, [])
      await page.close()
    }
  })
})
