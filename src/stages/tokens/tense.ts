import { posId, type TokenColumns } from '../../model/doc.ts'

// The future tense, as the times stage and the claim stage read it: one list of its modals and
// the two readers of it, here. The two stages read it at different places, for different things
// (docs/figures.md, "Session 10 (branch `rev10`): the future tense in two layers"): the times
// stage, which knows no figure, reads the words before a time (`isFutureBefore`: a weekday after
// a modal in its clause is the next one, "will meet on Monday"); the claim stage, which knows the
// figure's clause, reads its tokens (`hasFutureModal`) and moves a time that dates a figure in the
// future tense ahead of publication ("By the end of March, 5,000 troops will be deployed").

/**
 * The modals of the future tense as lemmas: wink gives "will" for "'ll" and for the "wo" of
 * "won't". Not "would", a past's future ("said in March it would send 5,000").
 */
const FUTURE_MODALS: ReadonlySet<string> = new Set(['will', 'shall'])

/** The same modals as written, for a reader of plain text. */
const FUTURE_MODAL_FORMS: readonly string[] = ['will', 'shall', 'wo', "'ll", '’ll']

// "will meet on", "shall be held on", "'ll travel to Kyiv on": a modal of the future tense a
// few words before, in the same clause (not "will have", a future's past; no clause
// punctuation or quotation mark between)
const FUTURE_BEFORE = new RegExp(`\\b(?:${FUTURE_MODAL_FORMS.join('|')})(?:n['’]t| not)?\\s+(?!have\\b)(?:\\S*[^\\s,;:.!?"“”]\\s+){1,5}$`, 'u')

/**
 * Whether a modal of the future tense stands one to five words before offset `at` (UTF-16) of
 * `text`, in the same clause, and is not "will have": the times stage's reading, over plain text.
 *
 * @example
 * isFutureBefore('Talks will resume on March 3.', 21) // true
 */
export function isFutureBefore(text: string, at: number): boolean {
  return FUTURE_BEFORE.test(text.slice(Math.max(0, at - 60), at))
}

/** Whether a modal of the future tense (`FUTURE_MODALS`, by lemma) is among tokens [from, to): the claim stage's reading. */
export function hasFutureModal(tokens: TokenColumns, from: number, to: number): boolean {
  for (let t = from; t < to; t++) if (FUTURE_MODALS.has(tokens.lemma[t])) return true
  return false
}

/** Modals that put a figure in the future (the claims stage) or keep a clause from a past reading (`isPastClause`). */
export const MODALS: ReadonlySet<string> = new Set(['will', 'would', 'shall', "'ll", 'wo', 'could', 'might'])

/** Verbs of intention: a figure after them is planned ("agreed to exchange", "seeks $4.2bn"). */
export const INTENT_VERBS: ReadonlySet<string> = new Set([
  'plan', 'intend', 'expect', 'prepare', 'aim', 'propose', 'pledge', 'promise', 'vow',
  'threaten', 'agree', 'seek', 'want', 'hope', 'request',
  // an amount offered or demanded is not yet paid: "has offered 4.1 percent", "is demanding 7
  // percent" (what is needed is not: `hum-011` and `humanitarian-303` annotate "need" as no plan)
  'offer', 'demand',
])

/** Words of schedule, by lemma or as written: "are expected to", "is due to", "was scheduled for". */
export const SCHEDULE_WORDS: ReadonlySet<string> = new Set(['expect', 'expected', 'due', 'plan', 'planned', 'scheduled', 'schedule'])

// Words of a projection before "to": "are projected to face", "are likely to be" (an IPC
// analysis's figures for the months ahead). Kept out of SCHEDULE_WORDS, which `isPastClause`
// reads too: "had likely died" is past, and so is "the agency had projected 40,000".
const PROJECTION_WORDS: ReadonlySet<string> = new Set(['projected', 'likely', 'forecast', 'predicted'])

