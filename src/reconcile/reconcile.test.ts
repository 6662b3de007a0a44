import assert from 'node:assert/strict'
import { describe, test } from 'node:test'
import { canonicalSource, countedHead, isNamedSource } from './canonical.ts'
import { buildFigures, estimatesAgree, latestPoint, naturalFigureId, pointDay, type Decision, type FigureClaim } from './figures.ts'
import { estimateJaccard, groupNearDuplicates, minhash } from './independence.ts'

let seq = 0
/** A hand-built claim; each test states what matters for it. */
function claim(over: Partial<FigureClaim> & { articleKey: string }): FigureClaim {
  seq++
  return {
    key: `${over.articleKey}:${seq}`, category: 'deployed', countedText: 'troops', subject: 'North Korea',
    planned: false, additional: false, value: 12000, low: null, high: null, approx: false, bound: null, vague: false, unit: null,
    quantityText: '12,000', source: null, sourceEntity: null, cue: null, asOf: null, quote: 'q',
    outlet: `Outlet ${over.articleKey}`, url: null, title: null, published: '2024-12-01', ...over,
  }
}

describe('counted heads and sources', () => {
  const cases: [string, string, string][] = [
    ['North Korean soldiers', 'deployed', 'troops'],
    ['troops', 'deployed', 'troops'],
    ['military personnel', 'deployed', 'troops'],
    ['soldiers have been killed or injured', 'casualties', 'troops'],
    ['casualties', 'casualties', 'troops'],
    ['artillery shells', 'munitions', 'shells'],
    ['ballistic missiles', 'munitions', 'missiles'],
    ['construction workers', 'deployed', 'workers'],
    ['tonnes of rice', 'other', 'tonne'],
    ['of them', 'other', 'other'],
    // a toll counts people; a plural noun of its own is what is counted; losses stay troops
    ['death toll', 'killed', 'people'],
    ['deaths', 'killed', 'people'],
    ['migrants died or went missing', 'killed', 'migrant'],
    ['losses', 'casualties', 'troops'],
    ['militants', 'killed', 'troops'],
    ['kills', 'killed', 'people'],
    ['may have died', 'killed', 'people'],
    ['staff members had been killed', 'killed', 'staff'],
  ]
  for (const [text, category, head] of cases) {
    test(`"${text}" (${category}) counts ${head}`, () => assert.equal(countedHead(text, category), head))
  }
  test('named and generic sources', () => {
    assert.equal(isNamedSource("South Korea's spy agency"), true)
    assert.equal(isNamedSource('Western officials'), true)
    assert.equal(isNamedSource('officials'), false)
    assert.equal(isNamedSource('He'), false)
    assert.equal(canonicalSource("South Korea's National Intelligence Service (NIS)"), 'nis')
    assert.equal(canonicalSource('the Pentagon'), canonicalSource('Pentagon'))
    // an age set off by commas is no part of the name; a number in a name stays
    assert.equal(canonicalSource('Petra Vandrel, 52,'), canonicalSource('Petra Vandrel'))
    assert.equal(canonicalSource('Petra Vandrel, 52'), 'petra vandrel')
    assert.equal(canonicalSource('Group of 20'), 'group of 20')
  })
  test('figure ids are stable slugs of what is counted', () => {
    assert.equal(naturalFigureId({ category: 'deployed', subject: 'North Korea', countedText: 'soldiers', planned: false }), 'deployed/north-korea/troops')
    assert.equal(naturalFigureId({ category: 'deployed', subject: 'North Korea', countedText: 'personnel', planned: true }), 'deployed/north-korea/troops/planned')
  })
})

describe('agreement', () => {
  const p = (value: number | null, extra: Partial<FigureClaim> = {}) => ({ value, low: null, high: null, bound: null, ...extra })
  test('within 10% agrees, beyond conflicts', () => {
    assert.equal(estimatesAgree(p(11000), p(12000)), true)
    assert.equal(estimatesAgree(p(10000), p(12500)), false)
  })
  test('overlapping ranges agree', () => {
    assert.equal(estimatesAgree(p(null, { low: 10000, high: 12000 }), p(null, { low: 11500, high: 13000 })), true)
    assert.equal(estimatesAgree(p(null, { low: 1000, high: 2000 }), p(5000)), false)
  })
  test('bounds admit half-open intervals', () => {
    assert.equal(estimatesAgree(p(10000, { bound: 'at_least' }), p(15000)), true)
    assert.equal(estimatesAgree(p(10000, { bound: 'at_most' }), p(15000)), false)
  })
})

