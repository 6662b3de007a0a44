import { test } from 'node:test'
import assert from 'node:assert/strict'
import { Doc } from '../../model/doc.ts'
import { findEntities, loadGazetteer } from '../entities/entities.ts'
import { loadWink, tokenize } from '../tokens/tokens.ts'
import { prepare } from './features.ts'
import { resolveSource } from './sources.ts'

const nlp = loadWink()
const gazetteer = loadGazetteer()

/**
 * The name that the `nth` occurrence of `source` resolves to, with the real entities layer
 * and `named` the names of sources before it (what the attribution stage passes).
 */
function resolve(text: string, source: string, named: readonly string[] = [], nth = 0, content?: string): string | null {
  const { tokens, sentences } = tokenize(nlp, text)
  const doc = Doc.create(text, { id: 't' }).withLayer('tokens', tokens).withLayer('sentences', sentences)
  const entities = findEntities(doc, gazetteer)
  const p = prepare(text, tokens, sentences)
  let at = -1
  for (let i = 0; i <= nth; i++) at = text.indexOf(source, at + 1)
  assert.ok(at >= 0, `"${source}" not in the text`)
  let start = 0
  while (tokens.start[start] < at) start++
  let end = start
  while (end < tokens.count && tokens.end[end] <= at + source.length) end++
  const spoken = []
  if (content !== undefined) {
    const c = text.indexOf(content)
    let cs = 0
    while (tokens.start[cs] < c) cs++
    let ce = cs
    while (ce < tokens.count && tokens.end[ce] <= c + content.length) ce++
    spoken.push({ start: cs, end: ce })
  }
  return resolveSource(text, p, { start, end }, entities, new Set(named), spoken)
}

test('a person noun ("the mayor") resolves to a person, not to the nearest body or place', () => {
  const text = 'Mayor Olena Hrytsenko toured the district of Kupiansk. "We counted 83 destroyed buildings," the mayor said.'
  assert.equal(resolve(text, 'the mayor'), 'Olena Hrytsenko')
})

test('a nominal prefers the name that holds its head word over a nearer place', () => {
  const text = "Britain's Ministry of Defence estimated that Russia has suffered about 950 casualties a day. The ministry added that 70 systems were lost."
  assert.equal(resolve(text, 'The ministry', ['UK Ministry of Defence']), 'UK Ministry of Defence')
  const unknown = 'Flooding has killed 37 people, the Ministry of Emergency Situations said. The ministry said 1,200 homes were damaged.'
  assert.equal(resolve(unknown, 'The ministry', ['Ministry of Emergency Situations']), 'Ministry of Emergency Situations')
})

test('"It" prefers the body that spoke before over a place the figure is about', () => {
  const text = "Ukraine's General Staff said Russian forces had lost 1,340 personnel. It said 12 tanks were destroyed."
  assert.equal(resolve(text, 'It', ['General Staff of the Armed Forces of Ukraine']), 'General Staff of the Armed Forces of Ukraine')
})

test('"He" takes a name the entities stage could not type when it reads as a person\'s', () => {
  const text = 'Andriy Bondar, a spokesman for the eastern command, said troops had repelled 46 attacks. He said 19 soldiers were wounded.'
  assert.equal(resolve(text, 'He', ['Andriy Bondar']), 'Andriy Bondar')
  // two or more capitalised words with no word of a body or place: a person, spoken or not
  assert.equal(resolve(text, 'He'), 'Andriy Bondar')
  // a body, a place and a heading are not
  const body = 'The Regional Council met on Monday. He said 19 soldiers were wounded.'
  assert.equal(resolve(body, 'He'), null)
  const place = 'Floods hit South Florida on Monday. He said 19 homes were lost.'
  assert.equal(resolve(place, 'He'), null)
  const heading = 'Gender Equality.\n\nHe said the gap goes on.'
  assert.equal(resolve(heading, 'He'), null)
})

test('"she" does not take the man the article calls "he", nor a name inside her own quote', () => {
  const text = 'Mr. Tom Avery spoke first, and he was brief. Then Dana Ruiz rose. Tom Avery sat down. She said the plan was late.'
  assert.equal(resolve(text, 'She'), 'Dana Ruiz')
  const quoted = 'Dana Ruiz took the stage after lunch. "Tom Avery is wrong," she said.'
  assert.equal(resolve(quoted, 'she', [], 0, '"Tom Avery is wrong,"'), 'Dana Ruiz')
})

test('"who" is the name right before it, or none', () => {
  const text = 'The rally drew Jane Holt, who said 40 buses came. Listeners who said they were angry called in.'
  assert.equal(resolve(text, 'who'), 'Jane Holt')
  assert.equal(resolve(text, 'who', [], 1), null)
})

test('an antecedent more than three sentences back is not taken', () => {
  const text = 'Mayor Olena Hrytsenko spoke. The river rose. The town flooded. Roads closed. Schools shut. The mayor said 40 homes were lost.'
  assert.equal(resolve(text, 'The mayor'), null)
})

test('"the ministry", "the court" stand only for a body whose name says so', () => {
  const other = 'The UN refugee agency said 3,000 people had fled. The ministry put the death toll at 87.'
  assert.equal(resolve(other, 'The ministry', ['UN refugee agency']), null)
  const same = 'The Russian Defence Ministry said 40 drones were downed. The ministry said the attack had failed.'
  assert.equal(resolve(same, 'The ministry'), 'Russian Ministry of Defence')
  // a kind's other names: an army's "Defense Forces"
  const idf = 'The Israel Defense Forces said 20 rockets were fired. The army said most were intercepted.'
  assert.equal(resolve(idf, 'The army'), 'Israel Defense Forces')
})

test('with no word of the article on their gender, a given name tells "she" from "he" (given-names.json)', () => {
  const text = 'Mary Cole and Jeff Stone met voters in Ohio. The crowd cheered. She said the plan would work.'
  assert.equal(resolve(text, 'She'), 'Mary Cole')
  const him = 'Jeff Stone and Mary Cole met voters in Ohio. The crowd cheered. He said the plan would work.'
  assert.equal(resolve(him, 'He'), 'Jeff Stone')
})

test('a person\'s gender is their own, not their surname\'s ("Ivanka Trump" beside "Mr. Trump")', () => {
  const text = 'Ivanka Trump and Donald Trump toured the plant. Mr. Trump waved to the crowd. Later, she said the plan would help mothers.'
  assert.equal(resolve(text, 'she'), 'Ivanka Trump')
})
