import { test } from 'node:test'
import assert from 'node:assert/strict'
import { Doc } from '../../model/doc.ts'
import type { Attribution, CharSpan } from '../../model/types.ts'
import { loadWink, tokensStage } from '../tokens/tokens.ts'
import { attributionsStage, loadAttributionModel } from './attributions.ts'
import {
  anonymityFormulas, beforeClosingTime, beforeInnerSpeechClause, beforeSpeechSetting, clauseBeforeClosingSpeech, joinedAcrossMarks, orphanQuotations, quotationAfterLongClause, quotationsToTheirClose, withoutAsideAfterAccordingTo, withoutContentBeforeParticiple, withoutExpletiveIt, predicateAfterRelative,
} from './content-rules.ts'
import { preparedText } from './test-helpers.ts'
import type { CueTokens } from './taggers.ts'

const nlp = loadWink()
const stage = attributionsStage(loadAttributionModel())
const tokens = tokensStage(nlp)

const prepared = (text: string) => preparedText(nlp, text)

function analyse(text: string): { doc: Doc; atts: readonly Attribution[] } {
  const doc = stage.run(tokens.run(Doc.create(text, { id: 't' })).withLayer('entities', []))
  return { doc, atts: doc.get('attributions') }
}

const join = (doc: Doc, fs: readonly CharSpan[]) => fs.map((f) => doc.slice(f)).join(' … ')

test('a second quotation after a long speech clause (commas, a participle) is the same attribution\'s', () => {
  const run = (text: string, cue: string, others: string[] = [], taken: string[] = []) => {
    const { p, at, read } = prepared(text)
    const mark = (parts: string[]) => {
      const m = new Uint8Array(p.n)
      for (const part of parts) { const r = at(part); m.fill(1, r.start, r.end) }
      return m
    }
    const roles = { source: [at('Lee')], content: [at('“We won,”')] }
    return quotationAfterLongClause(p, [at(cue)], roles, mark([cue, ...others]), mark(taken)).content.map(read)
  }
  // session 8's nextQuotation takes at most six words without a mark; PolNeAR takes longer clauses too
  assert.deepEqual(run('“We won,” Lee told reporters, smiling at the crowd in the old town square. “They lost.”', 'told'),
    ['“We won,”', '“They lost.”'])
  // another cue in the clause ("adding that ...") says what follows, or another attribution holds it
  assert.deepEqual(run('“We won,” Lee said, adding that the count was over. “They lost.”', 'said', ['adding']), ['“We won,”'])
  assert.deepEqual(run('“We won,” Lee said, smiling at the crowd. “They lost.”', 'said', [], ['They lost.']), ['“We won,”'])
  // the quotation must close its sentence, and the clause may not hold a quotation
  assert.deepEqual(run('“We won,” Lee said, smiling at the crowd. “They lost,” she added.', 'said'), ['“We won,”'])
  assert.deepEqual(run('“We won,” Lee said on “Meet the Press,” smiling. “They lost.”', 'said'), ['“We won,”'])
})

test('a speech clause closing its sentence after a comma says the unquoted clause before it, not an earlier quotation', () => {
  const run = (text: string, cue: string, source: string, content: string[]) => {
    const { p, at, read } = prepared(text)
    const isCue = new Uint8Array(p.n)
    const c = at(cue)
    isCue.fill(1, c.start, c.end)
    return clauseBeforeClosingSpeech(p, c, { source: [at(source)], content: content.map(at) }, isCue).content.map(read)
  }
  assert.deepEqual(run('“He is a new dad,” Lee said. He and his wife had a second girl three weeks ago, his brother added.', 'added', 'his brother', ['“He is a new dad,”']),
    ['He and his wife had a second girl three weeks ago'])
  // a one-word opener is the writer's; the tagger's own fragment in the sentence stands
  assert.deepEqual(run('“He is a liberal!” Lee shouted. Also, Trump is not a conservative at all, he said.', 'said', 'he', ['“He is a liberal!”']),
    ['Trump is not a conservative at all'])
  assert.deepEqual(run('“He is a new dad,” Lee said. Seitchi, a cadet, was going home to Chad, his brother added.', 'added', 'his brother', ['Seitchi', 'was going home to Chad']),
    ['Seitchi', 'was going home to Chad'])
  // the tagger's clause stays as it is
  assert.deepEqual(run('The talks will resume in May, officials said.', 'said', 'officials', ['The talks will resume in May']), ['The talks will resume in May'])
  // a quotation before the comma is another shape (a quotation's speech clause)
  assert.deepEqual(run('“We will resume the talks in May,” officials said.', 'said', 'officials', ['the talks']), ['the talks'])
})

