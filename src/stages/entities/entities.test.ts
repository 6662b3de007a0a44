import { test } from 'node:test'
import assert from 'node:assert/strict'
import { mkdtempSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { Doc } from '../../model/doc.ts'
import { isClaimtrailError } from '../../model/errors.ts'
import type { Entity, EntityType } from '../../model/types.ts'
import { loadWink, tokenize } from '../tokens/tokens.ts'
import { buildGazetteer, entitiesStage, findEntities, loadGazetteer, type Gazetteer } from './entities.ts'

const nlp = loadWink()
const bundled = loadGazetteer()

function entities(text: string, gazetteer: Gazetteer = bundled): Array<Entity & { text: string }> {
  const { tokens, sentences } = tokenize(nlp, text)
  const doc = Doc.create(text, { id: 't' }).withLayer('tokens', tokens).withLayer('sentences', sentences)
  return findEntities(doc, gazetteer).map((e) => ({ ...e, text: text.slice(e.start, e.end) }))
}

function byText(text: string, mention: string, gazetteer?: Gazetteer): Entity & { text: string } {
  const found = entities(text, gazetteer).find((e) => e.text === mention)
  assert.ok(found, `no entity "${mention}" in: ${text}`)
  return found
}

test('the seed: truncated "Kim Jong" after "North Korean leader" is Kim Jong Un', () => {
  const text = 'North Korean leader Kim Jong gave emotional respect to soldiers killed while fighting for Russia.'
  const kim = byText(text, 'Kim Jong')
  assert.equal(kim.canonical, 'Kim Jong Un')
  assert.equal(kim.type, 'PERSON')
  assert.equal(kim.country, 'North Korea')
  assert.deepEqual(byText(text, 'North Korean'), { ...byText(text, 'North Korean'), type: 'NORP', canonical: 'North Korea' })
})

test('the seed: KCNA is North Korean state media; Pyongyang stands for North Korea', () => {
  const text = 'According to North Korean state media KCNA, Kim made comments at a ceremony in Pyongyang on Thursday.'
  const kcna = byText(text, 'KCNA')
  assert.equal(kcna.canonical, 'Korean Central News Agency')
  assert.equal(kcna.type, 'MEDIA')
  assert.equal(kcna.country, 'North Korea')
  const pyongyang = byText(text, 'Pyongyang')
  assert.equal(pyongyang.canonical, 'North Korea')
  assert.equal(pyongyang.type, 'GPE')
})

test('"Kim" alone is Kim Jong Un only after a full mention', () => {
  assert.equal(byText('Kim spoke. Later Kim Jong Un spoke.', 'Kim').canonical, 'Kim')
  assert.equal(byText('Kim Jong Un spoke. Later Kim smiled.', 'Kim').canonical, 'Kim Jong Un')
})

test('a truncated name that runs on is someone else', () => {
  const found = entities('Kim Jong Nam was killed in 2017.')
  assert.equal(found[0].text, 'Kim Jong Nam')
  assert.notEqual(found[0].canonical, 'Kim Jong Un')
})

test('a known surname after another given name is someone else', () => {
  for (const name of ['Ivanka Trump', 'Melania Trump']) {
    const e = byText(`${name} said the plan would help mothers.`, name)
    assert.notEqual(e.canonical, 'Donald Trump')
  }
  // titles, other names and words the article writes in lower case are no given names
  assert.equal(byText('President Trump said it.', 'Trump').canonical, 'Donald Trump')
  assert.equal(byText('The board of the Washington Post Trump met said so.', 'Trump').canonical, 'Donald Trump')
  assert.equal(byText('Candidate Trump spoke. The candidate left.', 'Trump').canonical, 'Donald Trump')
})

test('table of aliases', () => {
  const cases: Array<[string, string, string, string | null]> = [
    // text, mention, canonical, country
    ['Kim Jong-un met Putin.', 'Kim Jong-un', 'Kim Jong Un', 'North Korea'],
    ['Kim Jong-un met Putin.', 'Putin', 'Vladimir Putin', 'Russia'],
    ['He flew to Kiev on Monday.', 'Kiev', 'Ukraine', 'Ukraine'],
    ['Officials in Kyiv said so.', 'Kyiv', 'Ukraine', 'Ukraine'],
    ['The Kremlin denied it.', 'Kremlin', 'Russia', 'Russia'],
    ['U.S. officials said so.', 'U.S.', 'United States', 'United States'],
    ['The Pentagon said so.', 'Pentagon', 'Pentagon', 'United States'],
    ["Ukraine's military intelligence said so.", "Ukraine's military intelligence", 'Main Intelligence Directorate of Ukraine', 'Ukraine'],
    ['Ukraine’s Defence Intelligence said so.', 'Ukraine’s Defence Intelligence', 'Main Intelligence Directorate of Ukraine', 'Ukraine'],
    ['The NIS told lawmakers.', 'NIS', 'National Intelligence Service', 'South Korea'],
    // wire copy names the agency by what it is more often than by its name
    ["South Korea's spy agency said so.", "South Korea's spy agency", 'National Intelligence Service', 'South Korea'],
    ['Seoul’s spy agency said so.', 'Seoul’s spy agency', 'National Intelligence Service', 'South Korea'],
    ['The JCS said a missile flew.', 'JCS', 'Joint Chiefs of Staff', 'South Korea'],
    ['Zelenskyy said so.', 'Zelenskyy', 'Volodymyr Zelenskyy', 'Ukraine'],
    ['Volodymyr Zelensky said so.', 'Volodymyr Zelensky', 'Volodymyr Zelenskyy', 'Ukraine'],
    ['President Lee Jae-myung said so.', 'Lee Jae-myung', 'Lee Jae-myung', 'South Korea'],
    ['Seoul said so.', 'Seoul', 'South Korea', 'South Korea'],
    ['Britain and the EU agreed.', 'EU', 'European Union', null],
    ['Britain and the EU agreed.', 'Britain', 'United Kingdom', 'United Kingdom'],
  ]
  for (const [text, mention, canonical, country] of cases) {
    const e = byText(text, mention)
    assert.equal(e.canonical, canonical, `${mention} in "${text}"`)
    assert.equal(e.country, country, `${mention} in "${text}"`)
  }
})

test('acronyms match only in their own case; the longest name wins', () => {
  assert.equal(entities('Give us the facts.').length, 0)
  assert.ok(entities('US troops left.').some((e) => e.canonical === 'United States'))
  const e = byText('The Korean Central News Agency said so.', 'Korean Central News Agency')
  assert.equal(e.canonical, 'Korean Central News Agency')
})

test('unknown proper-noun runs become entities with a guessed type', () => {
  const text = 'Defence spokesman John Kirby said so. The Russian Defence Ministry agreed with the Institute of Peace.'
  assert.equal(byText(text, 'John Kirby').type, 'PERSON')
  const ministry = byText(text, 'Russian Defence Ministry')
  assert.equal(ministry.type, 'ORG')
  assert.equal(ministry.country, 'Russia')
  assert.ok(!entities('In July and on Thursday, talks were held. Officials said so.').some((e) => /July|Thursday|Officials/.test(e.text)))
})

test('a user gazetteer extends the bundled one and overrides shared aliases', () => {
  const dir = mkdtempSync(join(tmpdir(), 'gazetteer-'))
  const file = join(dir, 'names.json')
  writeFileSync(file, JSON.stringify({
    entities: [
      { canonical: 'Ukrinform', type: 'MEDIA', country: 'Ukraine', aliases: ['Ukrinform'] },
      { canonical: 'Washington State', type: 'GPE', country: 'United States', aliases: ['Washington'] },
    ],
  }))
  const user = loadGazetteer(file)
  assert.equal(user.size, bundled.size + 2)
  assert.equal(byText('Ukrinform reported it.', 'Ukrinform', user).type, 'MEDIA')
  assert.equal(byText('Washington said so.', 'Washington', user).canonical, 'Washington State')
  assert.equal(byText('Washington said so.', 'Washington').canonical, 'United States')
})

test('a bad gazetteer file is a BAD_INPUT error that says what is wrong', () => {
  const dir = mkdtempSync(join(tmpdir(), 'gazetteer-'))
  const file = join(dir, 'bad.json')
  writeFileSync(file, JSON.stringify({ entities: [{ canonical: 'X', type: 'PLANET' }] }))
  assert.throws(() => loadGazetteer(file), (e) => isClaimtrailError(e, 'BAD_INPUT') && /type/.test(e.message))
  assert.throws(() => loadGazetteer(join(dir, 'missing.json')), (e) => isClaimtrailError(e, 'BAD_INPUT'))
  writeFileSync(file, '{ not json')
  assert.throws(() => loadGazetteer(file), (e) => isClaimtrailError(e, 'BAD_INPUT') && /JSON/.test(e.message))
})

test('the stage assigns entities in text order', () => {
  const text = 'Moscow and Pyongyang signed a pact, KCNA said.'
  const { tokens, sentences } = tokenize(nlp, text)
  const doc = entitiesStage(bundled).run(Doc.create(text, { id: 't' }).withLayer('tokens', tokens).withLayer('sentences', sentences))
  const found = doc.get('entities')
  assert.deepEqual(found.map((e) => e.canonical), ['Russia', 'North Korea', 'Korean Central News Agency'])
  for (let i = 1; i < found.length; i++) assert.ok(found[i - 1].end <= found[i].start)
})

test('matching is fast: a trie lookup per token, not a regex per name', () => {
  const text = 'North Korean leader Kim Jong met Putin in Moscow, KCNA said, as Ukraine and the US watched. '.repeat(2000)
  const { tokens, sentences } = tokenize(nlp, text)
  const doc = Doc.create(text, { id: 't' }).withLayer('tokens', tokens).withLayer('sentences', sentences)
  const t0 = performance.now()
  const found = findEntities(doc, bundled)
  const ms = performance.now() - t0
  assert.equal(found.filter((e) => e.canonical === 'Kim Jong Un').length, 2000)
  // About 38,000 tokens; generous bound for a shared 2-core machine.
  assert.ok(ms < 2000, `took ${ms.toFixed(0)} ms`)
})

test('property: entities of any text are in order, do not overlap and lie inside it', async () => {
  const fc = await import('fast-check')
  const words = ['Kim', 'Jong', 'Un', 'North', 'Korean', 'leader', 'KCNA', 'US', 'us', 'U.S.', 'said', 'President', 'Lee',
    'of', 'the', 'Ministry', 'Defence', 'Russian', "'s", 'Ukraine', '’s', 'military', 'intelligence', '.', ',', '\n', 'Zelensky']
  fc.assert(fc.property(fc.array(fc.constantFrom(...words), { maxLength: 40 }), (tokens) => {
    const text = tokens.join(' ')
    let last = 0
    for (const e of entities(text)) {
      assert.ok(e.start >= last && e.start < e.end && e.end <= text.length, JSON.stringify(e))
      last = e.end
    }
  }), { numRuns: 200 })
})

test('a title inside a name run starts the person; quantifiers are not names', () => {
  const e = byText('Russian Security Council Secretary Sergei Shoigu said so.', 'Sergei Shoigu')
  assert.equal(e.type, 'PERSON')
  assert.ok(!entities('Various estimates put it higher.').some((x) => x.text === 'Various'))
  const staff = byText('The figures came from the General Staff on Monday.', 'General Staff')
  assert.equal(staff.type, 'ORG')
})

test('an unknown "Ministry of ..." is a body by the word before "of", not by its last word', () => {
  assert.equal(byText('Floods killed 37 people, the Ministry of Emergency Situations said.', 'Ministry of Emergency Situations').type, 'ORG')
  assert.equal(byText('The Bank of Freedonia raised rates.', 'Bank of Freedonia').type, 'ORG')
  // a body "of" a country the gazetteer knows is one name, owned by that country
  const mod = byText('Ministry of Defense of Russia informed, the army lost 430 servicemen.', 'Ministry of Defense of Russia')
  assert.equal(mod.type, 'ORG')
  assert.equal(mod.country, 'Russia')
  assert.ok(!entities('Ministry of Defense of Russia informed.').some((e) => e.text === 'Russia'))
})

test('a given name in two hyphenated syllables stays in the name; a compound adjective does not', () => {
  const found = entities('The spokesman Lee Jae-sung said 25 thousand soldiers are moved.')
  assert.ok(found.some((e) => e.text === 'Lee Jae-sung' && e.type === 'PERSON'), JSON.stringify(found))
  const led = entities('Mr. John Smith-led groups marched.')
  assert.ok(led.some((e) => e.text === 'John Smith'), JSON.stringify(led))
  // the tagger reads "Park" as a noun here; before "Min-ho" it is the family name
  const park = entities('The spokesperson Park Min-ho told, about 500 of soldiers are sent to the area.')
  assert.ok(park.some((e) => e.text === 'Park Min-ho' && e.type === 'PERSON'), JSON.stringify(park))
  // a word the article writes in lower case is no family name
  const common = entities('Visitors to the park came early. Park Min-ho opened it.')
  assert.ok(!common.some((e) => e.text.startsWith('Park')), JSON.stringify(common))
})

test('a title the tokens stage keeps whole ("Rev.", "Sens.", "Gov.") is not part of the name', () => {
  const found = entities('The Rev. Al Sharpton and Gov. Andrew Cuomo met Sens. Ted Cruz and Mike Lee.')
  const names = found.map((e) => e.text)
  assert.ok(names.includes('Al Sharpton'), JSON.stringify(names))
  assert.ok(names.includes('Andrew Cuomo'), JSON.stringify(names))
  assert.ok(!names.some((n) => /^(Rev|Gov|Sens)\./.test(n)), JSON.stringify(names))
})

test('a bare surname is the person the article named in full before', () => {
  const text = 'Pat Caddell, a pollster, spoke on Tuesday. Caddell said voters were angry.'
  const later = entities(text).filter((e) => e.text === 'Caddell')
  assert.equal(later.length, 1)
  assert.equal(later[0].canonical, 'Pat Caddell')
  // not before the full name is written
  assert.equal(byText('Caddell said voters were angry. Pat Caddell is a pollster.', 'Caddell').canonical, 'Caddell')
})

test('a surname the tagger reads as a verb is still found, in the full name and alone', () => {
  const text = 'Attorney General Loretta Lynch spoke on Tuesday. Lynch said the department would review the case.'
  const full = byText(text, 'Loretta Lynch')
  assert.equal(full.type, 'PERSON')
  const bare = byText(text, 'Lynch')
  assert.equal(bare.canonical, 'Loretta Lynch')
  assert.equal(bare.type, 'PERSON')
  // a word the article also writes in lower case is no surname
  assert.equal(entities('Loretta Lynch spoke. Critics said a lynch mob formed. Lynch denied it.')
    .filter((e) => /Lynch/.test(e.text)).length, 0)
})

test('a known surname that opens a sentence or looks plural is still the person ("Priebus has")', () => {
  const text = 'Bruce Ash criticized RNC Chairman Reince Priebus in an email. Priebus has pushed back on the charges.'
  const bare = entities(text).filter((e) => e.text === 'Priebus')
  assert.equal(bare.length, 1)
  assert.equal(bare[0].canonical, 'Reince Priebus')
  // a sentence-initial plural is still no name when no full name ends in it
  assert.equal(entities('Reince Priebus spoke. Officials said the vote would wait.').some((e) => e.text === 'Officials'), false)
})

test('a title on the surname makes the whole person a PERSON', () => {
  const text = 'Jessica Ditto spoke to reporters. Ms. Ditto said the campaign had no comment.'
  assert.equal(byText(text, 'Jessica Ditto').type, 'PERSON')
  assert.equal(byText(text, 'Ditto').canonical, 'Jessica Ditto')
})

test('of two full names with one surname, the one written more often is meant', () => {
  const text = 'Hillary Clinton spoke. Hillary Clinton smiled. Bill Clinton waved. Clinton said she would win.'
  const bare = entities(text).filter((e) => e.text === 'Clinton')
  assert.equal(bare.length, 1)
  assert.equal(bare[0].canonical, 'Hillary Clinton')
})

test('places, bodies and headline names introduce nobody', () => {
  assert.notEqual(byText('Voters in Port Harcourt lined up. Harcourt officials said turnout was high.', 'Harcourt').canonical, 'Port Harcourt')
  assert.equal(byText('Derelict Obama and Clinton\nPresident Obama spoke on Monday. Obama said it was time.', 'Obama', buildGazetteer([])).canonical, 'Obama')
  // a word the article writes in lower case, a word before a number, capitals, a possessive
  assert.equal(byText('Patriot Coal went bankrupt. Prices of coal fell. Coal said it would appeal.', 'Coal').canonical, 'Coal')
  assert.notEqual(entities('He won the Labor Day race. It was his from Day 1 on.').find((e) => e.text === 'Day')?.canonical, 'Labor Day')
  assert.notEqual(entities('Viewers of Trump\'s RT appearance objected. RT said the interview was fair.')
    .find((e) => e.text === 'RT')?.canonical, "Trump's RT")
})

test('titles, what they are of, and party labels are not part of a name', () => {
  assert.equal(byText('Secretary of State Jon Husted said turnout was high.', 'Jon Husted').type, 'PERSON')
  assert.equal(byText('Director of National Intelligence James Clapper said the threat was real.', 'James Clapper').type, 'PERSON')
  assert.equal(byText('Minister of Foreign Affairs Sergei Lavrov said talks would go on.', 'Sergei Lavrov').type, 'PERSON')
  assert.equal(byText('Democrat Hillary Clinton said she would win.', 'Hillary Clinton').canonical, 'Hillary Clinton')
  // a party label alone is still a name of its own
  assert.ok(entities('The Republicans said the bill would fail.').some((e) => e.text === 'Republicans'))
})

test('a paper named after its city is one name, with the city\'s country', () => {
  const kyiv = byText('The Kyiv Independent reported that 40 drones were shot down.', 'Kyiv Independent')
  assert.equal(kyiv.type, 'MEDIA')
  assert.equal(kyiv.country, 'Ukraine')
  // a country's body after a possessive stays apart from the country
  assert.ok(entities('Ukraine\'s Security Service said it detained two men.').some((e) => e.text === 'Security Service'))
})

test('a party label that opens the name of a body or an event stays in it', () => {
  const text = 'Delegates met at the Republican National Convention. The Conservative Political Action Conference opened. ' +
    'Liberal Democrats voted. Independent Journal Review reported it. Democrat Bernie Sanders spoke.'
  for (const name of ['Republican National Convention', 'Conservative Political Action Conference', 'Liberal Democrats', 'Independent Journal Review']) {
    assert.equal(byText(text, name).canonical, name)
  }
  assert.equal(byText(text, 'Bernie Sanders').canonical, 'Bernie Sanders')
  // one word after the label: a name, unless the article also writes it in lower case
  const one = 'The GOP Debate ran late. Republican Trump said the debate was rigged.'
  assert.ok(entities(one).some((e) => e.text === 'GOP Debate'), JSON.stringify(entities(one)))
  assert.ok(!entities(one).some((e) => e.text.startsWith('Republican')), JSON.stringify(entities(one)))
})

test('a gazetteer name keeps its canonical even after a run that ends in the same word', () => {
  const g = buildGazetteer([{ canonical: 'Madonna', type: 'PERSON', country: null, aliases: ['Madonna'], partialAliases: [], shortAliases: [] }])
  const text = 'Ana Madonna spoke first. Later Madonna sang two songs.'
  assert.equal(entities(text, g).find((e) => e.text === 'Madonna')?.canonical, 'Madonna')
})

test('in hard-wrapped text the first line is no headline: a full name there introduces the surname', () => {
  const text = 'Pat Caddell, a Democratic pollster who advised President Jimmy\nCarter, spoke on Monday about the race and the\nvoters it would turn on in the fall, and then\nhe left.\n\nCaddell said voters were angry.\n'
  const bare = entities(text).filter((e) => e.text === 'Caddell')
  assert.equal(bare.length, 1)
  assert.equal(bare[0].canonical, 'Pat Caddell')
})

test('a name wrapped over two lines is one name', () => {
  const text = 'The pollster, who advised President Jimmy\nCarter for years, spoke on Monday about the race\nand the voters it would turn on in the\nfall, and then left the hall.\n'
  assert.equal(byText(text, 'Jimmy\nCarter').canonical, 'Jimmy Carter')
})

test('particles in lower case stay inside a person\'s name, and the surname after one names the person alone', () => {
  const found = entities('The governor, Hamad al-Rashidi, met Jan van der Berg and Maria da Costa. Later Rashidi spoke.')
  const names = found.map((e) => e.text)
  assert.ok(names.includes('Hamad al-Rashidi'), JSON.stringify(names))
  assert.ok(names.includes('Jan van der Berg'), JSON.stringify(names))
  assert.ok(names.includes('Maria da Costa'), JSON.stringify(names))
  const alone = found.find((e) => e.text === 'Rashidi')
  assert.equal(alone?.canonical, 'Hamad al-Rashidi', JSON.stringify(found))
  // a particle with no name after it is a word of the sentence ("de" of a French phrase, "van" as a noun)
  const van = entities('Officials gave Peter Olsen van keys on Monday.')
  assert.ok(van.some((e) => e.text === 'Peter Olsen'), JSON.stringify(van))
})

test('"and" after a body\'s "of" joins the two halves of its remit; between two names it does not', () => {
  const names = entities('The Department of Health and Human Services met the Ministry of Labour and Social Policy. Russia and Ukraine did not.').map((e) => e.text)
  assert.ok(names.includes('Department of Health and Human Services'), JSON.stringify(names))
  assert.ok(names.includes('Ministry of Labour and Social Policy'), JSON.stringify(names))
  assert.ok(names.includes('Russia') && names.includes('Ukraine'), JSON.stringify(names))
})

test('two capitalised words joined by a hyphen are one name; a hyphen before a lower-case word is not', () => {
  const names = entities('Sea-Watch and Hewlett-Packard gave money to Smith-led groups.').map((e) => e.text)
  assert.ok(names.includes('Sea-Watch'), JSON.stringify(names))
  assert.ok(names.includes('Hewlett-Packard'), JSON.stringify(names))
  assert.ok(!names.some((n) => n.includes('led')), JSON.stringify(names))
})

// Session gaz6: the gazetteer knows every UN member and observer state, Kosovo and Western
// Sahara, their demonyms, most capitals, and places frequent in war and disaster news.

test('countries beyond the seed: names, other names, demonyms and capitals', () => {
  const text = 'Flooding in eastern Libya killed thousands, Libyan officials said. Bangladeshi troops ' +
    'reached Ivory Coast and Côte d\'Ivoire; Czechia, or the Czech Republic, sent aid to Kinshasa. ' +
    'Sudanese and South Sudanese refugees fled to South Sudan.'
  const expect: Array<[string, EntityType, string]> = [
    ['Libya', 'GPE', 'Libya'], ['Libyan', 'NORP', 'Libya'], ['Bangladeshi', 'NORP', 'Bangladesh'],
    ['Ivory Coast', 'GPE', 'Ivory Coast'], ['Côte d\'Ivoire', 'GPE', 'Ivory Coast'],
    ['Czechia', 'GPE', 'Czech Republic'], ['Czech Republic', 'GPE', 'Czech Republic'],
    ['Kinshasa', 'GPE', 'DR Congo'], ['Sudanese', 'NORP', 'Sudan'],
    ['South Sudanese', 'NORP', 'South Sudan'], ['South Sudan', 'GPE', 'South Sudan'],
  ]
  for (const [mention, type, country] of expect) {
    const e = byText(text, mention)
    assert.equal(e.type, type, mention)
    assert.equal(e.country, country, mention)
  }
})

test('the two Congos, the Guineas and the Sudans: the longest name wins', () => {
  const text = 'The Democratic Republic of the Congo, the DRC, and the Republic of the Congo met ' +
    'Guinea-Bissau, Papua New Guinea, Equatorial Guinea and Guinea. Congolese troops left eastern Congo.'
  assert.equal(byText(text, 'Democratic Republic of the Congo').canonical, 'DR Congo')
  assert.equal(byText(text, 'DRC').canonical, 'DR Congo')
  assert.equal(byText(text, 'Republic of the Congo').canonical, 'Republic of the Congo')
  assert.equal(byText(text, 'Congolese').country, 'DR Congo')
  assert.equal(byText(text, 'Congo').canonical, 'DR Congo')
  for (const name of ['Guinea-Bissau', 'Papua New Guinea', 'Equatorial Guinea', 'Guinea']) {
    assert.equal(byText(text, name).canonical, name)
  }
  // "drc" in lower case is no acronym of the country
  assert.ok(!entities('the drc code failed').some((e) => e.canonical === 'DR Congo'))
})

test('places in the news carry their country; a sea or an island named after one does not', () => {
  const text = 'Shelling hit Zaporizhzhia region and Kharkiv; aid reached the Gaza Strip, Khan Younis, ' +
    'El Fasher in Darfur, Tigray, Idlib and Mosul, and Rakhine State.'
  const expect: Array<[string, string]> = [
    ['Zaporizhzhia region', 'Ukraine'], ['Kharkiv', 'Ukraine'], ['Gaza Strip', 'Palestine'],
    ['Khan Younis', 'Palestine'], ['El Fasher', 'Sudan'], ['Darfur', 'Sudan'], ['Tigray', 'Ethiopia'],
    ['Idlib', 'Syria'], ['Mosul', 'Iraq'], ['Rakhine State', 'Myanmar'],
  ]
  for (const [mention, country] of expect) {
    const e = byText(text, mention)
    assert.equal(e.type, 'GPE', mention)
    assert.equal(e.country, country, mention)
  }
  const sea = byText('Pirates struck in the Gulf of Guinea and the Gulf of Aden.', 'Gulf of Guinea')
  assert.equal(sea.country, null)
  assert.equal(byText('He flew over New Guinea.', 'New Guinea').country, null)
})

test('capitals that are common words or other places stand for no country', () => {
  const found = entities('She moved to Victoria, then Kingston and Georgetown; a male nurse in Male said so.')
  for (const word of ['Victoria', 'Kingston', 'Georgetown', 'Male', 'male']) {
    const e = found.find((x) => x.text === word)
    assert.ok(e === undefined || e.country === null, `${word}: ${JSON.stringify(e)}`)
  }
  // "Feel the Bern" is no Swiss capital; the Maldives' capital written with its accent is
  assert.equal(entities('Feel the Bern, they chanted.').find((e) => e.text === 'Bern')?.country ?? null, null)
  assert.equal(byText('Protests spread in Malé on Friday.', 'Malé').country, 'Maldives')
})

test('a country named like a person is not one after a given name, before a name, or where it is a surname', () => {
  assert.equal(byText('Jordan closed its border, Jordanian officials said.', 'Jordan').country, 'Jordan')
  assert.equal(byText('Some 45,000 people have fled to Chad since late May.', 'Chad').country, 'Chad')
  for (const [text, name] of [
    ['Rep. Jim Jordan asked the questions.', 'Jim Jordan'],
    ['Follow Chad Day on Twitter.', 'Chad Day'],
    ['Jordan Peterson spoke in Toronto.', 'Jordan Peterson'],
    ['Billionaire Mark Cuban was in the front row.', 'Mark Cuban'],
  ]) {
    const found = entities(text)
    assert.ok(!found.some((e) => e.country !== null && name.includes(e.text)), `${text}: ${JSON.stringify(found)}`)
  }
  // the article wrote "Jim Jordan": its bare "Jordan" is him, not the kingdom
  const later = byText('Rep. Jim Jordan spoke on Monday. Later, Jordan said the hearing was over.', 'Jordan')
  assert.equal(later.canonical, 'Jim Jordan')
  assert.equal(later.country, null)
})

test('Georgia is the country only once the article has named it unambiguously', () => {
  const us = entities('Voters in Georgia backed him. Georgian voters were split.')
  assert.ok(!us.some((e) => e.country === 'Georgia'), JSON.stringify(us))
  const text = 'Protesters in Tbilisi clashed with police. Georgia\'s government said 20 were hurt and Georgians marched.'
  assert.equal(byText(text, 'Tbilisi').country, 'Georgia')
  assert.equal(byText(text, 'Georgia').type, 'GPE')
  assert.equal(byText(text, 'Georgians').type, 'NORP')
  assert.equal(byText(text, 'Georgians').country, 'Georgia')
})

test('a body "of" a country is one name, unless the country owns the name after it', () => {
  const names = entities('The Bank of Japan raised rates. The Council of Kenya\'s National Assembly met.').map((e) => e.text)
  assert.ok(names.includes('Bank of Japan'), JSON.stringify(names))
  assert.ok(!names.includes('Council of Kenya'), JSON.stringify(names))
  assert.ok(names.includes('Kenya'), JSON.stringify(names))
})

test('the gazetteer knows the UN migration agency, the RSF and the IISS by their common names', () => {
  const text = 'The U.N. migration agency, the RSF and the IISS gave their figures.'
  assert.equal(byText(text, 'U.N. migration agency').canonical, 'International Organization for Migration')
  assert.equal(byText(text, 'RSF').canonical, 'Rapid Support Forces')
  assert.equal(byText(text, 'IISS').canonical, 'International Institute for Strategic Studies')
})

test('a body\'s name runs on over "of", "for", "the" and "and" in its remit, from a head the tagger reads as a common noun', () => {
  const lshtm = byText('Researchers at the London School of Hygiene and Tropical Medicine estimated the toll.', 'London School of Hygiene and Tropical Medicine')
  assert.equal(lshtm.type, 'ORG')
  assert.equal(lshtm.country, 'United Kingdom')
  for (const [text, name] of [
    ['The Centre for Strategic and International Studies published a report.', 'Centre for Strategic and International Studies'],
    ['Analysts at the Institute for the Study of Conflict said so.', 'Institute for the Study of Conflict'],
    ['A professor at the School of Oriental and African Studies wrote it.', 'School of Oriental and African Studies'],
    ['The Committee of the Red Ribbon met on Monday.', 'Committee of the Red Ribbon'],
  ]) assert.equal(byText(text, name).type, 'ORG', text)
  // a headline in title case joins no names; a body "of the" another body stays two names
  const headline = entities('Wealthy Voters Abandon Republican Party for Hillary Clinton.').map((e) => e.text)
  assert.ok(headline.includes('Hillary Clinton'), JSON.stringify(headline))
  const two = entities('The Technology Directorate of the Department of Homeland Security said so.').map((e) => e.text)
  assert.ok(two.includes('Department of Homeland Security'), JSON.stringify(two))
})

test('a company named after its founder with "\'s" is one name; a possessive stays a possessive', () => {
  assert.equal(byText("Moody's Analytics said the storm caused damage.", "Moody's Analytics").canonical, "Moody's Analytics")
  assert.equal(byText("McDonald's said it would hire workers.", "McDonald's").canonical, "McDonald's")
  assert.equal(byText('Shoppers crowded Macy’s on Friday.', 'Macy’s').canonical, 'Macy’s')
  // a name also written without "'s", a thing possessed, an acronym: possessives
  assert.ok(entities("Moody's analysts said so.").some((e) => e.text === 'Moody'))
  assert.ok(entities("Tapper's show aired. Tapper said so.").every((e) => e.text !== "Tapper's"))
  assert.ok(entities("MSNBC's anchor said so.").every((e) => e.text !== "MSNBC's"))
})

test('commissioners, brigadiers, inspectors, prosecutors and judges are titles, not part of the name', () => {
  const found = entities('Trade Commissioner Anna Halvorsen met Brigadier General Karim Haddad and Judge Ruth Okoro.')
  const names = found.map((e) => e.text)
  for (const n of ['Anna Halvorsen', 'Karim Haddad', 'Ruth Okoro']) assert.ok(names.includes(n), JSON.stringify(names))
})

// Session 14 (docs/figures.md, "Session 14 ... (fig14)"): a gazetteer person's bare surname in
// an article that named another person of that surname first.
test('a bare gazetteer surname after another person of that name is that person, until the gazetteer person came first', () => {
  const text = 'Ivanka Trump opened a store in Ohio on Monday.\n\n' +
    'Trump told reporters the store hired 40 people. Trump said it would open more.'
  const bare = entities(text).filter((e) => e.text === 'Trump')
  assert.equal(bare.length, 2)
  assert.deepEqual(bare.map((e) => e.canonical), ['Ivanka Trump', 'Ivanka Trump'])
  // near-misses: the gazetteer person named in full first; a bare mention before the other
  // person is named (the first bare mention decides); no other person of that surname
  const first = 'Donald Trump spoke in Ohio on Monday. Eric Trump spoke after him.\n\nTrump told reporters the rally drew 4,000 people.'
  assert.equal(entities(first).filter((e) => e.text === 'Trump')[0].canonical, 'Donald Trump')
  const early = 'Trump spoke in Ohio on Monday. Eric Trump spoke after him.\n\nTrump told reporters the rally drew 4,000 people.'
  assert.deepEqual(entities(early).filter((e) => e.text === 'Trump').map((e) => e.canonical), ['Donald Trump', 'Donald Trump'])
  assert.equal(byText('A rally in Ohio drew 4,000 people, Trump told reporters.', 'Trump').canonical, 'Donald Trump')
})

test('a gazetteer person\'s short name that runs on into a capitalised word the tagger read as a noun is someone else', () => {
  // "Sun" is tagged a noun; the article never writes "sun" in lower case, so it is a name's word
  const text = 'Navy commander Lee Sun said 300 sailors were missing.'
  const lee = byText(text, 'Lee Sun')
  assert.equal(lee.canonical, 'Lee Sun')
  assert.equal(lee.type, 'PERSON')
  assert.ok(!entities(text).some((e) => e.canonical === 'Lee Jae-myung'), JSON.stringify(entities(text)))
  // near-miss: the short name after a title, before a verb
  assert.equal(byText('President Lee said 300 sailors were missing.', 'Lee').canonical, 'Lee Jae-myung')
})
