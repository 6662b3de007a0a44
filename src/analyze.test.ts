import { test } from 'node:test'
import assert from 'node:assert/strict'
import { createAnalyzer } from './analyze.ts'
import { toJsonDocument } from './format/json.ts'

const TEXTS = [
  'About 4,000 soldiers have been killed or injured, according to Western officials.',
  'Это короткая заметка без единого английского слова, и так до самого конца.',
  '"We sent another 2,500 troops last week," the minister told reporters on Tuesday.',
  'Police said at least 12 people were arrested. The mayor\'s office declined to comment.',
]

test('analyzeMany gives, in order, the documents analyze gives one by one, an unsupported language among them', () => {
  const analyzer = createAnalyzer()
  const batch = analyzer.analyzeMany(TEXTS.map((text, i) => ({ text, meta: { id: `d${i}`, published: '2025-08-22' } })))
  const one = TEXTS.map((text, i) => analyzer.analyze(text, { id: `d${i}`, published: '2025-08-22' }))
  assert.equal(batch.length, TEXTS.length)
  batch.forEach((o, i) => {
    assert.ok(o.ok)
    assert.deepEqual(toJsonDocument(o.doc), toJsonDocument(one[i]))
    assert.deepEqual(o.doc.warnings, one[i].warnings)
  })
  const ru = batch[1]
  assert.ok(ru.ok && !ru.doc.get('language').isSupported && ru.doc.get('claims').length === 0 && ru.doc.warnings.length === 1)
  const en = batch[0]
  assert.ok(en.ok && en.doc.get('claims').length > 0)
})
