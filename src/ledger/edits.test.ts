import assert from 'node:assert/strict'
import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { after, describe, test } from 'node:test'
import { fixtureInput, seedFixture } from '../api/test-fixture.ts'
import { isClaimtrailError } from '../model/errors.ts'
import type { Decision } from '../reconcile/figures.ts'
import { openSqliteStore } from '../store/sqlite/sqlite.ts'
import type { Store } from '../store/store.ts'
import { laterDependents, loadEdits, recordEdit, undoEdit, type Edit } from './edits.ts'
import { loadView } from './view.ts'
import { withPostgresSchemas } from '../store/postgres/test-schemas.ts'

const HINT = { listHint: "'claimtrail figure history'" }
const DEPLOYED = 'deployed/north-korea/troops'
const CASUALTIES = 'casualties/north-korea/troops'

/** What a user sees of the figures: ids, labels, aliases, and which claims each holds. */
async function snapshot(store: Store): Promise<unknown> {
  const view = await loadView(store)
  return view.figures.map((f) => ({ id: f.id, label: f.label, aliases: [...f.aliases].sort(), claims: f.points.map((p) => p.claimKey).sort() }))
    .sort((a, b) => a.id.localeCompare(b.id))
}

async function edit(store: Store, d: Decision): Promise<number> {
  return (await recordEdit(store, (await loadView(store)).figures, d)).id
}

const NEW_CASUALTIES = {
  id: 'late-casualties', title: 'More losses', outlet: 'Kyiv Wire', published: '2025-03-15', url: 'https://kyiv-wire.test/late',
  text: 'Some 4,500 North Korean soldiers have been killed or wounded, Ukrainian officials said.',
  claims: [{ quantity: 'Some 4,500', value: 4500, approx: true, category: 'casualties', counted: 'North Korean soldiers have been killed or wounded', subject: 'North Korea', source: 'Ukrainian officials', cue: 'said', content: 'Some 4,500 North Korean soldiers have been killed or wounded' }],
}

