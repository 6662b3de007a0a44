import { test } from 'node:test'
import assert from 'node:assert/strict'
import { datelineDash } from './dateline.ts'
import { loadWink, tokenize } from './tokens.ts'
import { DASHES, isDashBetween } from './marks.ts'

const nlp = loadWink()

/** The text of the first sentence up to and with its dateline's dash, or null. */
function dateline(text: string): string | null {
  const { tokens, sentences } = tokenize(nlp, text)
  const dash = datelineDash(text, tokens, sentences[0].tokenStart, sentences[0].tokenEnd)
  return dash < 0 ? null : text.slice(0, tokens.end[dash])
}

test('a dateline: a place, perhaps a date and an agency, and a dash', () => {
  const cases: Array<[string, string | null]> = [
    ['KYIV, June 18 - Ukraine\'s military said 40 drones were shot down.', 'KYIV, June 18 -'],
    ['Pyongyang, November 14 (KCNA) -- The builders finished the houses.', 'Pyongyang, November 14 (KCNA) --'],
    ['GENEVA (Reuters) - More than 300 people were rescued.', 'GENEVA (Reuters) -'],
    ['BONN (dpa) - The river rose overnight.', 'BONN (dpa) -'],
    ['SALEM, Ore., Dec. 11 (UPI) — Voters went to the polls on Tuesday.', 'SALEM, Ore., Dec. 11 (UPI) —'],
    // a date first
    ['Oct 24 (CW) - The United States said 3,000 troops had moved.', 'Oct 24 (CW) -'],
    ['Nov. 14 - The builders finished the houses.', 'Nov. 14 -'],
    // a headline, a hyphen inside a word, a dash inside the prose: no dateline
    ['Floods kill 40 - Red Cross', null],
    ['US-led forces said 40 fighters were killed.', null],
    ['NATO forces - backed by drones - killed 40 fighters.', null],
    ['May officials - and others - said 40 were killed.', null],
  ]
  for (const [text, expected] of cases) assert.equal(dateline(text), expected, text)
})

test('a dash between words: any dash but a hyphen glued inside a word, spaced or closed up', () => {
  const dashes = (text: string) => {
    const { tokens } = tokenize(nlp, text)
    const out: string[] = []
    for (let t = 0; t < tokens.count; t++) {
      const word = text.slice(tokens.start[t], tokens.end[t])
      if (DASHES.has(word)) out.push(`${word}:${isDashBetween(word, tokens, t) ? 'between' : 'inside'}`)
    }
    return out
  }
  assert.deepEqual(dashes('The US-led force - backed by drones - struck.'), ['-:inside', '-:between', '-:between'])
  assert.deepEqual(dashes('Marco Rubio—as well as others—spoke.'), ['—:between', '—:between'])
  assert.deepEqual(dashes('firearms–thus demonstrating their use.'), ['–:between'])
  assert.deepEqual(dashes('He spoke -- and left.'), ['--:between'])
})
