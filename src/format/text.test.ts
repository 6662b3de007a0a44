import { test } from 'node:test'
import assert from 'node:assert/strict'
import { createAnalyzer } from '../analyze.ts'
import { toJsonDocument } from './json.ts'
import { formatTextReport } from './text.ts'

const analyzer = createAnalyzer()

test('the text report quotes whole sentences of hard-wrapped text on one line', () => {
  const text = 'Russian forces have lost about 600 soldiers in the past\nday, the General Staff said on Monday, adding that 40\ndrones were shot down overnight.\n\nThe ministry said 12 people\nwere killed.\n'
  const report = formatTextReport(toJsonDocument(analyzer.analyze(text, { id: 'wrapped' })))
  assert.ok(report.includes('quote:  "The ministry said 12 people were killed."'), report)
  assert.ok(report.includes('"Russian forces have lost about 600 soldiers in the past day, the General Staff said on Monday'), report)
  // every line of the report is one item: no quoted span breaks a line
  for (const line of report.split('\n')) assert.ok((line.match(/"/g) ?? []).length % 2 === 0, line)
})

test('the text report quotes a sentence whole across decimal points and abbreviations', () => {
  const text = 'Officials counted the damage. Around 1.9 million people have fled, a senior U.S. official said on Monday. Aid followed.'
  const report = formatTextReport(toJsonDocument(analyzer.analyze(text, { id: 'stops' })))
  assert.ok(report.includes('quote:  "Around 1.9 million people have fled, a senior U.S. official said on Monday."'), report)
})
