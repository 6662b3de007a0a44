import { test } from 'node:test'
import assert from 'node:assert/strict'
import { POS_TAGS } from '../../model/doc.ts'
import { softLineBreaks } from './line-breaks.ts'
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

test('characters wink drops (a byte-order mark inside the text, line and paragraph separators, the ideographic space) do not shift the offsets after them', () => {
  for (const mark of ['\ufeff', '\u2028', '\u2029', '\u3000']) {
    const text = `Read more${mark}Also on HuffPost, officials said 300 people died.`
    const { tokens } = tokenize(nlp, text)
    const words: string[] = []
    for (let i = 0; i < tokens.count; i++) words.push(text.slice(tokens.start[i], tokens.end[i]))
    assert.deepEqual(words.slice(2, 6), ['Also', 'on', 'HuffPost', ','], JSON.stringify(mark))
    assert.equal(words.at(-2), 'died')
  }
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

const words = (text: string) => {
  const { tokens } = tokenize(nlp, text)
  return Array.from({ length: tokens.count }, (_, i) => text.slice(tokens.start[i], tokens.end[i]))
}
const sentenceTexts = (text: string) => tokenize(nlp, text).sentences.map((s) => text.slice(s.start, s.end))

test('abbreviations wink cuts apart are one token, with their period', () => {
  const text = 'Rep. Joseph Crowley (D-N.Y.) and Sen. Bernie Sanders (I-Vt.), R-Wis., a Ph.D. student and Sens. Ted Cruz'
  const w = words(text)
  for (const a of ['N.Y.', 'Vt.', 'Wis.', 'Ph.D.', 'Sens.', 'Rep.', 'Sen.']) assert.ok(w.includes(a), a)
  assert.ok(!w.includes('.'))
  const { tokens } = tokenize(nlp, text)
  const ny = w.indexOf('N.Y.')
  assert.equal(tokens.lemma[ny], 'n.y.')
  assert.equal(POS_TAGS[tokens.pos[ny]], 'PROPN')
  // a word that is no abbreviation keeps its own period, also inside brackets
  assert.deepEqual(words('(He won in Iowa.) Then he left.').slice(4, 6), ['Iowa', '.'])
})

test('false sentence splits at abbreviations are merged', () => {
  for (const text of [
    'Rep. Joseph Crowley (D-N.Y.) said it would pass.',
    'Sen. Bernie Sanders (I-Vt.) repeated his call.',
    'Sen. Bernie Sanders (I-Vt.), who won, spoke.',
    'Speaker Paul Ryan, R-Wis., said so.',
    'He attacked his rivals, particularly Sens. Ted Cruz and Marco Rubio.',
    'The march was led by the Rev. Al Sharpton on Sunday.',
    'John F. Kennedy and George W. Bush spoke.',
    'Gov. Brown, Gen. Smith, Lt. Dan, Dr. Who, Mr. X and Mrs. Y met at St. Paul on Jan. 5.',
    'Apple Inc. and Acme Corp. and Smith Co. said he is No. 2 at 9 a.m. in the U.S. Senate.',
    'It grew 3.5 percent to $1.5 billion.',
  ]) assert.deepEqual(sentenceTexts(text), [text], text)
})

test('a quotation wink cuts from its speech verb or closing mark is one sentence', () => {
  assert.deepEqual(sentenceTexts('“Is it fun?” he asked. “Yes!” she said.'), ['“Is it fun?” he asked.', '“Yes!” she said.'])
  assert.deepEqual(sentenceTexts("They said it was ''wrong.'' Then it was ''right.''"),
    ["They said it was ''wrong.''", "Then it was ''right.''"])
  assert.deepEqual(sentenceTexts('He said, ‘Pray for him.’” Then he left.'), ['He said, ‘Pray for him.’”', 'Then he left.'])
})

test('true sentence ends after an abbreviation stay', () => {
  assert.deepEqual(sentenceTexts('He moved to the U.S. He loved it.'), ['He moved to the U.S.', 'He loved it.'])
  assert.deepEqual(sentenceTexts('The polls close at 7 p.m. He says it is late.'), ['The polls close at 7 p.m.', 'He says it is late.'])
  assert.deepEqual(sentenceTexts('The polls close at 7 p.m. Tuesday.'), ['The polls close at 7 p.m. Tuesday.'])
  assert.deepEqual(sentenceTexts('The ranch is in Hereford, Ariz. It is a farm.'), ['The ranch is in Hereford, Ariz.', 'It is a farm.'])
  assert.deepEqual(sentenceTexts('Apple sold more. iPhone sales rose.'), ['Apple sold more.', 'iPhone sales rose.'])
  assert.deepEqual(sentenceTexts('It was visionary and courageous...For example, it grew.'), ['It was visionary and courageous...', 'For example, it grew.'])
  // after an abbreviation the tokens stage joined itself, and after a glued name
  assert.deepEqual(sentenceTexts('He got his Ph.D. Then he left.'), ['He got his Ph.D.', 'Then he left.'])
  assert.deepEqual(sentenceTexts('He is a Democrat from D-N.Y. He spoke.'), ['He is a Democrat from D-N.Y.', 'He spoke.'])
  assert.deepEqual(sentenceTexts('I spoke with Li.He was calm.'), ['I spoke with Li.', 'He was calm.'])
  // a line break still ends a sentence, whatever follows
  assert.deepEqual(sentenceTexts('Sen. Bernie Sanders (I-Vt.)\nrepeated it.'), ['Sen. Bernie Sanders (I-Vt.)', 'repeated it.'])
})

test('a lone capital and its period end a sentence before a word that opens one, not inside a name', () => {
  assert.deepEqual(sentenceTexts('The update was posted on X. The agency confirmed 80 deaths.'),
    ['The update was posted on X.', 'The agency confirmed 80 deaths.'])
  assert.deepEqual(sentenceTexts('They chose Plan B. He said it would work.'), ['They chose Plan B.', 'He said it would work.'])
  assert.deepEqual(sentenceTexts('It was signed by John F. Kennedy in 1963.'), ['It was signed by John F. Kennedy in 1963.'])
  assert.deepEqual(sentenceTexts('Harry S. Truman and George W. Bush were presidents.'), ['Harry S. Truman and George W. Bush were presidents.'])
})

test('hard-wrapped text: a line break inside a paragraph is a space, a blank line ends the paragraph', () => {
  const text = 'RUSSIA LOSSES\nRussian forces have lost about 600 soldiers in the past\nday, the General Staff said on Monday, adding that 40\ndrones were shot down overnight.\n\nThe ministry said 12 people\nwere killed.\n'
  const { sentences } = tokenize(nlp, text)
  const texts = sentences.map((s) => text.slice(s.start, s.end))
  assert.deepEqual(texts, [
    'RUSSIA LOSSES',
    'Russian forces have lost about 600 soldiers in the past\nday, the General Staff said on Monday, adding that 40\ndrones were shot down overnight.',
    'The ministry said 12 people\nwere killed.',
  ])
  // the headline, the first wrapped paragraph and the second are three paragraphs
  assert.deepEqual(sentences.map((s) => s.paragraph), [0, 1, 2])
})

test('news with one paragraph to a line is not hard-wrapped: every line break still ends a paragraph', () => {
  const text = 'Russia says 600 soldiers killed\nRussian forces lost 600 soldiers, the General Staff said.\nThe ministry said 12 people were killed.\nOfficials gave no details.\n'
  assert.equal(softLineBreaks(text), null)
  assert.deepEqual(tokenize(nlp, text).sentences.map((s) => s.paragraph), [0, 1, 2, 3])
  // nor is a text with a line over 120 characters
  assert.equal(softLineBreaks(`${'word '.repeat(30)}\nmore words here\nand more\nand more`), null)
})

test("lemmas kept from earlier documents are wink's own, contractions and possessives included", () => {
  const nlp = loadWink()
  const texts = [
    "He's gone home, and it's cold. Let's go, she'd said; they've won and we'll see.",
    "John's car is the team's. Trump's been there, he's been there. The officials said the troops were killed.",
    "Officials say the troop was killed; she'd go. The union's figures were disputed by the company's managers.",
  ]
  // Each text read in both orders: a lemma remembered from the first reading must be what
  // wink gives for the token in the second.
  for (const order of [texts, [...texts].reverse()]) {
    for (const text of order) {
      const { tokens } = tokenize(nlp, text)
      const wdoc = nlp.readDoc(text)
      const wink = new Map<number, string>()
      let offset = 0
      const values = wdoc.tokens().out() as string[]
      const spaces = wdoc.tokens().out(nlp.its.precedingSpaces) as string[]
      const lemmas = wdoc.tokens().out(nlp.its.lemma as Parameters<ReturnType<typeof wdoc.tokens>['out']>[0]) as string[]
      for (let i = 0; i < values.length; i++) { offset += spaces[i].length; wink.set(offset, lemmas[i].toLowerCase()); offset += values[i].length }
      for (let i = 0; i < tokens.count; i++) assert.equal(tokens.lemma[i], wink.get(tokens.start[i]), `${text} @${tokens.start[i]}`)
    }
  }
})

test('a document tokenizes the same whatever the process read before it', () => {
  const words = (text: string) => {
    const { tokens } = tokenize(nlp, text)
    return Array.from({ length: tokens.count }, (_, i) => text.slice(tokens.start[i], tokens.end[i])).join('|')
  }
  const text = "Mr. O'Neill's campaign and Vance's aides said Kovacs's plan had failed."
  const alone = words(text)
  assert.match(alone, /O'Neill\|'s\|campaign/)
  // each possessive once whole before a mark, as it ends a sentence or a quotation
  words("It was O'Neill's. The plan was Vance's, not “Kovacs's” own; Kovacs's-style.")
  assert.equal(words(text), alone)
})

test('a letter wink does not know ("ğ", "č", "ł") does not split its word; contractions stay apart', () => {
  const text = 'Recep Erdoğan met Andrej Babiš in Łódź, and Mr Šefčovič said he didn\'t.'
  const { tokens } = tokenize(nlp, text)
  const words: string[] = []
  const tags: string[] = []
  for (let i = 0; i < tokens.count; i++) {
    words.push(text.slice(tokens.start[i], tokens.end[i]))
    tags.push(POS_TAGS[tokens.pos[i]])
  }
  for (const name of ['Erdoğan', 'Babiš', 'Łódź', 'Šefčovič']) {
    const i = words.indexOf(name)
    assert.ok(i >= 0, `${name} is one token: ${words.join(' ')}`)
    assert.equal(tags[i], 'PROPN', name)
    assert.equal(tokens.lemma[i], name.toLowerCase())
  }
  assert.ok(words.includes('did') && words.includes('n\'t'))
})

// Offsets are read from the text by the run of wink's spaces before each token (space,
// no-break space, the typographic spaces): each token's offsets still cover its own text.
test('token offsets across no-break and typographic spaces, tabs and line breaks', () => {
  const text = 'Officials\u00a0said  4,000\u2003troops\u2009were\tsent.\r\nThe\u202fU.S.\u205fagreed \u00a0 \n\n“It’s done,” he said.  '
  const { tokens } = tokenize(nlp, text)
  const words: string[] = []
  for (let t = 0; t < tokens.count; t++) words.push(text.slice(tokens.start[t], tokens.end[t]))
  assert.deepEqual(words, ['Officials', 'said', '4,000', 'troops', 'were', 'sent', '.', 'The', 'U.S.', 'agreed', '“', 'It', '’s', 'done', ',', '”', 'he', 'said', '.'])
})

test('tokenize refuses a wink-nlp instance whose model does not hand over its document data, rather than return no tokens', async () => {
  const { default: winkNLP } = await import('wink-nlp')
  const { default: model } = await import('wink-eng-lite-web-model')
  assert.throws(() => tokenize(winkNLP(model, ['sbd', 'pos']), 'Officials said 300 people died.'), /document data/)
})

test('lemmas read through the memo are those wink gives, for a word seen under two tags and for contractions', () => {
  const text = 'They can’t say that. That is what they said, and that\'s that. I can\'t and won\'t. Saying it, she says it.'
  const fresh = tokenize(nlp, text)
  // a second pass reads every lemma from the memo
  const again = tokenize(nlp, text)
  assert.deepEqual(again.tokens.lemma, fresh.tokens.lemma)
  const words: string[] = []
  for (let i = 0; i < again.tokens.count; i++) words.push(text.slice(again.tokens.start[i], again.tokens.end[i]))
  assert.equal(again.tokens.lemma[words.indexOf('said')], 'say')
  assert.equal(again.tokens.lemma[words.indexOf('says')], 'say')
})
