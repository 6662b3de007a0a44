import { readFileSync } from 'node:fs'
import { dirname, join } from 'node:path'
import { fileURLToPath } from 'node:url'
import { POS_TAGS, type TokenColumns } from '../../model/doc.ts'
import { ClaimtrailError } from '../../model/errors.ts'
import type { Attribution, AttributionKind, CharSpan, Entity, Sentence } from '../../model/types.ts'
import { defineStage, type Stage } from '../../pipeline/stage.ts'
import { P_COLON, P_COMMA, P_FINAL, prepare, Q_CLOSE, Q_OPEN, type Prepared } from './features.ts'
import { ChainPerceptron } from './perceptron.ts'
import type { EndRanker } from './content-ranker.ts'
import { defaultEndRanker, refineContent } from './content-spans.ts'
import {
  cueContextFeatures, cueFilterFeatures, defaultCueFilter, K_FILTER, K_ROLES, type CandidateRoles, type CueCandidate, type CueFilter,
} from './cue-filter.ts'
import { findSignatures } from './signatures.ts'
import { findSpeakerTurns } from './transcripts.ts'
import {
  clauseAfterAccordingTo, clauseAfterParenthetical, withoutOthersContent, openingParticiple,
  isAddresseePassive, addressedByAgent, participleSource, withoutAddressee, clauseBeforeParenthetical, nextQuotation,
  withoutTailAfterQuote, subjectForSource, contentBeforeSource, contentToSourceComma, isAgentivePassive,
  ACCORDING_LEMMAS, isCoordinatedCue, agentAfterCue, subordinateSubject, beforeRelativeClause, beforeParticiplePhrase, beforeDashAside, withoutTrailingRelative, withNounBeforePreposition, afterOpeningPhrase, withNounBeforeRelative, withWholeName, invertedSubject, coordinatedSource, isRelativeSubject, withoutAppositiveRelative, isDateOnly, isParticipleAfterComma, isRaisingCue,
  contentBeforeInvertedSpeech, conventionalCue, withoutCueTokens, reportedClauses, isSectionLabel, isBareAsking, isSourcelessCue, subjectBeforeTime, experiencerAfterCue, tidySource, toPhraseEnd, fromWordStart, withFirstConjunct, withoutMedium, gerundSubject, headlineSpeaker, speechTails, withoutDateline,
  withoutLeadingTime, objectForSubject, opensCompoundNoun, givesThings, withClosingQuote, beforeMainVerb, quotationBeforeSpeaker,
} from './conventions.ts'
import {
  anonymityFormulas, beforeClosingTime, beforeInnerSpeechClause, beforeSpeechSetting, clauseBeforeClosingSpeech, joinedAcrossMarks, orphanQuotations, quotationsToTheirClose, quotationAfterLongClause, withoutAsideAfterAccordingTo, withoutContentBeforeParticiple, withoutExpletiveIt, predicateAfterRelative,
} from './content-rules.ts'
import { resolveSource } from './sources.ts'
import { looksLikePersonName, PARTICLE_PREFIX } from '../entities/entities.ts'
import {
  CUE_B, CUE_LABELS, CUE_O, CUE_U, cueEnd, cueFeatures, cueScores, K_CUE, K_ROLE, opensCue, R_CB, R_CI, R_SB, R_SI, roleFeatures, roleScores,
  type CueTokens, type RowScores,
} from './taggers.ts'

/**
 * The trained attribution model: a cue tagger (BIO over paragraphs) and a role tagger
 * that labels source and content around one cue. Both are averaged perceptrons over
 * hashed features; see docs/attribution.md.
 */
export interface AttributionModel {
  readonly version: string
  readonly cue: ChainPerceptron
  readonly role: ChainPerceptron
}

// 02: the cue tagger's labels are BILOU (01: BIO)
const MAGIC = 'CTATTR02'

/** Where the committed model lives. */
export const DEFAULT_MODEL_PATH = join(dirname(fileURLToPath(import.meta.url)), '../../../models/attribution/model.bin')

/** Serialise a model into the binary format {@link loadAttributionModel} reads. */
export function modelToBuffer(model: AttributionModel): Buffer {
  const version = Buffer.from(model.version, 'utf8')
  const head = Buffer.alloc(12)
  head.write(MAGIC, 0, 'latin1')
  head.writeUInt32LE(version.length, 8)
  const pad = Buffer.alloc((4 - (version.length % 4)) % 4)
  return Buffer.concat([head, version, pad, model.cue.toBuffer(), model.role.toBuffer()])
}

/** Read a model from the bytes {@link modelToBuffer} wrote. */
export function modelFromBuffer(buf: Buffer): AttributionModel {
  if (buf.length < 12 || buf.toString('latin1', 0, 8) !== MAGIC) {
    throw new ClaimtrailError('BAD_INPUT', 'not a claimtrail attribution model; retrain with npm run train:attribution')
  }
  const vlen = buf.readUInt32LE(8)
  const version = buf.toString('utf8', 12, 12 + vlen)
  let offset = 12 + vlen + ((4 - (vlen % 4)) % 4)
  const cue = ChainPerceptron.fromBuffer(buf, offset)
  offset = cue.next
  const role = ChainPerceptron.fromBuffer(buf, offset)
  return { version, cue: cue.model, role: role.model }
}

/**
 * Load the committed model from `models/attribution/model.bin`, or from `path`.
 *
 * @example
 * const model = loadAttributionModel()
 * const stage = attributionsStage(model)
 */
export function loadAttributionModel(path?: string): AttributionModel {
  const file = path ?? DEFAULT_MODEL_PATH
  let buf: Buffer
  try {
    buf = readFileSync(file)
  } catch (e) {
    throw new ClaimtrailError('NOT_FOUND', `${file}: attribution model missing; run npm run train:attribution`, { cause: e })
  }
  return modelFromBuffer(buf)
}