function undoCases(backend: string, open: () => Promise<Store>): void {
  describe(`undoing edits: ${backend}`, () => {
    test('undoing in reverse order restores ids, labels and claims exactly, and the undo survives re-ingest and re-extraction', async () => {
      const store = await open()
      try {
        await seedFixture(store)
        const start = await snapshot(store)
        const view = await loadView(store)
        const deployed = view.figures.find((f) => f.id === DEPLOYED)
        assert.ok(deployed)
        const rename = await edit(store, { kind: 'rename', figure: DEPLOYED, label: 'Sent to Russia' })
        const split = await edit(store, { kind: 'split', figure: DEPLOYED, claimKeys: [deployed.points[0].claimKey], newFigure: `${DEPLOYED}~2`, label: null })
        const merge = await edit(store, { kind: 'merge', figure: CASUALTIES, into: DEPLOYED })
        const edited = await snapshot(store)
        assert.notDeepEqual(edited, start)

        // Most recent first by default.
        assert.equal((await undoEdit(store, undefined, HINT)).id, merge)
        // The same articles again (duplicates) and a re-extraction that finds the same claims change nothing.
        for (const a of (await store.articles())) {
          const full = await store.article(a.key)
          assert.ok(full)
          assert.equal((await store.putArticle({ ...a, text: full.text, analysis: full.analysis, claims: [] })).status, 'duplicate')
          const claims = (await store.claims({ articleKey: a.key })).map(({ articleKey: _k, outlet: _o, url: _u, title: _t, published: _p, ...row }) => row)
          await store.replaceAnalysis(a.key, full.analysis, claims, 'again')
        }
        assert.deepEqual((await snapshot(store) as { id: string }[]).some((f) => f.id === CASUALTIES), true, 'the merged-away figure is back')
        assert.equal((await undoEdit(store, split, HINT)).id, split)
        assert.equal((await undoEdit(store, rename, HINT)).id, rename)
        assert.deepEqual(await snapshot(store), start)

        // Every edit is kept, marked undone, oldest first.
        const edits = await loadEdits(store)
        assert.deepEqual(edits.map((e) => [e.id, e.decision.kind, e.undoneAt !== null]), [[rename, 'rename', true], [split, 'split', true], [merge, 'merge', true]])
        assert.deepEqual(edits[0].before, [{ id: DEPLOYED, label: deployed.label, points: deployed.points.length }])
        const nothing = await undoEdit(store, undefined, HINT).catch((e: unknown) => e)
        assert.ok(isClaimtrailError(nothing, 'NOT_FOUND'))
        assert.match(nothing.message, /^nothing to undo: no merge, split or rename applies; 'claimtrail figure history' lists the edits$/)
      } finally {
        await store.close()
      }
    })

    test('a claim ingested while a merge applied follows the figures when the merge is undone', async () => {
      const store = await open()
      try {
        await seedFixture(store)
        const merge = await edit(store, { kind: 'merge', figure: CASUALTIES, into: DEPLOYED })
        await store.putArticle(fixtureInput(NEW_CASUALTIES))
        const merged = (await loadView(store)).figures
        assert.ok(!merged.some((f) => f.id === CASUALTIES), 'the new casualty claim joined the merged figure')
        await undoEdit(store, merge, HINT)
        const figures = (await loadView(store)).figures
        const casualties = figures.find((f) => f.id === CASUALTIES)
        assert.ok(casualties)
        assert.ok(casualties.points.some((p) => p.value === 4500), 'the late claim is in its own figure, as if never merged')
        assert.ok(!(figures.find((f) => f.id === DEPLOYED)?.points ?? []).some((p) => p.value === 4500))
      } finally {
        await store.close()
      }
    })

    test('refusals change nothing: unknown id, twice, and an edit built upon', async () => {
      const store = await open()
      try {
        await seedFixture(store)
        const merge = await edit(store, { kind: 'merge', figure: CASUALTIES, into: DEPLOYED })
        const rename = await edit(store, { kind: 'rename', figure: DEPLOYED, label: 'All of it' })
        const before = await snapshot(store)
        const blocked = await undoEdit(store, merge, HINT).catch((e: unknown) => e)
        assert.ok(isClaimtrailError(blocked, 'CONFLICT'))
        assert.equal(blocked.message, `edit #${merge} (merged ${CASUALTIES} into ${DEPLOYED}) cannot be undone while a later edit builds on it: undo #${rename} (renamed ${DEPLOYED} to "All of it") first`)
        const unknown = await undoEdit(store, 4242, HINT).catch((e: unknown) => e)
        assert.ok(isClaimtrailError(unknown, 'NOT_FOUND'))
        assert.deepEqual(await snapshot(store), before)
        assert.equal((await store.counts()).undone, 0)
        await undoEdit(store, rename, HINT)
        const twice = await undoEdit(store, rename, HINT).catch((e: unknown) => e)
        assert.ok(isClaimtrailError(twice, 'CONFLICT'))
        assert.match(twice.message, /^edit #\d+ \(renamed .* to "All of it"\) was already undone at .* UTC; nothing to do$/)
        assert.deepEqual((await store.counts()), { articles: (await store.articles()).length, claims: (await store.claims()).length, decisions: 2, undone: 1 })
      } finally {
        await store.close()
      }
    })

    test('two undos of one edit at once: one wins, the other is told', async () => {
      const store = await open()
      try {
        await seedFixture(store)
        const rename = await edit(store, { kind: 'rename', figure: DEPLOYED, label: 'Raced' })
        const results = await Promise.allSettled([undoEdit(store, rename, HINT), undoEdit(store, rename, HINT)])
        assert.deepEqual(results.map((r) => r.status).sort(), ['fulfilled', 'rejected'])
        const lost = results.find((r) => r.status === 'rejected') as PromiseRejectedResult
        assert.ok(isClaimtrailError(lost.reason, 'CONFLICT'), String(lost.reason))
        assert.equal((await store.counts()).undone, 1)
      } finally {
        await store.close()
      }
    })
  })
}

describe('which later edits stand in the way of an undo', () => {
  let n = 0
  const e = (d: Decision, undone = false): Edit => ({ id: ++n, decision: d, createdAt: '2026-01-01T00:00:00Z', undoneAt: undone ? '2026-01-02T00:00:00Z' : null, before: null })
  const merge = (figure: string, into: string): Decision => ({ kind: 'merge', figure, into })
  const rename = (figure: string, label = 'x'): Decision => ({ kind: 'rename', figure, label })
  const split = (figure: string, keys: string[], newFigure: string): Decision => ({ kind: 'split', figure, claimKeys: keys, newFigure, label: null })
  const blockers = (edits: Edit[], index: number): number[] => laterDependents(edits, edits[index].id).map((x) => edits.indexOf(x))

  const cases: Array<[string, Edit[], number, number[]]> = [
    ['a rename of the figure merged into', [e(merge('a', 'b')), e(rename('b'))], 0, [1]],
    ['a merge of the figure merged into', [e(merge('a', 'b')), e(merge('b', 'c'))], 0, [1]],
    ['a merge of a split-off figure', [e(split('a', ['k1'], 'a~2')), e(merge('a~2', 'c'))], 0, [1]],
    ['a split of a claim split before', [e(split('a', ['k1', 'k2'], 'a~2')), e(split('a~2', ['k2'], 'a~3'))], 0, [1]],
    ['edits of other figures', [e(split('a', ['k1'], 'a~2')), e(split('b', ['k2'], 'b~2')), e(rename('c')), e(merge('d', 'e'))], 0, []],
    ['a later edit that builds on a dependent, through a merge', [e(merge('a', 'b')), e(rename('c')), e(merge('b', 'c')), e(rename('c', 'y'))], 0, [2, 3]],
    ['a rename of a figure a merged-away id resolves to', [e(merge('a', 'b')), e(rename('z')), e(rename('a'))], 0, [2]],
    ['an undone later edit', [e(merge('a', 'b')), e(rename('b'), true)], 0, []],
    ['earlier edits', [e(rename('b')), e(merge('a', 'b'))], 1, []],
  ]
  for (const [what, edits, index, expected] of cases) {
    test(what, () => assert.deepEqual(blockers(edits, index), expected))
  }
})

const dir = mkdtempSync(join(tmpdir(), 'claimtrail-edits-'))
after(() => rmSync(dir, { recursive: true, force: true }))
let files = 0
undoCases('sqlite', async () => openSqliteStore(join(dir, `ledger-${++files}.db`)))

withPostgresSchemas('undoing edits', 'ct_edits', (open) => undoCases('postgres', open))