describe('near-duplicates', () => {
  const wire = 'SEOUL, Nov 13 - North Korea has sent about 11,000 troops to Russia, and some have begun fighting in the Kursk region, ' +
    'South Korean and US officials said on Wednesday. The deployment marks a sharp escalation, analysts said, as Pyongyang ' +
    'deepens its military ties with Moscow in exchange for technology and cash. Ukraine said its forces had clashed with the troops.'
  const copy = `Published with permission. ${wire.replace('analysts said', 'analysts told the agency')} Reporting by staff.`
  const other = 'Ukraine said on Monday that North Korean units had suffered heavy losses near Kursk, with drones striking ' +
    'columns of soldiers who moved across open fields in large groups, a tactic that military bloggers described as costly.'
  test('a syndicated copy is near-identical, an independent story is not', () => {
    assert.ok(estimateJaccard(minhash(wire), minhash(copy)) >= 0.5)
    assert.ok(estimateJaccard(minhash(wire), minhash(other)) < 0.2)
  })
  test('copies form one group named by the earliest article', () => {
    const groups = groupNearDuplicates([
      { key: 'b', signature: minhash(copy), order: '2024-11-14' },
      { key: 'a', signature: minhash(wire), order: '2024-11-13' },
      { key: 'c', signature: minhash(other), order: '2024-11-13' },
      { key: 'd', signature: minhash(copy + ' Edited.'), order: '2024-11-15' },
    ])
    assert.equal(groups.get('a'), 'a')
    assert.equal(groups.get('b'), 'a')
    assert.equal(groups.get('d'), 'a')
    assert.equal(groups.get('c'), 'c')
  })
})