test('a quotation that ends its paragraph with no attribution over it is the content of the one just before it', () => {
  const run = (text: string, atts: Array<{ cue: string; content: string[] }>) => {
    const { p, at, read } = prepared(text)
    const found = atts.map((a) => ({ cues: [at(a.cue)], source: [] as CueTokens[], content: a.content.map((c) => at(c)) }))
    return orphanQuotations(p, found).map((a) => a.content.map(read))
  }
  // a paragraph that is wholly a quotation goes to the last attribution of the paragraph before
  assert.deepEqual(run('Bolton said he would help the administration if asked.\n\n“I am going to support him, and support him enthusiastically.”\n\nThe race goes on.',
    [{ cue: 'said', content: ['he would help the administration if asked'] }]),
  [['he would help the administration if asked', '“I am going to support him, and support him enthusiastically.”']])
  // a quotation after other words of its paragraph, when the attribution before it has quoted content
  const tail = '“Our strategy has three elements,” Clinton said on Thursday during a speech in New York City. “One, defeat ISIS in Syria.”'
  assert.deepEqual(run(tail, [{ cue: 'said', content: ['“Our strategy has three elements,”'] }]),
    [['“Our strategy has three elements,”', '“One, defeat ISIS in Syria.”']])
  // not after unquoted content in the same paragraph, not two paragraphs on, not a title nor a fragment of the writer's sentence
  assert.deepEqual(run('Clinton said the strategy has three elements. “One, defeat ISIS in Syria.”', [{ cue: 'said', content: ['the strategy has three elements'] }]),
    [['the strategy has three elements']])
  assert.deepEqual(run('Bolton said he would help.\n\nThe crowd cheered.\n\n“I am going to support him.”', [{ cue: 'said', content: ['he would help'] }]),
    [['he would help']])
  assert.deepEqual(run('Bolton said he would help.\n\n“Face the Nation.”', [{ cue: 'said', content: ['he would help'] }]), [['he would help']])
  // a title's small words are those the entities stage reads headlines by ("as", "but", "vs.")
  assert.deepEqual(run('Bolton said he would help.\n\n“Dead as a Doornail.”', [{ cue: 'said', content: ['he would help'] }]), [['he would help']])
  assert.deepEqual(run('Bolton said he would help.\n\n“and then some.”', [{ cue: 'said', content: ['he would help'] }]), [['he would help']])
})

test('the stage gives a quotation paragraph with no cue of its own to the attribution of the paragraph before', () => {
  const text = 'Bolton said on Sunday that he would be willing to help the administration if asked.\n\n'
    + '“I am going to support him, and support him enthusiastically, because I think he can do the job.”\n\nThe race goes on.'
  const { doc, atts } = analyse(text)
  const said = atts.find((a) => join(doc, a.cue) === 'said')
  assert.ok(said, JSON.stringify(atts.map((a) => join(doc, a.cue))))
  assert.ok(join(doc, said.content).endsWith('“I am going to support him, and support him enthusiastically, because I think he can do the job.”'), join(doc, said.content))
})

