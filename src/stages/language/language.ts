import type { LanguageInfo } from '../../model/types.ts'
import { defineStage, type Stage } from '../../pipeline/stage.ts'

// The most frequent English function words; in English news they make up about a
// quarter of all words, in other Latin-script languages almost none.
const ENGLISH_FUNCTION_WORDS = new Set([
  'the', 'of', 'and', 'to', 'a', 'in', 'is', 'that', 'for', 'it', 'was', 'on', 'with',
  'he', 'as', 'by', 'at', 'from', 'his', 'be', 'have', 'has', 'are', 'said', 'not', 'an',
  'they', 'this', 'but', 'had', 'were', 'their', 'which', 'been', 'who', 'would', 'will',
])

const SCRIPT_NAMES: ReadonlyArray<readonly [RegExp, string]> = [
  [/\p{Script=Han}/u, 'zh'], [/\p{Script=Hangul}/u, 'ko'], [/\p{Script=Hiragana}|\p{Script=Katakana}/u, 'ja'],
  [/\p{Script=Cyrillic}/u, 'ru'], [/\p{Script=Arabic}/u, 'ar'], [/\p{Script=Hebrew}/u, 'he'],
  [/\p{Script=Greek}/u, 'el'], [/\p{Script=Devanagari}/u, 'hi'], [/\p{Script=Thai}/u, 'th'],
]

// Letter and Latin-script flags of the BMP code points seen so far (bit 0: known, 1: a
// letter, 2: Latin script). The regular expressions run once per code point, not per
// character of every text: matching the whole text with /\p{L}/gu built an array of one
// string per letter, the stage's main cost and garbage.
const BMP_FLAGS = new Uint8Array(65536)
const LETTER = /\p{L}/u
const LATIN = /\p{Script=Latin}/u
const F_KNOWN = 1
const F_LETTER = 2
const F_LATIN = 4
// Lower-casing changes the code point ("É", "Σ"): the text must be lower-cased as a whole.
const F_CASED = 8

function flagsOf(cp: number): number {
  if (cp < 128) {
    const lower = cp | 32
    return lower >= 97 && lower <= 122 ? F_KNOWN | F_LETTER | F_LATIN : F_KNOWN
  }
  if (cp < 65536 && BMP_FLAGS[cp] !== 0) return BMP_FLAGS[cp]
  const s = String.fromCodePoint(cp)
  const f = F_KNOWN | (LETTER.test(s) ? F_LETTER : 0) | (LATIN.test(s) ? F_LATIN : 0) | (s.toLowerCase() !== s ? F_CASED : 0)
  if (cp < 65536) BMP_FLAGS[cp] = f
  return f
}

// The function words as numbers, five bits a letter ("the": 20 << 10 | 8 << 5 | 5), in an
// open-addressed table: the word loop reads its letters' codes instead of slicing a string
// and hashing it for a set, once per short word of every document.
const WORD_SLOTS = new Int32Array(128).fill(-1)
function wordSlot(key: number): number {
  let slot = Math.imul(key, 0x9e3779b1) >>> 25
  while (WORD_SLOTS[slot] !== -1 && WORD_SLOTS[slot] !== key) slot = (slot + 1) & 127
  return slot
}
for (const w of ENGLISH_FUNCTION_WORDS) {
  let key = 0
  for (let j = 0; j < w.length; j++) key = key * 32 + (w.charCodeAt(j) - 96)
  WORD_SLOTS[wordSlot(key)] = key
}

/** Whether text[start, end) (at most five units, read lower-cased when `asciiLower`) is an English function word. */
function isFunctionWord(text: string, start: number, end: number, asciiLower: boolean): boolean {
  let key = 0
  for (let j = start; j < end; j++) {
    let c = text.charCodeAt(j)
    if (asciiLower && c >= 65 && c <= 90) c += 32
    if (c < 97 || c > 122) return false
    key = key * 32 + (c - 96)
  }
  return WORD_SLOTS[wordSlot(key)] === key
}

// Longest English function word: longer Latin words need no look-up.
const MAX_FUNCTION_WORD = 5

/**
 * Guess whether a text is English. Counts letters by script, then the share of English
 * function words among Latin-script words. Short texts with too little evidence count as
 * English, since a headline or a one-line quote is the common case.
 */
export function detectLanguage(text: string): LanguageInfo {
  // Code points, as the /u regular expressions count them.
  let letters = 0
  let latin = 0
  let cased = false
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i)
    if (c < 128) {
      const lc = c | 32
      if (lc >= 97 && lc <= 122) { letters++; latin++ }
      continue
    }
    const cp = c >= 0xd800 && c < 0xdc00 ? text.codePointAt(i)! : c
    if (cp > 0xffff) i++
    const f = flagsOf(cp)
    if ((f & F_LETTER) !== 0) letters++
    if ((f & F_LATIN) !== 0) latin++
    if ((f & F_CASED) !== 0) cased = true
  }
  if (letters === 0) return { code: 'und', isSupported: false }
  if (latin / letters < 0.5) {
    const counts = SCRIPT_NAMES.map(([re, code]) => {
      const g = new RegExp(re.source, 'gu')
      return [code, text.match(g)?.length ?? 0] as const
    }).sort((a, b) => b[1] - a[1])
    // Japanese mixes Han and kana: kana anywhere means Japanese.
    const kana = counts.find(([c]) => c === 'ja')
    const code = kana && kana[1] > 0 ? 'ja' : counts[0][1] > 0 ? counts[0][0] : 'und'
    return { code, isSupported: false }
  }
  // Words are maximal runs of Latin-script code points of the lower-cased text. When no
  // code point beyond ASCII changes case (news text: curly quotes and dashes), that text is
  // the text itself with A-Z read as a-z, and it is not built.
  const lower = cased ? text.toLowerCase() : text
  let words = 0
  let hits = 0
  let start = -1
  for (let i = 0; i <= lower.length; i++) {
    let isLatin = false
    let wide = false
    if (i < lower.length) {
      const c = lower.charCodeAt(i)
      if (c < 128) {
        const lc = cased ? c : c | 32
        isLatin = lc >= 97 && lc <= 122
      } else {
        const cp = c >= 0xd800 && c < 0xdc00 ? lower.codePointAt(i)! : c
        wide = cp > 0xffff
        isLatin = (flagsOf(cp) & F_LATIN) !== 0
      }
    }
    if (isLatin) {
      if (start < 0) start = i
    } else if (start >= 0) {
      words++
      if (i - start <= MAX_FUNCTION_WORD && isFunctionWord(lower, start, i, !cased)) hits++
      start = -1
    }
    if (wide) i++
  }
  if (words < 8) return { code: 'en', isSupported: true }
  return hits / words >= 0.08 ? { code: 'en', isSupported: true } : { code: 'und', isSupported: false }
}

/** The stage that assigns `language`. */
export function languageStage(): Stage {
  return defineStage({
    name: 'language', requires: [], assigns: ['language'],
    run: (doc) => doc.withLayer('language', detectLanguage(doc.text)),
  })
}