/** Scratch arrays reused across the paragraphs and cues of documents. */
export class Scratch {
  feats = new Int32Array(0)
  em = new Float64Array(0)
  score = new Float64Array(0)
  back = new Int8Array(0)
  backOnce = new Int16Array(0)
  labels = new Int8Array(0)
  forced = new Int8Array(0)
  ensure(n: number, k: number, L: number): void {
    if (this.feats.length < n * k) this.feats = new Int32Array(n * k * 2)
    // Decoding with a once-only label doubles the states, hence room for 2 * L per token.
    if (this.em.length < n * L || this.score.length < n * L * 2) {
      this.em = new Float64Array(n * L * 2)
      this.score = new Float64Array(n * L * 4)
      this.back = new Int8Array(n * L * 4)
      this.backOnce = new Int16Array(n * L * 4)
    }
    if (this.labels.length < n) { this.labels = new Int8Array(n * 2); this.forced = new Int8Array(n * 2) }
  }
}

/**
 * Where a tagger with five labels and 16-bit weights can add up its emission scores straight
 * from the features (cueScores, roleScores); null for other taggers, which score through
 * `feats` and ChainPerceptron.emissions. Both give the same scores.
 */
function rowScores(tagger: ChainPerceptron, em: Float64Array): RowScores | null {
  const w = tagger.labels === 5 ? tagger.quantizedWeights : null
  return w === null ? null : { q: w.q, mask: tagger.mask, scale: w.scale, em }
}

/** The cue tagger's emission scores for paragraph tokens `[from, to)`, into `sc.em`. */
function cueEmissions(model: AttributionModel, p: Prepared, from: number, to: number, sc: Scratch): void {
  sc.ensure(to - from, K_CUE, CUE_LABELS)
  const scores = rowScores(model.cue, sc.em)
  if (scores !== null) { cueScores(p, from, to, scores); return }
  cueFeatures(p, from, to, sc.feats)
  model.cue.emissions(sc.feats, to - from, K_CUE, sc.em)
}

/** Cue token ranges of a prepared document, in text order. */
export function findCues(model: AttributionModel, p: Prepared, sc = new Scratch()): CueTokens[] {
  const cues: CueTokens[] = []
  for (let para = 0; para < p.paraStart.length; para++) {
    const from = p.paraStart[para]
    const to = p.paraEnd[para]
    const n = to - from
    if (n === 0) continue
    cueEmissions(model, p, from, to, sc)
    model.cue.viterbi(sc.em, n, sc.labels, null, sc.back, sc.score)
    for (let i = 0; i < n; i++) {
      if (opensCue(sc.labels[i])) cues.push({ start: from + i, end: withColon(p, from + cueEnd(sc.labels, i, n), to) })
    }
  }
  return cues
}

/**
 * Cue candidates of a prepared document, in text order: the cue tagger's labels decoded
 * again with `bonus` added to the B emission, so that cues it almost chose come out too.
 * `isCue` gets the tokens of the cues it finds without the bonus (what the role tagger was
 * trained to see as other cues).
 */
export function findCueCandidates(model: AttributionModel, p: Prepared, bonus: number, isCue: Uint8Array, sc = new Scratch()): CueCandidate[] {
  const cands: CueCandidate[] = []
  for (let para = 0; para < p.paraStart.length; para++) {
    const from = p.paraStart[para]
    const to = p.paraEnd[para]
    const n = to - from
    if (n === 0) continue
    cueEmissions(model, p, from, to, sc)
    // Base decode first: which candidates the tagger finds alone. Viterbi over three
    // labels is cheap beside the emissions, which both decodes share.
    model.cue.viterbi(sc.em, n, sc.labels, null, sc.back, sc.score)
    const baseLab = sc.forced
    baseLab.set(sc.labels.subarray(0, n))
    for (let i = 0; i < n; i++) if (baseLab[i] !== 0) isCue[from + i] = 1
    const L = CUE_LABELS
    for (let i = 0; i < n; i++) { sc.em[i * L + CUE_B] += bonus; sc.em[i * L + CUE_U] += bonus }
    model.cue.viterbi(sc.em, n, sc.labels, null, sc.back, sc.score)
    for (let i = 0; i < n; i++) {
      const y = sc.labels[i]
      if (!opensCue(y)) continue
      const j = cueEnd(sc.labels, i, n)
      // the same labels over the span are the same cue: its end is its L or U label
      const base = sameRun(baseLab, sc.labels, i, j) ? 1 : 0
      cands.push({ start: from + i, end: withColon(p, from + j, to), base, margin: sc.em[i * L + y] - bonus - sc.em[i * L + CUE_O] })
      i = j - 1
    }
  }
  return cands
}

/**
 * A cue's end, over the colon right after it: PolNeAR's cues take it ("Limbaugh said:";
 * 222 of the 240 train cues a colon follows), which the tagger misses now and then.
 */
function withColon(p: Prepared, end: number, to: number): number {
  return end < to && p.punct[end] === P_COLON && p.tokens.end[end] - p.tokens.start[end] === 1 ? end + 1 : end
}

function sameRun(a: Int8Array, b: Int8Array, from: number, to: number): boolean {
  for (let i = from; i < to; i++) if (a[i] !== b[i]) return false
  return true
}

/**
 * Features of candidate `cands[k]` for the cue filter from its own roles (K_ROLES values);
 * `sc` must still hold the role tagger's emission scores for it (call right after role tagging).
 */
export function filterFeatures(
  model: AttributionModel, p: Prepared, cands: readonly CueCandidate[], k: number, roles: RoleSpans, sc: Scratch, out: Int32Array, o = 0,
): Int32Array {
  const win = roleWindow(p, cands[k])
  // How much the role tagger's best labelling beats labelling nothing: its own belief that
  // this cue has roles, from the labels and scores findRoles left in sc.
  const tr = model.role.trans
  const L = 5
  const n = win.end - win.start
  let gain = 0
  let prev = L
  for (let i = 0; i < n; i++) {
    const y = sc.labels[i]
    gain += sc.em[i * L + y] - sc.em[i * L] + tr[prev * L + y] - tr[(i === 0 ? L : 0) * L]
    prev = y
  }
  cueFilterFeatures(p, cands, k, roles.source, roles.content, { scores: sc.em, from: win.start, to: win.end }, gain, out, o)
  return out
}

