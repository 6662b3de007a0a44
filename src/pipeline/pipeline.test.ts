import { test } from 'node:test'
import assert from 'node:assert/strict'
import { Doc } from '../model/doc.ts'
import { isClaimtrailError } from '../model/errors.ts'
import { createPipeline } from './pipeline.ts'
import { defineStage } from './stage.ts'

const quantities = defineStage({
  name: 'quantities', requires: [], assigns: ['quantities'],
  run: (doc) => doc.withLayer('quantities', []),
})
const claims = defineStage({
  name: 'claims', requires: ['quantities'], assigns: ['claims'],
  run: (doc) => doc.withLayer('claims', []),
})

test('runs stages in order; each adds its layers and leaves the input Doc untouched', () => {
  const doc = Doc.create('text', { id: 'd1' })
  const out = createPipeline([quantities, claims]).run(doc)
  assert.ok(out.has('quantities') && out.has('claims'))
  assert.ok(!doc.has('quantities'))
})

test('a stage whose requirement no earlier stage assigns is refused at start-up, by name', () => {
  assert.throws(() => createPipeline([claims, quantities]), (e) =>
    isClaimtrailError(e, 'PIPELINE') && /"claims" requires layer "quantities"/.test(e.message))
})

test('two stages assigning one layer are refused', () => {
  assert.throws(() => createPipeline([quantities, quantities]), /both assign layer "quantities"/)
})

test('a failing stage is reported with the stage and the document', () => {
  const broken = defineStage({
    name: 'broken', requires: [], assigns: ['times'],
    run: () => { throw new Error('boom') },
  })
  assert.throws(() => createPipeline([broken]).run(Doc.create('x', { id: 'doc-7' })),
    (e) => isClaimtrailError(e, 'PIPELINE') && /"broken" failed on document "doc-7": boom/.test(e.message))
})

test('a stage that does not assign what it declares is caught', () => {
  const lazy = defineStage({ name: 'lazy', requires: [], assigns: ['times'], run: (doc) => doc })
  assert.throws(() => createPipeline([lazy]).run(Doc.create('x', { id: 'd' })), /did not assign layer "times"/)
})

test('runMany runs each stage over the whole batch before the next, with the Docs run gives', () => {
  const order: string[] = []
  const first = defineStage({
    name: 'first', requires: [], assigns: ['quantities'],
    run: (doc) => { order.push(`first ${doc.id}`); return doc.withLayer('quantities', []) },
  })
  const second = defineStage({
    name: 'second', requires: ['quantities'], assigns: ['claims'],
    run: (doc) => { order.push(`second ${doc.id}`); return doc.withLayer('claims', []) },
  })
  const pipeline = createPipeline([first, second])
  const docs = ['a', 'b', 'c'].map((id) => Doc.create(`text ${id}`, { id }))
  const out = pipeline.runMany(docs)
  assert.deepEqual(order, ['first a', 'first b', 'first c', 'second a', 'second b', 'second c'])
  assert.deepEqual(out.map((o) => o.ok && o.doc.id), ['a', 'b', 'c'])
  assert.ok(out.every((o) => o.ok && o.doc.has('quantities') && o.doc.has('claims')))
})

test('runMany gives a failing document its error, as run throws it, and goes on with the others', () => {
  const picky = defineStage({
    name: 'picky', requires: [], assigns: ['quantities'],
    run: (doc) => { if (doc.id === 'bad') throw new Error('boom'); return doc.withLayer('quantities', []) },
  })
  const after: string[] = []
  const next = defineStage({
    name: 'next', requires: ['quantities'], assigns: ['claims'],
    run: (doc) => { after.push(doc.id); return doc.withLayer('claims', []) },
  })
  const out = createPipeline([picky, next]).runMany(['ok1', 'bad', 'ok2'].map((id) => Doc.create('x', { id })))
  assert.deepEqual(out.map((o) => o.ok), [true, false, true])
  const failed = out[1]
  assert.ok(!failed.ok && isClaimtrailError(failed.error, 'PIPELINE') && /"picky" failed on document "bad": boom/.test(failed.error.message))
  assert.deepEqual(after, ['ok1', 'ok2'])
})
