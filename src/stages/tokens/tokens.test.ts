import { test } from 'node:test'
import assert from 'node:assert/strict'
import { POS_TAGS } from '../../model/doc.ts'
import { loadWink, tokenize } from './tokens.ts'

const nlp = loadWink()

test('token offsets index the text exactly, white space excluded', () => {
  const text = 'Seoul, Korea\n–\nAbout 4,000 soldiers  were hurt, “officials” said.\n\nNext paragraph.'
  const { tokens } = tokenize(nlp, text)
  const words: string[] = []
  for (let i = 0; i < tokens.count; i++) {
    assert.ok(tokens.start[i] < tokens.end[i])
    if (i > 0) assert.ok(tokens.start[i] >= tokens.end[i - 1])
    words.push(text.slice(tokens.start[i], tokens.end[i]))
  }
  assert.ok(words.every((w) => w.trim() === w && w.length > 0))
  assert.ok(words.includes('4,000'))
  assert.ok(words.includes('“'))
})

test('sentences end at line breaks and carry their paragraph', () => {
  const text = 'Seoul, Korea\n–\nKim spoke. He praised them.\n\nTroops arrived.'
  const { sentences } = tokenize(nlp, text)
  assert.deepEqual(sentences.map((s) => text.slice(s.start, s.end)),
    ['Seoul, Korea', '–', 'Kim spoke.', 'He praised them.', 'Troops arrived.'])
  assert.deepEqual(sentences.map((s) => s.paragraph), [0, 1, 2, 2, 3])
})

test('POS and lemmas', () => {
  const text = 'Officials said soldiers were killed.'
  const { tokens } = tokenize(nlp, text)
  const tag = (i: number) => POS_TAGS[tokens.pos[i]]
  assert.equal(tag(1), 'VERB')
  assert.equal(tokens.lemma[1], 'say')
  assert.equal(tokens.lemma[2], 'soldier')
  assert.equal(tag(2), 'NOUN')
})

test('astral characters keep UTF-16 offsets consistent', () => {
  const text = '😀 Troops 😀 arrived.'
  const { tokens } = tokenize(nlp, text)
  const words = Array.from({ length: tokens.count }, (_, i) => text.slice(tokens.start[i], tokens.end[i]))
  assert.ok(words.includes('Troops') && words.includes('arrived'))
})