/**
 * Every candidate role-tagged, tidied and content-ranked, with the cue filter's features
 * (K_FILTER values at `feats[k * K_FILTER]`) for those with content: its own roles' first,
 * then, once all candidates have roles, the other candidates' ({@link cueContextFeatures}).
 * `roles[k]` of a candidate without content is its empty roles; `hasContent[k]` is 0.
 */
export function candidateRoles(
  model: AttributionModel, p: Prepared, cands: readonly CueCandidate[], isCue: Uint8Array, ranker: EndRanker | null, sc: Scratch,
): { roles: RoleSpans[]; feats: Int32Array } {
  const roles: RoleSpans[] = []
  const feats = new Int32Array(cands.length * K_FILTER)
  for (let k = 0; k < cands.length; k++) {
    const cue = cands[k]
    const r = refineContent(p, cue, tidyRoles(p, cue, findRoles(model, p, cue, isCue, sc), isCue), isCue, ranker, sc)
    roles.push(r)
    if (r.content.length > 0) filterFeatures(model, p, cands, k, r, sc, feats, k * K_FILTER)
  }
  const seen: CandidateRoles[] = roles.map((r) => (r.content.length > 0 ? r : null))
  for (let k = 0; k < cands.length; k++) if (seen[k] !== null) cueContextFeatures(p, cands, seen, k, feats, k * K_FILTER + K_ROLES)
  return { roles, feats }
}

/**
 * Whether `withoutNestedCues` will drop candidate `k` whatever the filter says: it lies in
 * the content of a candidate the tagger alone proposes (`base`, which the filter mostly
 * keeps) whose cue does not lie in its own content, and it is no verb the rule keeps.
 */
export function nestedCandidate(p: Prepared, cands: readonly CueCandidate[], roles: readonly RoleSpans[], k: number): boolean {
  const c = [cands[k]]
  if (isSaying(p, c, NESTED_KEPT)) return false
  return cands.some((b, j) => j !== k && b.base === 1 && roles[j].content.length > 0
    && overlapsAny(c, roles[j].content) && !overlapsAny([b], roles[k].content))
}

/**
 * The roles of every cue the stage considers, in text order, with content boundaries moved
 * by `ranker` and the cue filter applied when there is one (`filter`); dropped candidates
 * are left out.
 */
export function cuesWithRoles(
  model: AttributionModel, p: Prepared, filter: CueFilter | null, ranker: EndRanker | null, sc: Scratch,
): Array<{ cue: CueTokens; roles: RoleSpans }> {
  const isCue = new Uint8Array(p.n)
  if (filter === null) {
    const cues = findCues(model, p, sc)
    for (const c of cues) isCue.fill(1, c.start, c.end)
    return cues.map((cue) => ({ cue, roles: refineContent(p, cue, tidyRoles(p, cue, findRoles(model, p, cue, isCue, sc), isCue), isCue, ranker, sc) }))
  }
  const cands = findCueCandidates(model, p, filter.bonus, isCue, sc)
  const { roles, feats } = candidateRoles(model, p, cands, isCue, ranker, sc)
  const out: Array<{ cue: CueTokens; roles: RoleSpans }> = []
  for (let k = 0; k < cands.length; k++) {
    const cue = cands[k]
    // Without content a cue is dropped anyway; the filter need not see it.
    if (roles[k].content.length > 0 && !filter.keep(feats, k * K_FILTER) && !(cue.base === 1 && opensWithFigure(p, cue, roles[k]))) continue
    out.push({ cue, roles: roles[k] })
  }
  return out
}

/**
 * The source span the tagger found, put in PolNeAR's conventions where the tagger wavers
 * (`tidySource` and the rules after it, in `conventions.ts`; docs/attribution.md).
 */
function conventionalSource(text: string, p: Prepared, cue: CueTokens, found: CueTokens, content: readonly CueTokens[], isCue: Uint8Array): CueTokens {
  // (a hyphenated word made whole first, so that its article and its number's limit join it)
  let src = tidySource(p, cue, fromWordStart(p, found), content, isCue)
  src = withWholeName(p, cue, src)
  src = beforeRelativeClause(p, cue, src)
  src = beforeParticiplePhrase(p, cue, src)
  src = withoutDateline(text, p, src)
  // (after the dateline rule, which reads "Gingrich —" as "WASHINGTON —")
  src = beforeDashAside(p, cue, src)
  src = withNounBeforeRelative(p, cue, src)
  src = withNounBeforePreposition(text, p, cue, src)
  src = afterOpeningPhrase(p, cue, src)
  src = withFirstConjunct(p, cue, src)
  return withoutMedium(p, cue, toPhraseEnd(p, cue, withoutTrailingRelative(p, cue, src), content, isCue))
}

const NUM_POS = POS_TAGS.indexOf('NUM')
// lemmas that hedge or bound a number: "said about 1,000 soldiers", "said at least 300" (the
// quantities stage's MODIFIERS match surface forms, which this stage does not keep)
const FIGURE_HEDGES = new Set(['about', 'around', 'some', 'nearly', 'roughly', 'almost', 'approximately', 'over', 'more', 'less', 'at', 'up', 'as', 'only', 'just', 'an'])

/**
 * '[Officials] said [about 2,000 troops arrived]': a cue the tagger found on its own, with a
 * source, whose content opens right after it with a number or a hedged one. The filter learnt
 * on PolNeAR that content opening with "about" after "said" is mostly what was talked about
 * ("said about the plan"), and drops these; a figure's speaker is what the ledger is for.
 */
function opensWithFigure(p: Prepared, cue: CueTokens, roles: RoleSpans): boolean {
  if (roles.source.length === 0) return false
  const c = roles.content[0]
  if (c.start !== cue.end || p.sent[c.start] !== p.sent[cue.start]) return false
  let t = c.start
  for (let k = 0; k < 2 && t < c.end && p.pos[t] !== NUM_POS && FIGURE_HEDGES.has(p.tokens.lemma[t].toLowerCase()); k++) t++
  if (t < c.end && (p.tokens.lemma[t] === 'than' || p.tokens.lemma[t] === 'least' || p.tokens.lemma[t] === 'to' || p.tokens.lemma[t] === 'many')) t++
  return t < c.end && p.pos[t] === NUM_POS
}

