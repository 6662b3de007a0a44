import { test } from 'node:test'
import assert from 'node:assert/strict'
import { readFileSync } from 'node:fs'
import { createAnalyzer } from '../../analyze.ts'
import { Doc } from '../../model/doc.ts'
import { createPipeline } from '../../pipeline/pipeline.ts'
import { entitiesStage, loadGazetteer } from '../entities/entities.ts'
import { timesStage } from '../times/times.ts'
import { loadWink, tokensStage } from '../tokens/tokens.ts'

// The reference article of DESIGN.md, published 2025-08-22; the expectations are those of
// the foundation issue (2) and the figures issue (4).
const SEED = readFileSync(new URL('./fixtures/kcna-memorial.txt', import.meta.url), 'utf8')

let analysed: Doc | null = null
function seed(): Doc {
  analysed ??= createAnalyzer().analyze(SEED, { id: 'seed', published: '2025-08-22' })
  return analysed
}

/** Claims with their quantity and spans read back as text. */
function claims(doc: Doc) {
  const qs = doc.get('quantities')
  return doc.get('claims').map((c) => ({
    ...c, q: qs[c.quantity], quantityText: doc.slice(qs[c.quantity]),
    sourceText: c.source && doc.slice(c.source), cueText: c.cue && doc.slice(c.cue),
  }))
}

test('seed: entities and times (issue 4)', () => {
  const pipeline = createPipeline([tokensStage(loadWink()), entitiesStage(loadGazetteer()), timesStage()])
  const doc = pipeline.run(Doc.create(SEED, { id: 'seed', published: '2025-08-22' }))
  const kim = doc.get('entities').find((e) => doc.slice(e) === 'Kim Jong')
  assert.equal(kim?.canonical, 'Kim Jong Un')
  assert.ok(doc.get('entities').some((e) => doc.slice(e) === 'KCNA' && e.canonical === 'Korean Central News Agency'))
  const fall = doc.get('times').find((t) => doc.slice(t).includes('fall of 2024'))
  assert.equal(fall?.value, '2024')
})

test('seed: the claims of the foundation issue come out end to end', () => {
  const doc = seed()
  const all = claims(doc)
  const troops = all.find((c) => c.q.amount.kind === 'point' && c.q.amount.value === 12000)
  assert.ok(troops, 'a claim of 12,000')
  assert.equal(troops.q.isApprox, true)
  assert.equal(troops.counted.category, 'deployed')
  assert.equal(troops.subject, 'North Korea')
  assert.match(troops.sourceText ?? '', /Ukrainian and US intelligence agency/)

  const hurt = all.find((c) => c.q.amount.kind === 'point' && c.q.amount.value === 4000)
  assert.ok(hurt, 'a claim of 4,000')
  assert.equal(hurt.q.isApprox, true)
  assert.equal(hurt.counted.category, 'casualties')
  assert.equal(hurt.sourceText, 'Western officials')
  assert.equal(hurt.cueText, 'according to')
  assert.equal(hurt.sourceEntity, null)

  const planned = all.find((c) => c.q.amount.kind === 'range' && c.q.amount.low === 25000 && c.q.amount.high === 30000)
  assert.ok(planned, 'a planned range 25,000-30,000')
  assert.equal(planned.isPlanned, true)

  const personnel = all.find((c) => c.q.amount.kind === 'point' && c.q.amount.value === 1_200_000)
  assert.ok(personnel, 'a claim of 1.2 million')
  assert.equal(personnel.source, null)

  // "one of the most", "the age of 17" and "1953" are not figures.
  for (const c of all) assert.ok(![1, 17, 1953].includes(c.q.amount.kind === 'point' ? c.q.amount.value : -1), c.quantityText)
  // Each figure once.
  assert.equal(all.filter((c) => c.q.amount.kind === 'point' && c.q.amount.value === 12000).length, 1)
})

test('seed: an attribution whose source is KCNA with the cue "According to" (issue 2)', () => {
  const doc = seed()
  const kcna = doc.get('attributions').find((a) =>
    a.source.some((f) => doc.slice(f).includes('KCNA')) && a.cue.some((f) => doc.slice(f) === 'According to'))
  assert.ok(kcna, 'an attribution to KCNA with cue "According to"')
})
