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

/**
 * Guess whether a text is English. Counts letters by script, then the share of English
 * function words among Latin-script words. Short texts with too little evidence count as
 * English, since a headline or a one-line quote is the common case.
 */
export function detectLanguage(text: string): LanguageInfo {
  const letters = text.match(/\p{L}/gu)?.length ?? 0
  if (letters === 0) return { code: 'und', isSupported: false }
  const latin = text.match(/\p{Script=Latin}/gu)?.length ?? 0
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
  const words = text.toLowerCase().match(/\p{Script=Latin}+/gu) ?? []
  if (words.length < 8) return { code: 'en', isSupported: true }
  let hits = 0
  for (const w of words) if (ENGLISH_FUNCTION_WORDS.has(w)) hits++
  return hits / words.length >= 0.08 ? { code: 'en', isSupported: true } : { code: 'und', isSupported: false }
}

/** The stage that assigns `language`. */
export function languageStage(): Stage {
  return defineStage({
    name: 'language', requires: [], assigns: ['language'],
    run: (doc) => doc.withLayer('language', detectLanguage(doc.text)),
  })
}
