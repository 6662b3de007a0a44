import { test } from 'node:test'
import assert from 'node:assert/strict'
import { loadWink, tokenize } from '../tokens/tokens.ts'
import { P_FINAL, prepare, Q_CLOSE, Q_IN, Q_OPEN, Q_OUT } from './features.ts'

const nlp = loadWink()

/** Each token's text with its quotation state. */
function quoteStates(text: string): Array<[string, number]> {
  const { tokens, sentences } = tokenize(nlp, text)
  const p = prepare(text, tokens, sentences)
  const out: Array<[string, number]> = []
  for (let i = 0; i < p.n; i++) out.push([text.slice(tokens.start[i], tokens.end[i]), p.quote[i]])
  return out
}

test('two apostrophes quote like a double quotation mark, the pair read as one mark', () => {
  const states = quoteStates("He called it ''total political crap'' and left.")
  const words = states.filter(([w]) => w !== "'")
  assert.deepEqual(words.map(([w, q]) => [w, q]), [
    ['He', Q_OUT], ['called', Q_OUT], ['it', Q_OUT], ['total', Q_IN], ['political', Q_IN], ['crap', Q_IN],
    ['and', Q_OUT], ['left', Q_OUT], ['.', Q_OUT],
  ])
  const marks = states.filter(([w]) => w === "'").map(([, q]) => q)
  // Opening pair: the mark, then the apostrophe inside; closing pair: inside, then the mark.
  assert.deepEqual(marks, [Q_OPEN, Q_IN, Q_IN, Q_CLOSE])
})

test('a lone apostrophe is not a quotation mark; curly and straight double marks still are', () => {
  const states = quoteStates("The voters' choice was clear. \u201cYes,\u201d she said. \"No,\" he said.")
  assert.ok(states.filter(([w]) => w === "'").every(([, q]) => q === Q_OUT))
  assert.deepEqual(states.filter(([w]) => w === 'Yes' || w === 'No').map(([, q]) => q), [Q_IN, Q_IN])
  assert.deepEqual(states.filter(([w]) => w === 'she' || w === 'he').map(([, q]) => q), [Q_OUT, Q_OUT])
})

test('an abbreviation period ("D-N.Y.", "R-Wis.,", "I-Vt.)") neither ends a sentence nor counts as a full stop', () => {
  const text = '"We need it," said Rep. Joseph Crowley (D-N.Y.), an advocate. Sen. Bernie Sanders (I-Vt.) said he will go. '
    + 'House Speaker Paul Ryan, R-Wis., said so.'
  const { tokens, sentences } = tokenize(nlp, text)
  const p = prepare(text, tokens, sentences)
  assert.deepEqual(p.sentences.map((s) => text.slice(s.start, s.end)), [
    '"We need it," said Rep. Joseph Crowley (D-N.Y.), an advocate.',
    'Sen. Bernie Sanders (I-Vt.) said he will go.',
    'House Speaker Paul Ryan, R-Wis., said so.',
  ])
  const finals: string[] = []
  for (let i = 0; i < p.n; i++) if (p.punct[i] === P_FINAL) finals.push(text.slice(0, tokens.end[i]).slice(-8))
  assert.deepEqual(finals, ['advocate.', 'will go.', 'said so.'].map((s) => s.slice(-8)))
})

test('two apostrophes whose second one the tokenizer keeps with the next word still open a quotation', () => {
  // wink splits "''A" into "'" and "'A"; read as a lone apostrophe, the closing pair
  // would open a quotation and put the speech clause inside it
  const states = quoteStates("''A bridge too far for our members,'' Ms. Ortega said on Monday.")
  assert.deepEqual(states.filter(([w]) => w === 'Ms.' || w === 'Ortega' || w === 'said').map(([, q]) => q), [Q_OUT, Q_OUT, Q_OUT])
  assert.deepEqual(states.filter(([w]) => w === 'bridge' || w === 'members').map(([, q]) => q), [Q_IN, Q_IN])
  assert.equal(states[0][1], Q_OPEN)
})

test('a left double mark written where a quotation closes closes it; a right one that opens opens it', () => {
  const states = quoteStates('\u201cWe ran out of beds,\u201c said Dr. Ana Lima, who runs the clinic. \u201cNobody came.\u201d')
  assert.deepEqual(states.filter(([w]) => w === 'said' || w === 'Lima' || w === 'clinic').map(([, q]) => q), [Q_OUT, Q_OUT, Q_OUT])
  assert.deepEqual(states.filter(([w]) => w === 'beds' || w === 'Nobody').map(([, q]) => q), [Q_IN, Q_IN])
  const mirrored = quoteStates('The sign read \u201dclosed\u201d and the door was locked.')
  assert.deepEqual(mirrored.filter(([w]) => w === 'closed' || w === 'door').map(([, q]) => q), [Q_IN, Q_OUT])
})
