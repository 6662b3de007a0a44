/**
 * Build the given-name lexicon (`models/attribution/given-names.json`): which given names
 * PolNeAR train's articles give to men and which to women. Each article votes once per
 * person it names in full and genders itself ("Mr."/"Mrs."/"Ms." before a mention, or
 * more "he"/"his" than "she"/"her" after them: the same evidence the pronoun resolver
 * reads); a name enters the lexicon with at least `--min` votes, `--agree` of them for one
 * gender. The resolver falls back on it when an article says nothing of a person's gender
 * ("Amanda Carpenter, a former aide to Sen. Ted Cruz ... she"). Deterministic.
 *
 *   node --import tsx src/stages/attributions/train-given-names.ts [--data ../shared/data/polnear/train]
 *     [--out models/attribution/given-names.json] [--min 3] [--agree 0.8]
 */
import { writeFileSync } from 'node:fs'
import { parseArgs } from 'node:util'
import { Doc } from '../../model/doc.ts'
import { loadPolnearSplit } from '../../eval/polnear.ts'
import { findEntities, loadGazetteer } from '../entities/entities.ts'
import { loadWink, tokenize } from '../tokens/tokens.ts'
import { prepare } from './features.ts'
import { givenNameVotes } from './sources.ts'

const { values } = parseArgs({
  options: {
    data: { type: 'string', default: '../shared/data/polnear/train' },
    out: { type: 'string', default: new URL('../../../models/attribution/given-names.json', import.meta.url).pathname },
    min: { type: 'string', default: '3' },
    agree: { type: 'string', default: '0.8' },
    // passed by train.ts to every step; the lexicon has no randomness
    seed: { type: 'string' },
  },
})
const GIVEN = /^\p{Lu}\p{Ll}+$/u
const nlp = loadWink()
const gazetteer = loadGazetteer()
const votes = new Map<string, [number, number]>()
const docs = loadPolnearSplit(values.data!)
for (const d of docs) {
  const { tokens, sentences } = tokenize(nlp, d.text)
  const doc = Doc.create(d.text, { id: d.name }).withLayer('tokens', tokens).withLayer('sentences', sentences)
  const entities = findEntities(doc, gazetteer)
  const seen = new Set<string>()
  for (const [name, gender] of givenNameVotes(d.text, prepare(d.text, tokens, sentences), entities)) {
    if (!GIVEN.test(name) || seen.has(name)) continue
    seen.add(name)
    const v = votes.get(name) ?? [0, 0]
    v[gender === 'm' ? 0 : 1]++
    votes.set(name, v)
  }
}
const min = Number(values.min)
const agree = Number(values.agree)
const m: string[] = []
const f: string[] = []
for (const [name, [men, women]] of [...votes].sort((a, b) => (a[0] < b[0] ? -1 : 1))) {
  if (men + women < min) continue
  if (men >= agree * (men + women)) m.push(name)
  else if (women >= agree * (men + women)) f.push(name)
}
writeFileSync(values.out!, `${JSON.stringify({ source: `PolNeAR ${values.data}, ${docs.length} articles, min ${min} votes, agreement ${agree}`, m, f }, null, 1)}\n`)
console.log(`${docs.length} articles, ${votes.size} given names with votes; wrote ${m.length} men's and ${f.length} women's names to ${values.out}`)
