import { test } from 'node:test'
import assert from 'node:assert/strict'
import { createAnalyzer } from '../analyze.ts'
import { toJsonDocument } from './json.ts'

const analyzer = createAnalyzer()

test('source.entity names what the source refers to, and is null where it would only repeat the source, as claims[].sourceEntity is', () => {
  const text = 'About 4,000 soldiers have been killed or injured, according to Western officials. ' +
    'North Korean leader Kim Jong Un spoke on Thursday. Kim said 300 more troops would arrive. ' +
    'The Ukrainian and US intelligence agency said 12,000 troops were in Russia.'
  const json = toJsonDocument(analyzer.analyze(text, { id: 'entity' }))
  const entityOf = (source: string) => {
    const a = json.attributions.find((x) => x.source?.text === source)
    assert.ok(a !== undefined, `no attribution with source ${source}: ${JSON.stringify(json.attributions.map((x) => x.source?.text))}`)
    return a.source!.entity
  }
  assert.equal(entityOf('Western officials'), null)
  assert.equal(entityOf('The Ukrainian and US intelligence agency'), null)
  // a bare surname names the person written in full before it
  assert.equal(entityOf('Kim'), 'Kim Jong Un')
  for (const c of json.claims) {
    const a = json.attributions.find((x) => x.id === c.attribution)
    if (a?.source != null && c.source === a.source.text) assert.equal(a.source.entity, c.sourceEntity, c.source)
  }
})