/** Token ranges labelled as source and as content around one cue. */
export interface RoleSpans {
  readonly source: CueTokens[]
  readonly content: CueTokens[]
}

// Tokens the role tagger reads before and after a cue. On PolNeAR train 99% of content
// lies within 60 tokens before and 131 after the cue (dev scores are the same or better
// with this cap than with whole paragraphs); it keeps a text without line breaks, one
// huge paragraph, linear in its length.
const MAX_BEFORE = 80
const MAX_AFTER = 160

/**
 * The window the role tagger reads for a cue: the cue's paragraph (98% of content on
 * PolNeAR train lies in it), capped around the cue.
 */
export function roleWindow(p: Prepared, cue: CueTokens): CueTokens {
  const para = p.para[cue.start]
  let last = p.paraEnd[para]
  // A cue that ends its paragraph with a colon ("Limbaugh added:") introduces the next
  // paragraph, a block quotation: 36 of the 40 train contents that start in a later
  // paragraph than their cue follow such a colon.
  const colon = last - 1
  if (colon >= cue.start && colon <= cue.end && p.punct[colon] === P_COLON) {
    // Lines of nothing but white space ("\r\n\r\n", "\n \n") are empty paragraphs.
    let next = para + 1
    while (next < p.paraEnd.length && p.paraEnd[next] === p.paraStart[next]) next++
    if (next < p.paraEnd.length) last = p.paraEnd[next]
  }
  return {
    start: Math.max(p.paraStart[para], cue.start - MAX_BEFORE),
    end: Math.min(last, cue.end + MAX_AFTER),
  }
}

/** Label source and content around `cue`. */
export function findRoles(model: AttributionModel, p: Prepared, cue: CueTokens, isCue: Uint8Array, sc = new Scratch()): RoleSpans {
  const win = roleWindow(p, cue)
  const n = win.end - win.start
  sc.ensure(n, K_ROLE, 5)
  const scores = rowScores(model.role, sc.em)
  if (scores !== null) roleScores(p, cue, win.start, win.end, isCue, scores)
  else {
    roleFeatures(p, cue, win.start, win.end, isCue, sc.feats)
    model.role.emissions(sc.feats, n, K_ROLE, sc.em)
  }
  sc.forced.fill(-1, 0, n)
  for (let i = cue.start; i < cue.end; i++) sc.forced[i - win.start] = 0
  model.role.viterbiOnce(sc.em, n, sc.labels, sc.forced, R_SB, sc.backOnce, sc.score)
  const source: CueTokens[] = []
  const content: CueTokens[] = []
  for (let i = 0; i < n; i++) {
    const y = sc.labels[i]
    if (y !== R_SB && y !== R_CB) continue
    const inside = y === R_SB ? R_SI : R_CI
    let j = i + 1
    while (j < n && sc.labels[j] === inside) j++
    ;(y === R_SB ? source : content).push({ start: win.start + i, end: win.start + j })
  }
  return { source, content }
}

function toChars(tokens: TokenColumns, r: CueTokens): CharSpan {
  return { start: tokens.start[r.start], end: tokens.end[r.end - 1] }
}

function kindOf(p: Prepared, content: readonly CueTokens[]): AttributionKind {
  let quoted = 0
  let total = 0
  for (const r of content) {
    let inside = false
    for (let i = r.start; i < r.end; i++) {
      const q = p.quote[i]
      if (q === Q_OPEN) inside = true
      else if (q === Q_CLOSE) inside = false
      else { total++; if (inside || q === 1) quoted++ }
    }
  }
  if (quoted === 0) return 'indirect'
  return quoted >= total - 1 ? 'direct' : 'mixed'
}

/**
 * Find the attributions of a tokenized text. `entities` may be empty; source names then
 * come from proper-noun runs. Pass a {@link Scratch} to reuse decoding buffers across calls.
 * `filter` is the cue filter (default: the committed one, if any; null for the cue tagger's
 * cues alone); `ranker` the content boundary ranker (default: the committed one, if any;
 * null for the role tagger's boundaries).
 */
