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
