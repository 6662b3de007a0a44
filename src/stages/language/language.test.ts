import { test } from 'node:test'
import assert from 'node:assert/strict'
import { detectLanguage } from './language.ts'

const cases: Array<[string, string, boolean]> = [
  ['About 4,000 soldiers have been killed or injured, according to Western officials, who said the toll was rising.', 'en', true],
  ['북한은 러시아에 약 1만2천 명의 병력을 파견했다고 국가정보원이 밝혔다.', 'ko', false],
  ['Северная Корея направила в Россию около 12 тысяч военнослужащих, сообщили в разведке.', 'ru', false],
  ['朝鲜向俄罗斯派遣了大约一万二千名士兵，情报机构说。', 'zh', false],
  ['北朝鮮はロシアに約1万2千人の兵士を派遣したと情報機関が発表した。', 'ja', false],
  ['Corea del Norte envió unos 12.000 soldados a Rusia, según fuentes de inteligencia de Corea del Sur y de los Estados Unidos.', 'und', false],
  ['כוריאה הצפונית שלחה כ-12,000 חיילים לרוסיה, כך אמרו גורמי מודיעין.', 'he', false],
  ['Troops arrived.', 'en', true],
  ['12345 67890', 'und', false],
]

test('detects English and refuses what it cannot handle', () => {
  for (const [text, code, supported] of cases) {
    const got = detectLanguage(text)
    assert.equal(got.code, code, text)
    assert.equal(got.isSupported, supported, text)
  }
})

// The word count reads A-Z as a-z without lower-casing the text when no other character
// changes case, and lower-cases the whole text when one does: both give the same answers.
test('function words are counted in capitals and beside letters that change case', () => {
  const english = 'THE MINISTER SAID THAT THE TROOPS WERE MOVED TO THE BORDER BY THE ARMY, WHICH HAS DENIED IT.'
  assert.deepEqual(detectLanguage(english), { code: 'en', isSupported: true })
  // "É" and "İ" lower-case to other code points ("İ" to two); the words around them still count
  assert.deepEqual(detectLanguage(`${english} ÉCOLE İSTANBUL`), { code: 'en', isSupported: true })
  assert.deepEqual(detectLanguage('Les ÉLÈVES de l’école sont arrivés à Paris hier soir avec leurs professeurs et leurs parents.'),
    { code: 'und', isSupported: false })
  // "THEY" is five letters, "THERE" is not a function word, "SAIDS" is none
  assert.deepEqual(detectLanguage('THEY THEY THEY THERE THERE SAIDS SAIDS SAIDS SAIDS SAIDS SAIDS SAIDS SAIDS SAIDS SAIDS SAIDS SAIDS SAIDS SAIDS SAIDS'),
    { code: 'en', isSupported: true })
})