test('an anonymity formula\'s content ends with the formula; other "ask ... to name" content is left alone', () => {
  const run = (text: string, cue: string, content: string) => {
    const { p, at, read } = prepared(text)
    return anonymityFormulas(p, [{ cues: [at(cue)], source: [] as CueTokens[], content: [at(content)] }])[0].content.map(read)
  }
  assert.deepEqual(run('Officials who asked not to be identified said 300 soldiers died.', 'asked', 'not to be identified said 300 soldiers died'), ['not to be identified'])
  assert.deepEqual(run('An aide who requested anonymity to speak freely said the toll was 40.', 'requested', 'anonymity to speak freely said the toll was 40'), ['anonymity'])
  assert.deepEqual(run('She asked the minister to name the officials who lied.', 'asked', 'the minister to name the officials who lied'), ['the minister to name the officials who lied'])
})

test('a quotation that runs on over a speech clause of its own ends at its closing mark', () => {
  const run = (text: string, fragment: string) => {
    const { p, at, read } = prepared(text)
    return read(beforeInnerSpeechClause(p, at(fragment)))
  }
  assert.equal(run('Lee said the war was lost: “We lost it all,” he said.', '“We lost it all,” he said'), '“We lost it all,”')
  assert.equal(run('Lee spoke. “Now he is a national figure,” said Kunin. “He is.”', '“Now he is a national figure,” said Kunin'),
    '“Now he is a national figure,”')
  assert.equal(run("Lee spoke. ''Golf is a razor-thin industry,'' Mr. Pence added, ''and it is.''", "''Golf is a razor-thin industry,'' Mr. Pence added"),
    "''Golf is a razor-thin industry,''")
  // a speech clause that goes on is part of a sentence someone else reports
  assert.equal(run('Lee wrote that “we lost it all,” Obama said of the families.', '“we lost it all,” Obama said of the families'),
    '“we lost it all,” Obama said of the families')
  // a fragment that does not open with the quotation
  assert.equal(run('Lee said the war, “we lost it all,” he said.', 'the war, “we lost it all,” he said'), 'the war, “we lost it all,” he said')
})

test('a participle after a comma says what follows it, not the clause it hangs on', () => {
  const run = (text: string, cue: string, content: string[]) => {
    const { p, at, read } = prepared(text)
    return withoutContentBeforeParticiple(p, at(cue), content.map(at)).map(read)
  }
  assert.deepEqual(run('Rubio hit back again, saying Christie was too focused on his campaign.', 'saying', ['Rubio hit back again', 'Christie was too focused on his campaign']),
    ['Christie was too focused on his campaign'])
  assert.deepEqual(run('He praised “New York values,” saying the city embodied bravery.', 'saying', ['New York values,”', 'the city embodied bravery']),
    ['the city embodied bravery'])
  // "according to" holds content on either side; a participle with nothing after it keeps what it has
  assert.deepEqual(run('Clinton now has 723 delegates, according to a count.', 'according to', ['Clinton now has 723 delegates']),
    ['Clinton now has 723 delegates'])
  assert.deepEqual(run('Rubio hit back again, saying so.', 'saying', ['Rubio hit back again']), ['Rubio hit back again'])
})

test('content after its cue ends before the interview, statement or tweet the source spoke in', () => {
  const run = (text: string, cue: string, fragment: string) => {
    const { p, at, read } = prepared(text)
    return read(beforeSpeechSetting(p, at(cue), at(fragment)))
  }
  assert.equal(run('Trump called the KKK “abhorrent” in a tweet Sunday.', 'called', 'the KKK “abhorrent” in a tweet Sunday'), 'the KKK “abhorrent”')
  assert.equal(run('Clinton defended her stance, in a radio interview with WNYC.', 'defended', 'her stance, in a radio interview with WNYC'), 'her stance')
  // a complement after the phrase is still to come; an interview inside a quotation is said
  assert.equal(run('Lee called the DLC during a Tuesday interview as “a remnant.”', 'called', 'the DLC during a Tuesday interview as “a remnant.”'),
    'the DLC during a Tuesday interview as “a remnant.”')
  assert.equal(run('Lee said “we met him in an interview last year.”', 'said', '“we met him in an interview last year.”'), '“we met him in an interview last year.”')
})