describe('figures and statuses', () => {
  test('claims about the same counted thing form one figure, others their own', () => {
    const figures = buildFigures([
      claim({ articleKey: 'a', countedText: 'soldiers', sourceEntity: 'NIS' }),
      claim({ articleKey: 'b', countedText: 'troops', source: 'the Pentagon' }),
      claim({ articleKey: 'c', countedText: 'soldiers', category: 'killed', value: 300 }),
      claim({ articleKey: 'd', countedText: 'troops', subject: 'Russia', value: 50000 }),
    ], new Map())
    assert.deepEqual(figures.map((f) => [f.id, f.points.length]).sort(), [
      ['deployed/north-korea/troops', 2], ['deployed/russia/troops', 1], ['killed/north-korea/troops', 1],
    ])
  })

  test('additions to a count make a figure of their own, so they are not read as revisions of the total', () => {
    const figures = buildFigures([
      claim({ articleKey: 'a', value: 11000, sourceEntity: 'NIS', published: '2024-12-01' }),
      claim({ articleKey: 'b', value: 3000, additional: true, sourceEntity: 'JCS', published: '2025-01-20' }),
      claim({ articleKey: 'c', value: 25000, additional: true, planned: true, published: '2025-02-01' }),
    ], new Map())
    assert.deepEqual(figures.map((f) => [f.id, f.points.length, f.additional]).sort(), [
      ['deployed/north-korea/troops', 1, false], ['deployed/north-korea/troops/additional', 1, true],
      ['deployed/north-korea/troops/planned', 1, false],
    ])
    const total = figures.find((f) => f.id === 'deployed/north-korea/troops')!
    assert.equal(total.status, 'single-source')
    assert.match(figures.find((f) => f.additional)!.label, /\(additions\)$/)

  test('a share or a multiple is a figure of its own, so "doubling" does not revise a count to 2', () => {
    const figures = buildFigures([
      claim({ articleKey: 'a', category: 'killed', value: 300, sourceEntity: 'NIS', published: '2025-01-13' }),
      claim({ articleKey: 'b', category: 'killed', value: 600, sourceEntity: 'NIS', published: '2025-04-30' }),
      claim({ articleKey: 'b', category: 'killed', value: 2, unit: 'times', quantityText: 'doubling', published: '2025-04-30' }),
      claim({ articleKey: 'c', category: 'killed', value: 40, unit: '%', quantityText: '40%', published: '2025-05-01' }),
    ], new Map())
    assert.deepEqual(figures.map((f) => [f.id, f.points.length]).sort(), [
      ['killed/north-korea/troops', 2], ['killed/north-korea/troops/multiple', 1], ['killed/north-korea/troops/share', 1],
    ])
    assert.equal(latestPoint(figures.find((f) => f.id === 'killed/north-korea/troops')!.points)?.value, 600)
    assert.match(figures.find((f) => f.id.endsWith('/share'))!.label, /\(share, %\)$/)
  })
  })

  test('the latest estimate is the last dated one; an undated article does not replace it', () => {
    const [figure] = buildFigures([
      claim({ articleKey: 'a', value: 10000, published: '2024-11-01' }),
      claim({ articleKey: 'b', value: 1200000, published: null }),
      claim({ articleKey: 'c', value: 12000, published: '2024-12-01' }),
    ], new Map())
    assert.equal(figure.points[figure.points.length - 1].value, 1200000)
    assert.equal(latestPoint(figure.points)?.value, 12000)
    const [undated] = buildFigures([claim({ articleKey: 'd', value: 5, published: null })], new Map())
    assert.equal(latestPoint(undated.points)?.value, 5)
    assert.equal(latestPoint([]), undefined)
  })

  test('independent sources that agree corroborate; a syndicated copy counts once', () => {
    const groups = new Map([['w1', 'w1'], ['w2', 'w1'], ['w3', 'w1']])
    const figures = buildFigures([
      claim({ articleKey: 'w1', source: 'officials', value: 11000, published: '2024-11-13' }),
      claim({ articleKey: 'w2', source: 'officials', value: 11000, published: '2024-11-13' }),
      claim({ articleKey: 'w3', source: 'officials', value: 11000, published: '2024-11-14' }),
    ], groups)
    assert.equal(figures[0].independentSources, 1)
    assert.equal(figures[0].independentReports, 1)
    assert.equal(figures[0].status, 'single-source')
    const withOther = buildFigures([
      claim({ articleKey: 'w1', source: 'officials', value: 11000, published: '2024-11-13' }),
      claim({ articleKey: 'w2', source: 'officials', value: 11000, published: '2024-11-13' }),
      claim({ articleKey: 'x', sourceEntity: 'NIS', value: 12000, published: '2024-11-20' }),
    ], groups)
    assert.equal(withOther[0].independentSources, 2)
    assert.equal(withOther[0].status, 'corroborated')
    assert.ok(withOther[0].points.every((p) => p.status === 'corroborated'))
  })

  test('copies of a story whose first article has no claim still share one origin', () => {
    const groups = new Map([['first', 'first'], ['c1', 'first'], ['c2', 'first']])
    const f = buildFigures([
      claim({ articleKey: 'c1', source: null, outlet: 'B' }),
      claim({ articleKey: 'c2', source: 'officials', outlet: 'C' }),
      claim({ articleKey: 'c3', source: 'officials', outlet: 'C' }),
    ], groups, [], { articleOutlets: new Map([['first', 'A'], ['c1', 'B'], ['c2', 'C'], ['c3', 'C']]) })
    assert.deepEqual(f[0].points.map((p) => p.origin).sort(), ['generic:officials@A', 'generic:officials@C', 'voice:A'])
  })

  test('generic sources in independent stories are different sources', () => {
    const f = buildFigures([
      claim({ articleKey: 'a', source: 'officials', outlet: 'A' }),
      claim({ articleKey: 'b', source: 'officials', outlet: 'B' }),
    ], new Map())
    assert.equal(f[0].independentSources, 2)
  })

  test('disagreeing sources at the same time conflict; far apart in time they do not', () => {
    const near = buildFigures([
      claim({ articleKey: 'a', sourceEntity: 'NIS', value: 3000, published: '2024-10-18' }),
      claim({ articleKey: 'b', sourceEntity: 'Ukraine HUR', value: 12000, published: '2024-10-25' }),
    ], new Map())
    assert.equal(near[0].status, 'conflicting')
    assert.deepEqual(near[0].points.map((p) => p.status), ['conflicting', 'conflicting'])
    const far = buildFigures([
      claim({ articleKey: 'a', sourceEntity: 'NIS', value: 3000, published: '2024-10-18' }),
      claim({ articleKey: 'b', sourceEntity: 'Ukraine HUR', value: 12000, published: '2025-03-25' }),
    ], new Map())
    assert.equal(far[0].status, 'single-source')
  })

  test('the same source giving a new value later revises its earlier estimate', () => {
    const f = buildFigures([
      claim({ articleKey: 'b', sourceEntity: 'NIS', value: 11000, published: '2024-11-13' }),
      claim({ articleKey: 'a', sourceEntity: 'NIS', value: 3000, published: '2024-10-18' }),
    ], new Map())
    assert.equal(f[0].status, 'revised')
    assert.deepEqual(f[0].points.map((p) => [p.value, p.status]), [[3000, 'revised'], [11000, 'single-source']])
    assert.equal(f[0].points[0].revisedBy, f[0].points[1].claimKey)
  })

  test('asOf dates the point before the publication date does', () => {
    const f = buildFigures([
      claim({ articleKey: 'a', published: '2025-02-01', asOf: '2024-12', value: 1 }),
      claim({ articleKey: 'b', published: '2025-01-01', value: 2 }),
    ], new Map())
    assert.deepEqual(f[0].points.map((p) => [p.date, p.dateIsAsOf]), [['2024-12', true], ['2025-01-01', false]])
  })

  test('merge, split and rename decisions apply by stable keys, also to claims that arrive later', () => {
    const a = claim({ articleKey: 'a', countedText: 'troops' })
    const b = claim({ articleKey: 'b', countedText: 'workers', value: 1000 })
    const c = claim({ articleKey: 'c', countedText: 'troops', value: 500 })
    const decisions: Decision[] = [
      { kind: 'merge', figure: 'deployed/north-korea/workers', into: 'deployed/north-korea/troops' },
      { kind: 'split', figure: 'deployed/north-korea/troops', claimKeys: [c.key], newFigure: 'deployed/north-korea/engineers', label: 'NK engineers' },
      { kind: 'rename', figure: 'deployed/north-korea/workers', label: 'All NK personnel' },
    ]
    const figures = buildFigures([a, b, c], new Map(), decisions)
    const main = figures.find((f) => f.id === 'deployed/north-korea/troops')
    assert.deepEqual(main?.points.map((p) => p.claimKey).sort(), [a.key, b.key].sort())
    assert.equal(main?.label, 'All NK personnel')
    assert.deepEqual(main?.aliases, ['deployed/north-korea/workers'])
    assert.equal(figures.find((f) => f.id === 'deployed/north-korea/engineers')?.label, 'NK engineers')
    // A later article about workers follows the merge.
    const late = claim({ articleKey: 'z', countedText: 'laborers', value: 2000 })
    const again = buildFigures([a, b, c, late], new Map(), decisions)
    assert.equal(again.find((f) => f.id === 'deployed/north-korea/troops')?.points.length, 3)
  })
})

describe('point days', () => {
  const day = (iso: string) => Math.floor(Date.parse(`${iso}T00:00:00Z`) / 86_400_000)
  test('a coarse asOf that holds the publication date means the publication date', () => {
    assert.equal(pointDay('2024', '2024-11-05'), day('2024-11-05'))
    assert.equal(pointDay('2024-11', '2024-11-05'), day('2024-11-05'))
  })
  test('a past period stands for its last day, a future one for its first', () => {
    assert.equal(pointDay('2024-10', '2025-01-13'), day('2024-10-31'))
    assert.equal(pointDay('2024', '2025-01-13'), day('2024-12-31'))
    assert.equal(pointDay('2026', '2025-06-01'), day('2026-01-01'))
    assert.equal(pointDay('2024-10-20', '2025-01-13'), day('2024-10-20'))
    assert.equal(pointDay(null, null), null)
  })
})

describe('money', () => {
  test('sums of money form figures by currency, and number words are never the head', () => {
    assert.equal(naturalFigureId({ category: 'money', subject: 'North Korea', countedText: 'million in aid', planned: false, unit: 'USD' }), 'money/north-korea/usd')
    assert.equal(countedHead('million tonnes of rice', 'other'), 'tonne')
  })
})