export function extractAttributions(
  model: AttributionModel, text: string, tokens: TokenColumns, sentences: readonly Sentence[],
  entities: readonly Entity[], sc: Scratch = new Scratch(), filter: CueFilter | null = defaultCueFilter(),
  ranker: EndRanker | null = defaultEndRanker(),
): Attribution[] {
  const p = prepare(text, tokens, sentences)
  interface Draft { cues: CueTokens[]; roles: RoleSpans }
  const drafts: Draft[] = []
  const byRoles = new Map<string, Draft>()
  const key = (rs: CueTokens[]) => rs.map((r) => `${r.start}-${r.end}`).join(',')
  for (const { cue, roles: tagged } of cuesWithRoles(model, p, filter, ranker, sc)) {
    if (opensCompoundNoun(p, cue) || givesThings(p, cue)) continue
    // a cue without content has not met the filter: only the tagger's own cues take one here
    let roles = contentBeforeSource(p, cue, tagged)
    if ((cue as Partial<CueCandidate>).base !== 0) roles = contentBeforeInvertedSpeech(p, cue, roles)
    // A cue split in two ("said ... in a statement") yields the same source and content
    // twice; PolNeAR annotates that as one attribution with a discontinuous cue.
    const k = `${key(roles.content)}|${key(roles.source)}`
    const same = byRoles.get(k)
    if (same !== undefined && roles.content.length > 0) { same.cues.push(cue); continue }
    const draft = { cues: [cue], roles }
    drafts.push(draft)
    byRoles.set(k, draft)
  }
  const out: Attribution[] = []
  const named = new Set<string>()
  // The tokens of the cues kept: a source never runs into another cue (tidySource).
  const isCue = new Uint8Array(p.n)
  for (const d of drafts) for (const c of d.cues) isCue.fill(1, c.start, c.end)
  // speech clauses the taggers found no content for are open to the rules below
  const said = new Uint8Array(p.n)
  for (const d of drafts) if (d.roles.content.length > 0) for (const c of d.cues) said.fill(1, c.start, c.end)
  const tails = speechTails(text, p, said)
  const headline = headlineSpeaker(text, p, said, surnamesOf(text, entities))
  if (headline !== null) tails.push(headline)
  // "X is reportedly spending ...": an unnamed report of the clause around the adverb
  tails.push(...reportedClauses(text, p, isCue))
  if (tails.length > 0) {
    for (const t of tails) { drafts.push({ cues: [t.cue], roles: t.roles }); isCue.fill(1, t.cue.start, t.cue.end) }
    drafts.sort((a, b) => a.cues[0].start - b.cues[0].start)
  }
  // the tokens some attribution already holds as content: a second quotation is no one else's
  const taken = new Uint8Array(p.n)
  for (const d of drafts) for (const r of d.roles.content) taken.fill(1, r.start, r.end)
  let prev: { cue: CueTokens; source: CueTokens[] } | null = null
  const found: Found[] = []
  for (const d of drafts) {
    if (d.roles.content.length === 0) continue
    // a speech clause set off by commas inside the sentence, or a second quotation after it
    d.roles = nextQuotation(p, d.cues, clauseAfterParenthetical(p, d.cues[0], clauseBeforeParenthetical(p, d.cues[0], d.roles, isCue), isCue), isCue, taken)
    // the same after a longer speech clause; an unquoted clause before one that closes its sentence
    d.roles = clauseBeforeClosingSpeech(p, d.cues[0], quotationAfterLongClause(p, d.cues, d.roles, isCue, taken), isCue)
    d.roles = withoutTailAfterQuote(p, d.cues, d.roles)
    d.roles = subjectForSource(p, d.cues[0], d.roles)
    // '“...,” Anderson said, adding that Sanders is “...”': the quotation after "adding" is that cue's alone
    d.roles = withoutOthersContent(d.cues, d.roles, drafts)
    // "The Latest: Trump urges ...", "Editor's note: ...": a section label before a colon speaks for no one
    // (none of the 40 such labels in PolNeAR train is a source).
    if (isSectionLabel(text, p, d.cues, d.roles.source)) continue
    // A source is one span; when the tagger proposes several, the one nearest the cue wins.
    let src = d.roles.source
    if (src.length > 1) {
      const c = d.cues[0]
      src = [src.reduce((a, b) => (gap(a, c) <= gap(b, c) ? a : b))]
    }
    // "New information from Ukrainian authorities in July suggested ...": a date is never
    // the one who speaks. A source bound to the wrong speaker is worse than none.
    if (src.length === 1 && isDateOnly(tokens, src[0])) src = []
    // ("KYIV, June 18 - Ukraine's military said": the dateline is no part of who speaks)
    // '..., said Ms. Gil': an inverted speech clause names its speaker after the verb
    const inverted = invertedSubject(p, d.cues[0])
    if (inverted !== null && (src.length === 0 || src[0].end < d.cues[0].start - 1)) {
      src = [inverted]
      // (content the tagger began at that speaker begins after it: "said [Ms. Gil,] with games ...")
      const from = p.punct[inverted.end] === 0 ? inverted.end : inverted.end + 1
      d.roles = { source: d.roles.source, content: d.roles.content.map((r) => (r.start === inverted.start ? { start: from, end: r.end } : r)).filter((r) => r.end > r.start) }
    }
    // "Pigs are considered unclean by Muslims", "[Sanders] said, according to CNN": the agent after the cue speaks
    const agent = src.length === 0 || src[0].end <= d.cues[0].start ? agentAfterCue(p, d.cues) : null
    if (agent !== null) {
      const subject = src.map((r) => conventionalSource(text, p, d.cues[0], r, d.roles.content, isCue))
      d.roles = { source: d.roles.source, content: withoutAgent(d.roles.content, d.cues, agent, subject) }
      src = [agent.agent]
    }
    // "His behavior has angered [the party's top figures]": a verb of feeling speaks for its object, about its subject
    const feeler = src.length === 1 && src[0].end <= d.cues[0].start ? experiencerAfterCue(p, d.cues) : null
    if (feeler !== null) {
      d.roles = { source: d.roles.source, content: [conventionalSource(text, p, d.cues[0], src[0], d.roles.content, isCue)] }
      src = [feeler]
    }
    // "Trump said in August after [Nabisco] announced": the subject of the cue's own clause speaks
    const clause = src.length === 1 ? subordinateSubject(p, d.cues[0]) : null
    if (clause !== null && src[0].end < clause.start) src = [clause]
    // "Sen. Chuck Grassley on Wednesday downplayed": a time between the subject and the verb hides the subject from the tagger
    if (src.length === 0) { const subject = subjectBeforeTime(p, d.cues[0]); if (subject !== null) src = [subject] }
    // "The administration threw a scare into the industry by proposing ...": a gerund after "by", "after", "while" speaks for the clause's subject
    if (src.length === 0) { const subject = gerundSubject(p, d.cues[0]); if (subject !== null) src = [subject] }
    if (src.length === 1) src = [conventionalSource(text, p, d.cues[0], src[0], d.roles.content, isCue)]
    // "X called for ..., saying ...": the participle shares the subject of the clause it
    // hangs on, so its source is the source of the cue before it in the sentence (on
    // PolNeAR train gold, 387 of 426 such cues with a cue before them in the sentence).
    if (prev !== null && prev.source.length === 1 && isParticipleAfterComma(text, p, d.cues[0])
      && p.sent[prev.cue.start] === p.sent[d.cues[0].start]) src = prev.source
    // "He denied X and said Y", "The BBC has confirmed X, but says Y": a verb coordinated
    // with the cue before it shares its subject (train gold: 404 of 464 such cues after a
    // cue with a source in the sentence carry the same source span, 28 none, 14 a subject
    // of their own between the two cues, which is kept).
    else if (prev !== null && prev.source.length === 1 && isCoordinatedCue(p, d.cues[0])
      && p.sent[prev.cue.start] === p.sent[d.cues[0].start]
      && !(src.length === 1 && src[0].start >= prev.cue.end && src[0].end <= d.cues[0].start && isRelativeSubject(p, src[0]))) src = prev.source
    // "Trump went after Bush, calling him ...", "..., and the real estate tycoon launched his
    // bid, calling them rapists": with no cue before it, the participle's source is the
    // subject of the clause it hangs on, never that clause's object.
    else if (isParticipleAfterComma(text, p, d.cues[0])) {
      src = [...participleSource(p, d.cues[0], src, prev !== null && p.sent[prev.cue.start] === p.sent[d.cues[0].start])]
    }
    // "Graham called both Trump and Clinton “crazy” and said ...": with no cue before it in the
    // sentence, a coordinated verb speaks for the subject of the sentence's first verb
    else if (!(prev !== null && prev.source.length === 1 && p.sent[prev.cue.start] === p.sent[d.cues[0].start])) {
      src = [...coordinatedSource(p, d.cues[0], src)]
    }
    // "Promising that ..., Bolton said": a participle opening the sentence speaks for the main clause's subject
    // (and its content ends at the comma before that subject, not in the main clause)
    const opener = openingParticiple(p, d.cues[0], d.roles)
    if (opener !== null) {
      src = [opener.subject]
      const cut = opener.comma
      d.roles = { source: d.roles.source, content: d.roles.content.map((r) => (r.start > d.cues[0].start && r.start < cut && r.end > cut + 1 ? { start: r.start, end: cut } : r)) }
    }
    prev = { cue: d.cues[0], source: src }
    let content = withoutContentBeforeParticiple(p, d.cues[0], d.roles.content).map((q) => {
      const cue = d.cues[0]
      // '“...,” he said': a quotation ends before another speech clause (content-rules.ts)
      const r = beforeInnerSpeechClause(p, q)
      const trimmed = r.start >= cue.end
        ? beforeClosingTime(p, cue, beforeSpeechSetting(p, cue, beforeMainVerb(p, cue, withoutLeadingTime(p, withoutAddressee(p, cue, r)))))
        : quotationBeforeSpeaker(p, cue, withoutDateline(text, p, r))
      // '“... the foremost threat we face.”': a fragment that opens a quotation takes its closing mark
      return withClosingQuote(p, trimmed, isCue)
    })
    // "Reportedly, ...", "a measure known as ...": cues that leave the speaker unsaid
    // (train gold: "reportedly" 14 of 14 without a source, "known as" 6 of 7).
    if (src.length === 1 && isSourcelessCue(text, p, d.cues)) src = []
    // "Asked if ..., Devine replied", "..., he said when asked whether ...": the one asked speaks in another clause
    if (src.length === 1 && isBareAsking(text, p, d.cues)) src = []
    // "Mr. Quiros was accused of ...": the subject of a passive is what is said, not who says
    // it; so is the subject of "seem" and "appear" ("They appear to be unanimous").
    // "Blumenthal was asked, “...”": the one spoken to is neither
    if (isAddresseePassive(p, d.cues[0])) {
      if (src.length === 1 && src[0].end <= d.cues[0].start) src = []
      const said = content.filter((r) => r.end !== d.cues[0].start)
      if (said.length > 0) content = said
    } else if (src.length === 1 && src[0].end <= d.cues[0].start && (isAgentivePassive(p, d.cues[0]) || isRaisingCue(p, d.cues))) {
      content = [src[0], ...content.filter((r) => r.end <= src[0].start || r.start >= src[0].end)].sort((a, b) => a.start - b.start)
      src = []
    }
    // "The minister was told by aides that ...": the agent speaks, the subject is only spoken to
    const addressed = addressedByAgent(p, d.cues)
    if (addressed !== null) {
      const { agent, complement } = addressed
      const cue = d.cues[0]
      if (src.length === 0 || src[0].end <= agent.start || src[0].start >= agent.end) src = [agent]
      content = content
        .filter((r) => r.end > cue.start)
        .map((r) => (r.start < agent.end && r.end > agent.end && complement !== null ? { start: complement, end: r.end } : r))
        .filter((r) => r.start >= agent.end && r.end > r.start)
      if (content.length === 0 && complement !== null) content = [toSentenceEnd(p, complement)]
    }
    // "It seems [...]": an "it" that stands for the clause said is no content (content-rules.ts)
    found.push({ cues: d.cues, source: src, content: predicateAfterRelative(p, d.cues, src, withoutAsideAfterAccordingTo(p, d.cues, withoutExpletiveIt(p, d.cues, content)), isCue) })
  }
  // a quotation paragraph no attribution holds is the one's before it; a quotation left open runs to its close;
  // fragments with only a mark between them are one (content-rules.ts)
  for (const a of joinedAcrossMarks(p, quotationsToTheirClose(p, orphanQuotations(p, withoutClausesThatSpeak(p, withoutNestedCues(p, anonymityFormulas(p, found))))))) {
    const cues = a.cues.map((r) => conventionalCue(p, r, [...a.source, ...a.content]))
    const content = withoutCueTokens(a.content, cues)
    if (content.length === 0) continue
    const sourceEntity = a.source.length === 0 ? null : resolveSource(text, p, a.source[0], entities, named, a.content)
    out.push({
      source: a.source.map((r) => toChars(tokens, r)),
      cue: cues.map((r) => toChars(tokens, r)),
      content: content.map((r) => toChars(tokens, r)),
      kind: kindOf(p, content),
      sourceEntity,
    })
    if (sourceEntity !== null) named.add(sourceEntity)
  }
  const ruled = [...findSignatures(text, out), ...findSpeakerTurns(text, entities, out)]
  if (ruled.length === 0) return out
  return [...out, ...ruled].sort((a, b) => a.cue[0].start - b.cue[0].start)
}