test('verbless content after its cue ends before a time phrase that closes it', () => {
  const run = (text: string, cue: string, fragment: string) => {
    const { p, at, read } = prepared(text)
    return read(beforeClosingTime(p, at(cue), at(fragment)))
  }
  assert.equal(run('The senator endorsed the mayor of Dayton last week.', 'endorsed', 'the mayor of Dayton last week.'), 'the mayor of Dayton')
  assert.equal(run('Ms. Ortiz rejected the union\'s offer on Friday night.', 'rejected', 'the union\'s offer on Friday night'), 'the union\'s offer')
  assert.equal(run('The governor announced her candidacy, in March 2019.', 'announced', 'her candidacy, in March 2019'), 'her candidacy')
  // a verb before the time: the time belongs to what is said
  assert.equal(run('Lee said the factory closed last year.', 'said', 'the factory closed last year'), 'the factory closed last year')
  // more words after the time, a name ("Super Tuesday") or a thing ("Monday's vote"): left alone
  assert.equal(run('Lee praised the volunteers Tuesday as the count ended.', 'praised', 'the volunteers Tuesday as the count ended'),
    'the volunteers Tuesday as the count ended')
  assert.equal(run('Lee predicted a big win on Super Tuesday.', 'predicted', 'a big win on Super Tuesday'), 'a big win on Super Tuesday')
  assert.equal(run('Lee criticized the outcome of Monday\'s vote.', 'criticized', 'the outcome of Monday\'s vote'), 'the outcome of Monday\'s vote')
  // a forecast's time is what is forecast (wire copy: "The IMF forecast growth of 3 percent this year")
  assert.equal(run('The bank forecast growth of 3 percent this year.', 'forecast', 'growth of 3 percent this year'), 'growth of 3 percent this year')
  assert.equal(run('The agency projected a deficit of $2 billion in 2027.', 'projected', 'a deficit of $2 billion in 2027'), 'a deficit of $2 billion in 2027')
  assert.equal(run('Analysts predicted a recession in June 2026.', 'predicted', 'a recession in June 2026'), 'a recession in June 2026')
})

test('the stage leaves a closing date out of the object a cue takes', () => {
  for (const [text, content] of [
    ['Mr. Bush announced his candidacy in June 2015.', 'his candidacy'],
    ["The mayor rejected the union's offer on Tuesday.", "the union's offer"],
  ]) {
    const { doc, atts } = analyse(text)
    assert.equal(atts.length, 1, text)
    assert.equal(join(doc, atts[0].content), content)
  }
})

