import { test } from 'node:test'
import assert from 'node:assert/strict'
import { offsetMap } from './offsets.ts'

test('offsets: BMP text maps to itself, astral characters count once', () => {
  const plain = offsetMap('Curly “quotes” — and a dash’s apostrophe')
  assert.equal(plain.toCodePoint(17), 17)
  assert.equal(plain.toUtf16(17), 17)
  const astral = offsetMap('a😀b😀c')
  assert.deepEqual([0, 1, 3, 4, 6].map((u) => astral.toCodePoint(u)), [0, 1, 2, 3, 4])
  assert.deepEqual([0, 1, 2, 3, 4].map((c) => astral.toUtf16(c)), [0, 1, 3, 4, 6])
})

test('offsets: lone surrogates are one unit each; a high one before a pair does not pair with it', () => {
  // lone high, lone low, then a high surrogate followed by a whole pair
  const text = 'a\ud800b\udc00c\ud83d\ud83d\ude00d'
  const map = offsetMap(text)
  // only the last two units form a character, so "d" (unit 8) is code point 7
  assert.equal(map.toCodePoint(8), 7)
  assert.equal(map.toUtf16(7), 8)
  assert.equal(map.toCodePoint(5), 5)
})