/**
 * The content of a cue whose source is the agent after it (`agentAfterCue`): no fragment runs
 * into the agent, and the subject the tagger took for the source (`before`, when it lies before
 * the cue) is content, as the subject of an agentless passive is. After a passive cue, what lies
 * between the cue and "by" is no content ("Cruz was also endorsed the day before by ...": gold's
 * content is "Cruz"); after "according to", the subject joins the content only where it touches
 * a fragment ("Mr. Altman has accumulated ...").
 */
function withoutAgent(content: readonly CueTokens[], cues: readonly CueTokens[], found: { agent: CueTokens; by: number | null }, before: readonly CueTokens[]): CueTokens[] {
  const { agent, by } = found
  const cueEnd = cues[cues.length - 1].end
  const out: CueTokens[] = []
  for (const r of content) {
    if (by !== null && r.start >= cueEnd && r.start <= agent.end) {
      if (r.end > agent.end) out.push({ start: agent.end, end: r.end })
    } else if (r.start >= agent.start && r.start < agent.end) {
      if (r.end > agent.end) out.push({ start: agent.end, end: r.end })
    } else if (r.start < agent.start && r.end > agent.start) out.push({ start: r.start, end: by ?? agent.start })
    else out.push(r)
  }
  const subject = before.length === 1 && before[0].end <= cues[0].start ? before[0] : null
  if (subject !== null && (by !== null || out.some((r) => r.start === subject.end || r.end === subject.start))) out.push(subject)
  out.sort((a, b) => a.start - b.start)
  const merged: CueTokens[] = []
  for (const r of out) {
    const last = merged[merged.length - 1]
    if (last !== undefined && last.end >= r.start) merged[merged.length - 1] = { start: last.start, end: Math.max(last.end, r.end) }
    else merged.push(r)
  }
  return merged.filter((r) => r.end > r.start)
}