test('a content fragment that leaves a quotation open runs on to its closing mark, over sentence ends', () => {
  const run = (text: string, atts: Array<{ cue: string; source?: string; content: string[] }>) => {
    const { p, at, read } = prepared(text)
    const found = atts.map((a) => ({ cues: [at(a.cue)], source: a.source === undefined ? [] : [at(a.source)], content: a.content.map((c) => at(c)) }))
    return quotationsToTheirClose(p, found).map((a) => a.content.map(read))
  }
  const text = 'Ms. Varga said the new bridge “will change this town. Farmers will reach the market in an hour. Nobody here has seen that before.”'
  assert.deepEqual(run(text, [{ cue: 'said', content: ['the new bridge “will change this town.'] }]),
    [['the new bridge “will change this town. Farmers will reach the market in an hour. Nobody here has seen that before.”']])
  // a closed quotation stays as it is
  assert.deepEqual(run('Ms. Varga said the bridge “will change this town.” Farmers cheered.', [{ cue: 'said', content: ['the bridge “will change this town.”'] }]),
    [['the bridge “will change this town.”']])
  // another cue, or words another attribution holds, before the closing mark: left alone
  const two = '“The bridge will change this town. Farmers, the mayor argued, will reach the market in an hour.”'
  assert.deepEqual(run(two, [{ cue: 'argued', source: 'the mayor', content: ['“The bridge will change this town.'] }]),
    [['“The bridge will change this town.']])
  assert.deepEqual(run(text, [
    { cue: 'said', content: ['the new bridge “will change this town.'] },
    { cue: 'seen', content: ['Nobody here has'] },
  ]), [['the new bridge “will change this town.'], ['Nobody here has']])
  // content after its cue that stops before a colon and a quotation takes the quotation in
  const colon = 'The mayor described the plan: “We will open two schools. Then we will fix the roads.”'
  assert.deepEqual(run(colon, [{ cue: 'described', content: ['the plan'] }]),
    [['the plan: “We will open two schools. Then we will fix the roads.”']])
  assert.deepEqual(run('The mayor described the plan: two schools and new roads.', [{ cue: 'described', content: ['the plan'] }]), [['the plan']])
  // straight marks: one that never closes, then another that opens a second quotation (apart from
  // the word before it, stuck to the one after), which toggling reads as the first one's close
  const straight = 'The mayor called the plan "a gift. The council said it was "a waste" and voted no.'
  assert.deepEqual(run(straight, [{ cue: 'called', content: ['the plan "a gift.'] }]), [['the plan "a gift.']])
  assert.deepEqual(run('The mayor called the plan "a gift. It will help farmers." The council voted no.', [{ cue: 'called', content: ['the plan "a gift.'] }]),
    [['the plan "a gift. It will help farmers."']])
})

test('two content fragments with only a comma, colon or dash between them are one; before a quotation the first goes', () => {
  const run = (text: string, cue: string, content: string[], otherCue?: string) => {
    const { p, at, read } = prepared(text)
    const found = [{ cues: [at(cue)], source: [] as CueTokens[], content: content.map((c) => at(c)) }]
    if (otherCue !== undefined) found.push({ cues: [at(otherCue)], source: [], content: [] })
    return joinedAcrossMarks(p, found)[0].content.map(read)
  }
  assert.deepEqual(run('Officials said Ortiz, a nurse from Leeds, was also on the flight.', 'said', ['Ortiz', 'a nurse from Leeds, was also on the flight']),
    ['Ortiz, a nurse from Leeds, was also on the flight'])
  assert.deepEqual(run('She raised one worry: that the dam would not hold.', 'raised', ['one worry', 'that the dam would not hold']),
    ['one worry: that the dam would not hold'])
  assert.deepEqual(run('He asked the students, “Who wants to go first?”', 'asked', ['the students', '“Who wants to go first?”']),
    ['“Who wants to go first?”'])
  // a first fragment with a verb of its own is said too: the two are one
  assert.deepEqual(run('The mayor said the dam had failed, “because nobody checked it.”', 'said', ['the dam had failed', '“because nobody checked it.”']),
    ['the dam had failed, “because nobody checked it.”'])
  assert.deepEqual(run('She shared a post that read, “We are closed.”', 'shared', ['a post that read', '“We are closed.”'], 'read'), ['“We are closed.”'])
  // words between the fragments, another sentence, or a mark that is itself a cue: left alone
  assert.deepEqual(run('Officials said Ortiz, they believe, was on the flight.', 'said', ['Ortiz', 'was on the flight']), ['Ortiz', 'was on the flight'])
  assert.deepEqual(run('The mayor wrote: the dam will hold.', 'wrote', ['The mayor', 'the dam will hold'], ':'), ['The mayor', 'the dam will hold'])
})