/**
 * Whether token `t` is a word of projection (as written) followed by "to": "projected to",
 * "likely to". The claims stage reads it after a figure and its auxiliary ("1.8 million are
 * projected to be in Emergency": planned).
 */
export function isProjectionAt(text: string, tokens: TokenColumns, t: number): boolean {
  return t + 1 < tokens.count && PROJECTION_WORDS.has(text.slice(tokens.start[t], tokens.end[t]).toLowerCase()) && tokens.lemma[t + 1] === 'to'
}

/** Tokens that end a comma-separated segment of a sentence. */
export const CLAUSE_BREAKS: ReadonlySet<string> = new Set([',', ';', ':', '—', '–', '(', ')', '"', '“', '”'])

const VERB = posId('VERB')
const AUX = posId('AUX')
const ADV = posId('ADV')

/**
 * Whether tokens [from, to) of a sentence that ends before token `sentenceEnd` are in a past
 * tense and say nothing of what is to come: "had sent", "has sent", "sent", "were delivered",
 * "had been sent", "had been sending", and no modal ("will have sent"), verb of intention ("aims to send"), word of
 * schedule ("is expected to send"), "be to", "have to", "going to" or an infinitive ("had urged
 * the department to process") among them. A verb whose written form is its lemma ("put",
 * "cut") tells no tense and does not count.
 */
export function isPastClause(text: string, tokens: TokenColumns, from: number, to: number, sentenceEnd: number): boolean {
  const { lemma, pos } = tokens
  const form = (t: number) => text.slice(tokens.start[t], tokens.end[t]).toLowerCase()
  let isPast = false
  for (let t = from; t < to; t++) {
    const written = form(t)
    if (MODALS.has(lemma[t]) || SCHEDULE_WORDS.has(lemma[t]) || SCHEDULE_WORDS.has(written)) return false
    if (INTENT_VERBS.has(lemma[t]) && (pos[t] === VERB || pos[t] === AUX)) return false
    // an infinitive's figure is what is asked or aimed at: "had urged the department to process 15 percent",
    // "are supposed to be made public"
    if (lemma[t] === 'to' && t + 1 < sentenceEnd && (pos[t + 1] === VERB || lemma[t + 1] === 'be')) return false
    // "is going to send", "is to send", "has to send"
    if (t + 1 < sentenceEnd && lemma[t + 1] === 'to' && (lemma[t] === 'go' || lemma[t] === 'be' || lemma[t] === 'have')) return false
    // a perfect or a passive of the past: "had sent", "has sent", "were delivered", "had been sent"
    if (pos[t] === AUX && (written === 'had' || written === 'has' || written === 'have' || written === 'was' || written === 'were')) {
      let hasBeen = false
      for (let k = t + 1; k < sentenceEnd && k <= t + 4; k++) {
        if (pos[k] === ADV) continue
        if (form(k) === 'been') { hasBeen = true; continue }
        // ("had been paying $35,000 a month until May": a past perfect of what went on; not "has been sending")
        const isOngoing = /ing$/.test(form(k))
        if (pos[k] === VERB && form(k) !== lemma[k] && (!isOngoing || (written === 'had' && hasBeen))) isPast = true
        break
      }
    }
    // a past of its own: "sent", "delivered" (not "sends", "sending", nor an infinitive; nor a
    // participle after another auxiliary: "ordered that the records be released", "is supposed to")
    if (pos[t] === VERB && written !== lemma[t] && !/(?:s|ing)$/.test(written) && !(t > 0 && lemma[t - 1] === 'to') &&
      !isAfterAuxiliary(tokens, t, from)) isPast = true
  }
  return isPast
}

/** Whether an auxiliary stands right before token `t` (past adverbs), at or after token `from`. */
function isAfterAuxiliary(tokens: TokenColumns, t: number, from: number): boolean {
  let k = t - 1
  while (k >= from && tokens.pos[k] === ADV) k--
  return k >= from && tokens.pos[k] === AUX
}