/** An attribution in tokens, its roles final. */
interface Found { readonly cues: readonly CueTokens[]; readonly source: readonly CueTokens[]; readonly content: readonly CueTokens[] }

const overlapsAny = (a: readonly CueTokens[], b: readonly CueTokens[]) => a.some((x) => b.some((y) => x.start < y.end && y.start < x.end))

/**
 * PolNeAR never puts a cue inside another attribution's content: in train, 0 of the 19,868
 * cues of the first annotators and 0 of the 2,633 of the others overlap another
 * attribution's content (nested speech, "X said the Times reported Y", is marked as one
 * attribution or as two side by side, never one inside the other). Where the taggers
 * nest them, the inner cue is the wrong one about three times in four (held-out train,
 * seed 1: 324 of 1,175 right, against 870 of the outer ones), so an attribution whose cue
 * lies in another's content is dropped, unless that one's cue lies in its content too
 * (two speech clauses that each run over the other: the taggers' conflict, left as it is),
 * or its cue is a verb of saying ("The NIS told lawmakers that ..., Yonhap reported"),
 * which is right about half the time there (seed 1: 81 of 175 "say") and names the
 * speaker a figure comes from, or "cite", "suggest", "praise" (`NESTED_KEPT`).
 */
export function withoutNestedCues(p: Prepared, found: readonly Found[]): Found[] {
  const cut = beforeTrailingAccordingTo(p, found)
  return cut.filter((a) => isSaying(p, a.cues, NESTED_KEPT)
    || !cut.some((b) => b !== a && overlapsAny(a.cues, b.content) && !overlapsAny(b.cues, a.content)))
}

/**
 * "Health authorities in Sudan have reported 658 cases, including 28 deaths, [according to] the
 * World Health Organization (WHO).": a content that runs over ", according to X" in its
 * sentence ends before the comma, and both attributions stay ("according to" is no verb of
 * saying, so `withoutNestedCues` would drop it and give the figures to the inner speaker).
 */
function beforeTrailingAccordingTo(p: Prepared, found: readonly Found[]): Found[] {
  let out: Found[] | null = null
  for (const b of found) {
    const c = b.cues[0]
    if (b.cues.length !== 1 || c.end - c.start !== 2 || !ACCORDING_LEMMAS.has(p.tokens.lemma[c.start].toLowerCase()) || c.start < 1 || p.punct[c.start - 1] !== P_COMMA) continue
    for (let i = 0; i < found.length; i++) {
      const a = (out ?? found)[i]
      if (a === b || b.content.length === 0 || !overlapsAny(b.cues, a.content) || overlapsAny(a.cues, b.content)) continue
      const content = a.content.map((r) => (r.start < c.start && r.end > c.start && p.sent[r.end - 1] === p.sent[c.start] ? { start: r.start, end: c.start - 1 } : r))
        .filter((r) => r.end > r.start)
      if (content.some((r) => r.start < c.end && c.start < r.end)) continue
      out ??= [...found]
      out[i] = { ...a, content }
    }
  }
  return out ?? [...found]
}

const CLAUSE_RELATIVES = new Set(['who', 'whom', 'which'])

/**
 * "said Lionel Sosa, a media consultant who said he would not vote for Mr. Cruz", "Harvey, who
 * acknowledged Trump was his fourth choice, said": a relative clause that holds another
 * attribution's cue of saying is that attribution's, not part of this source, which ends
 * before the relative pronoun (and before its comma unless the source keeps an inner one,
 * as `closingComma` has it). PolNeAR train gold: sources next to a ", who/which" clause
 * stop before it 110 times when the clause holds a gold cue, and take it in 0 times (with no
 * cue in the clause they take it in 268 times and stop 97). Only verbs of saying: the
 * other cues the taggers find in such clauses ("who endorsed Mr. Rubio", "who supports
 * Mrs. Clinton") are mostly no gold cues, and the clause then belongs to the source.
 */
export function withoutClausesThatSpeak(p: Prepared, found: readonly Found[]): Found[] {
  return found.map((a) => {
    if (a.source.length !== 1) return a
    const src = a.source[0]
    let cut = src.end
    for (const b of found) {
      if (b === a || b.cues.length === 0) continue
      const c = b.cues[0]
      // (where the cue lies first: a cheap test, and this loop runs for every pair)
      if (c.start <= src.start || c.end > src.end || !isSaying(p, b.cues)) continue
      for (let w = src.start + 1; w < c.start && w < cut; w++) {
        if (CLAUSE_RELATIVES.has(p.tokens.lemma[w])) { cut = w; break }
      }
    }
    if (cut === src.end) return a
    let end = p.punct[cut - 1] === P_COMMA ? cut - 1 : cut
    let inner = false
    for (let i = src.start; i < end; i++) if (p.punct[i] === P_COMMA) inner = true
    if (inner && end < cut) end = cut
    return end > src.start ? { ...a, source: [{ start: src.start, end }] } : a
  })
}