test('an "it" that stands for the clause said is no content before its cue', () => {
  const run = (text: string, cue: string, it: string, after: string) => {
    const { p, at, read } = prepared(text)
    return withoutExpletiveIt(p, [at(cue)], [at(it), at(after)]).map(read)
  }
  assert.deepEqual(run('It was widely reported that the deal had collapsed.', 'reported', 'It', 'that the deal had collapsed'), ['that the deal had collapsed'])
  assert.deepEqual(run('It seems the campaign will go on without them.', 'seems', 'It', 'the campaign will go on without them'), ['the campaign will go on without them'])
  // "it" is something when an infinitive follows the cue, or when what follows holds no verb
  assert.deepEqual(run('It appeared to hold off the tide.', 'appeared', 'It', 'to hold off the tide'), ['It', 'to hold off the tide'])
  assert.deepEqual(run('It seemed like an impossible task.', 'seemed', 'It', 'like an impossible task'), ['It', 'like an impossible task'])
  // not an "it" apart from its cue
  assert.deepEqual(run('It is clear, officials said, that the deal had collapsed.', 'said', 'It', 'that the deal had collapsed'), ['It', 'that the deal had collapsed'])
})

test('after "according to X," behind the content, what the writer adds about X is no content', () => {
  const run = (text: string, cue: string, parts: string[]) => {
    const { p, at, read } = prepared(text)
    return withoutAsideAfterAccordingTo(p, [at(cue)], parts.map(at)).map(read)
  }
  const text = 'Most of the money came from women, according to Crowdpac, a start-up that tracks donations.'
  assert.deepEqual(run(text, 'according to', ['Most of the money came from women', 'a start-up that tracks donations']), ['Most of the money came from women'])
  assert.deepEqual(run('The group called for attacks, according to the SITE Intelligence Group, which tracks extremists.', 'according to',
    ['The group called for attacks', 'which tracks extremists']), ['The group called for attacks'])
  assert.deepEqual(run('Trump has won 758 delegates, according to a CNN tally, but his path is narrowing.', 'according to',
    ['Trump has won 758 delegates', 'but his path is narrowing']), ['Trump has won 758 delegates'])
  // a clause that goes on with the sentence is said too
  assert.deepEqual(run('At the heart of the trouble, according to Dennis Ross, was a decision by Mr. Obama.', 'according to',
    ['At the heart of the trouble', 'was a decision by Mr. Obama']), ['At the heart of the trouble', 'was a decision by Mr. Obama'])
  // with no content before the cue, what follows the source is the content
  assert.deepEqual(run('According to the poll, a majority of voters, mostly young people.', 'According to', ['a majority of voters, mostly young people']),
    ['a majority of voters, mostly young people'])
})

test('content cut before a relative clause set off by commas takes the predicate after it as a fragment', () => {
  const run = (text: string, cue: string, parts: string[], source: string[] = []) => {
    const { p, at, read } = prepared(text)
    return predicateAfterRelative(p, [at(cue)], source.map(at), parts.map(at), new Uint8Array(p.n)).map(read)
  }
  assert.deepEqual(run('The mayor conceded that the bridge, which opened in 1990, will need repairs soon.', 'conceded', ['that the bridge']),
    ['that the bridge', 'will need repairs soon'])
  // a speech clause or the source after the predicate stays out of it
  const { p, at, read } = prepared('Mr. Lee argued that the plan, which the council passed in May, would cost jobs, his spokesman said.')
  const isCue = new Uint8Array(p.n)
  isCue[at('said').start] = 1
  assert.deepEqual(predicateAfterRelative(p, [at('argued')], [at('Mr. Lee')], [at('that the plan')], isCue).map(read), ['that the plan', 'would cost jobs'])
  // a participle after the relative clause is no predicate; nor is a relative clause with no comma to close it
  assert.deepEqual(run('The coach praised the players, who trained all winter, saying they earned it.', 'praised', ['the players']), ['the players'])
  assert.deepEqual(run('She thanked the volunteers, who stayed until midnight.', 'thanked', ['the volunteers']), ['the volunteers'])
  // content before its cue is left alone
  assert.deepEqual(run('The bridge, which opened in 1990, will need repairs, the mayor said.', 'said', ['The bridge']), ['The bridge'])
})