// Verbs of saying: a nested cue of one of these stays (withoutNestedCues).
const SAYING = new Set(['say', 'tell', 'report', 'announce', 'add', 'state', 'stress', 'write', 'explain', 'argue', 'insist', 'note', 'claim', 'warn', 'confirm', 'estimate'])

// A nested cue of these stays too: where withoutNestedCues would drop them they are gold cues more
// than break-even (about a third) of the time on held-out train, both seeds together: "cite" 12 of
// 15, "suggest" 14 of 34, "praise" 7 of 15 ("The report, which cites two officials, says ...").
const NESTED_KEPT = new Set([...SAYING, 'cite', 'suggest', 'praise'])

/**
 * Whether a word of the cue is a verb of saying: its lemma, or the stem of an -ing form the
 * POS tagger read as a noun ("Save the Children said, warning that ...").
 */
function isSaying(p: Prepared, cues: readonly CueTokens[], words: ReadonlySet<string> = SAYING): boolean {
  for (const c of cues) {
    for (let i = c.start; i < c.end; i++) {
      const l = p.tokens.lemma[i]
      if (words.has(l)) return true
      if (l.endsWith('ing') && (words.has(l.slice(0, -3)) || words.has(`${l.slice(0, -3)}e`))) return true
    }
  }
  return false
}

/** Tokens from `from` to the end of its sentence, without a final mark outside a quotation. */
function toSentenceEnd(p: Prepared, from: number): CueTokens {
  let end = p.sentences[p.sent[from]].tokenEnd
  if (end - 1 > from && p.punct[end - 1] === P_FINAL && p.quote[end - 1] === 0) end--
  return { start: from, end }
}

/** The last words of the people the entities layer names with two words or more ("Erdogan" of "Tayyip Erdogan"). */
function surnamesOf(text: string, entities: readonly Entity[]): Set<string> {
  const out = new Set<string>()
  for (const e of entities) {
    if (e.type !== 'PERSON' && e.type !== 'OTHER') continue
    const words = text.slice(e.start, e.end).split(/\s+/)
    // "Ghaithi" of "Abdulmenam al-Ghaithi"
    if (words.length >= 2 && (e.type === 'PERSON' || looksLikePersonName(words))) out.add(words[words.length - 1].replace(PARTICLE_PREFIX, ''))
  }
  return out
}

/** Whether token i may lie between two content pieces that are one: the cue, a mark, a source token. */
function isFiller(p: Prepared, cue: CueTokens, source: readonly CueTokens[], i: number): boolean {
  return (i >= cue.start && i < cue.end) || p.punct[i] !== 0 || p.quote[i] >= Q_OPEN || source.some((s) => i >= s.start && i < s.end)
}

/**
 * Keep content that PolNeAR would mark as one attribution's: adjacent chunks are one
 * fragment; besides the chunk nearest the cue, only quoted chunks or chunks separated
 * from it by nothing but the cue, the source and punctuation survive ("“A,” he said,
 * “B.”"). The tagger otherwise strays into neighbouring clauses. An "according to" source
 * run over its comma, with no content, is cut there first (`clauseAfterAccordingTo`), and
 * content that stops short of the comma before its source runs on to it (`contentToSourceComma`);
 * a relative clause on an appositive after the cue is no content (`withoutAppositiveRelative`).
 */
export function tidyRoles(p: Prepared, cue: CueTokens, tagged: RoleSpans, isCue: Uint8Array): RoleSpans {
  const roles = contentToSourceComma(p, withoutAppositiveRelative(p, cue, clauseAfterAccordingTo(p, cue, tagged)), isCue)
  if (roles.content.length < 2) return roles
  const merged: CueTokens[] = []
  for (const r of roles.content) {
    const last = merged[merged.length - 1]
    if (last !== undefined && last.end === r.start) merged[merged.length - 1] = { start: last.start, end: r.end }
    else merged.push(r)
  }
  const primary = merged.reduce((a, b) => (gap(a, cue) <= gap(b, cue) ? a : b))
  const isQuoted = p.quote[primary.start] === Q_OPEN
  const content = merged.filter((r) => {
    if (r === primary) return true
    if (p.quote[r.start] === Q_OPEN) return true
    // The other pieces of a quotation are quotations too.
    if (isQuoted) return false
    const from = r.end <= primary.start ? r.end : primary.end
    const to = r.end <= primary.start ? primary.start : r.start
    for (let i = from; i < to; i++) if (!isFiller(p, cue, roles.source, i)) return false
    return true
  })
  return { source: roles.source, content }
}

function gap(a: CueTokens, b: CueTokens): number {
  return a.end <= b.start ? b.start - a.end : a.start >= b.end ? a.start - b.end : 0
}

/**
 * The stage that assigns `attributions`. It reads `entities` for source names when that
 * layer has mentions, and works from POS alone when it is empty. `cueFilter` defaults to
 * the committed one (`CLAIMTRAIL_CUE_FILTER` names another file, or "none", for experiments),
 * and so does `ranker`, the content boundary ranker (null: the role tagger's boundaries).
 *
 * @example
 * const stage = attributionsStage(loadAttributionModel())
 * const doc = stage.run(tokensStage(nlp).run(Doc.create(text, { id: 'a' })).withLayer('entities', []))
 */
export function attributionsStage(
  model: AttributionModel, cueFilter: CueFilter | null = defaultCueFilter(), ranker: EndRanker | null = defaultEndRanker(),
): Stage {
  // Decoding buffers live as long as the stage: reusing them spares the garbage collector
  // a few arrays per document. Runs are synchronous, so no two documents share them at once.
  // The cue filter and the ranker are read here, when the stage is built, so a missing or
  // damaged file is an error at start-up rather than in every document.
  const scratch = new Scratch()
  return defineStage({
    name: 'attributions', requires: ['tokens', 'sentences', 'entities'], assigns: ['attributions'],
    run: (doc) => doc.withLayer('attributions', extractAttributions(
      model, doc.text, doc.get('tokens'), doc.get('sentences'), doc.get('entities'), scratch, cueFilter, ranker,
    )),
  })
}
