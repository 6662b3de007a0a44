import { closeSync, openSync, writeFileSync, writeSync } from 'node:fs'
import { join } from 'node:path'

/**
 * The bad-input corpus of BENCHMARKS.md §4, generated at test time (the big inputs are
 * never committed). Each case says whether claimtrail must refuse it (one line naming
 * the document, matching `reason`) or give a sane result.
 */
export interface BadInput {
  /** File name inside the corpus folder; also the document id. */
  readonly name: string
  readonly expect: 'refused' | 'result'
  /** For refused inputs: what the one-line reason must say. */
  readonly reason?: RegExp
}

/** A short, well-formed English news paragraph with one attributed figure. */
export const GOOD_TEXT = 'About 12,000 North Korean troops have been sent to the Kursk region, according to Ukrainian military intelligence.\n'

const ARABIC = 'قال مسؤولون إن نحو ١٢٠٠٠ جندي كوري شمالي أرسلوا إلى منطقة كورسك، وفقا للاستخبارات الأوكرانية. '
const HEBREW = 'לדברי גורמים באוקראינה, כ-12,000 חיילים צפון קוריאנים נשלחו לאזור קורסק. '
const CHINESE = '据乌克兰军事情报部门称，约有一万二千名朝鲜士兵被派往库尔斯克地区。'
const JAPANESE = 'ウクライナの軍事情報機関によると、約1万2000人の北朝鮮兵がクルスク地域に派遣された。'

/** Write a file of `size` bytes by repeating `unit`, without building it in memory at once. */
function writeRepeated(path: string, head: string, unit: string, size: number, tail = ''): void {
  const fd = openSync(path, 'w')
  try {
    writeSync(fd, head)
    const chunk = Buffer.from(unit.repeat(Math.max(1, Math.floor((1 << 20) / Buffer.byteLength(unit)))))
    let written = Buffer.byteLength(head)
    while (written < size) {
      writeSync(fd, chunk)
      written += chunk.length
    }
    writeSync(fd, tail)
  } finally {
    closeSync(fd)
  }
}

/** The size of the "very large" inputs: 50 MB, as BENCHMARKS.md asks. */
export const HUGE_BYTES = 50 * 1024 * 1024

/** Write the file-based bad inputs into `dir`; returns what each must give. */
export function writeBadCorpus(dir: string): BadInput[] {
  const cases: BadInput[] = []
  const add = (name: string, content: string | Uint8Array, expect: BadInput['expect'], reason?: RegExp) => {
    writeFileSync(join(dir, name), content)
    cases.push({ name, expect, reason })
  }
  add('empty.txt', '', 'refused', /empty/)
  add('blank.txt', ' \n\t\n  \n', 'refused', /empty/)
  add('binary.txt', Buffer.from([0x7f, 0x45, 0x4c, 0x46, 2, 1, 1, 0, 0, 0, 0, 0, 0xff, 0xfe, 0x03, 0x00]), 'refused', /binary/)
  // Latin-1 bytes and a truncated multi-byte sequence: not UTF-8.
  add('invalid-utf8.txt', Buffer.concat([Buffer.from('Officials said '), Buffer.from([0xe9, 0x20, 0xc3, 0x28, 0xf0, 0x9f]), Buffer.from(' 300 were killed.')]), 'refused', /UTF-8/)
  // A lone surrogate encoded as UTF-8 (CESU-style) is invalid UTF-8 in a file...
  add('surrogate-bytes.txt', Buffer.concat([Buffer.from('Lone '), Buffer.from([0xed, 0xa0, 0x80]), Buffer.from(' surrogate.')]), 'refused', /UTF-8/)
  // ...but JSON escapes can carry one into a string: that must still give a result.
  add('lone-surrogates.jsonl', JSON.stringify({ id: 'lone-surrogates', text: `Lone \ud800 high and \udc00 low surrogates; about 4,000 soldiers were killed, officials said. \ud83d` }) + '\n', 'result')

  // U+0000 cannot be stored by PostgreSQL and is never article text: refused everywhere.
  add('nul.jsonl', JSON.stringify({ id: 'nul', text: 'About 12,000 troops\u0000 were sent, officials said.' }) + '\n', 'refused', /NUL/)

  writeRepeated(join(dir, 'huge.txt'), '', 'About 12,000 troops were sent, officials said. ', HUGE_BYTES)
  cases.push({ name: 'huge.txt', expect: 'refused', reason: /limit/ })
  // One 50 MB record in a JSONL file: the per-document cap must hold per line too.
  writeRepeated(join(dir, 'huge-record.jsonl'), '{"id":"huge-record","text":"', 'About 12,000 troops were sent, officials said. ', HUGE_BYTES, '"}\n')
  cases.push({ name: 'huge-record.jsonl', expect: 'refused', reason: /limit/ })
  writeRepeated(join(dir, 'huge.html'), '<html><body><article>', '<p>About 12,000 troops were sent, officials said.</p>', HUGE_BYTES, '</article></body></html>')
  cases.push({ name: 'huge.html', expect: 'refused', reason: /limit/ })

  // Parsing cost grows with depth at every open tag: 100k levels are refused at once
  // (they took 15-30 s), 10k levels still give the text.
  add('nested.html', `<html><body>${'<div>'.repeat(100_000)}<p>${GOOD_TEXT}</p>${'</div>'.repeat(100_000)}</body></html>`, 'refused', /nested 100,00\d elements deep/)
  add('nested-unclosed.html', `<html><body>${'<span><b>'.repeat(100_000)}${GOOD_TEXT}</body></html>`, 'refused', /nested 200,00\d elements deep/)
  add('nested-10k.html', `<html><body>${'<div>'.repeat(10_000)}<p>From a deep page. ${GOOD_TEXT}</p>${'</div>'.repeat(10_000)}</body></html>`, 'result')
  // Wide rather than deep: 30k paragraphs side by side (1 MB) once took two minutes.
  add('wide.html', `<html><body>${Array.from({ length: 30_000 }, (_, i) => `<div><p>Item ${i}.</p></div>`).join('')}<article><p>From a wide page. ${GOOD_TEXT}</p></article></body></html>`, 'result')
  const script = '<script>document.write("About 99,999 hidden soldiers were killed, according to the script.");while(true){}</script>'
  add('scripts.html', `<html><head>${script.repeat(500)}<style>p{color:red}</style></head><body onload="alert(1)">${script.repeat(500)}` +
    `<article><p>${GOOD_TEXT}</p><noscript>About 55,555 noscript troops.</noscript><iframe src="javascript:alert(1)"></iframe></article>${script}</body></html>`, 'result')

  add('unclosed-quote.txt', `The minister said: "About 4,000 soldiers were killed ${'and the fighting went on in the region for many more weeks. '.repeat(4000)}\n`, 'result')
  const words = ['troops', 'officials', 'region', 'fighting', 'about', 'several', 'reported', 'border', 'units', 'moved']
  let sentence = 'Officials said about 3,000 troops'
  for (let i = 0; sentence.length < 200_000; i++) sentence += ` ${words[i % words.length]}`
  add('long-sentence.txt', sentence + '\n', 'result')
  add('arabic.txt', ARABIC.repeat(20), 'result')
  add('hebrew.txt', HEBREW.repeat(20), 'result')
  add('cjk.txt', (CHINESE + JAPANESE).repeat(20), 'result')
  add('mixed-scripts.txt', `${GOOD_TEXT}${ARABIC}${CHINESE}${HEBREW}\u202Eevil-override\u202C ${GOOD_TEXT}`, 'result')
  return cases
}

/** Hostile and malformed feeds, served by a test server as `path -> body and content type`. */
export function badFeeds(): Record<string, { readonly type: string; readonly body: string | Buffer; readonly reason: RegExp }> {
  const laughs = ['<!ENTITY lol "lol">']
  for (let i = 1; i <= 9; i++) laughs.push(`<!ENTITY lol${i} "${`&lol${i === 1 ? '' : i - 1};`.repeat(10)}">`)
  const item = (body: string) => `<item><title>t</title><guid>g</guid><description>${body}</description></item>`
  return {
    '/feeds/billion-laughs.xml': {
      type: 'application/rss+xml',
      body: `<?xml version="1.0"?><!DOCTYPE rss [${laughs.join('')}]><rss version="2.0"><channel><title>&lol9;</title>${item('&lol9;')}</channel></rss>`,
      reason: /refused/,
    },
    '/feeds/external-entity.xml': {
      type: 'application/rss+xml',
      body: '<?xml version="1.0"?><!DOCTYPE rss [<!ENTITY xxe SYSTEM "file:///etc/passwd">]><rss version="2.0"><channel><title>x</title>' + item('&xxe;') + '</channel></rss>',
      reason: /refused/,
    },
    '/feeds/huge-item.xml': {
      type: 'application/rss+xml',
      body: `<?xml version="1.0"?><rss version="2.0"><channel><title>Big</title>${item('x'.repeat(12 * 1024 * 1024))}</channel></rss>`,
      reason: /limit/,
    },
    // Declared UTF-8, sent as Latin-1 bytes: refused clearly rather than read as mojibake.
    // (A feed that declares Latin-1 is decoded as Latin-1: src/ingest/ingest.test.ts.)
    '/feeds/latin1.xml': {
      type: 'application/rss+xml; charset=utf-8',
      body: Buffer.from(`<?xml version="1.0" encoding="ISO-8859-1"?><rss version="2.0"><channel><title>Caf\u00e9</title>${item('Le caf\u00e9 est fermé: 300 soldats.')}</channel></rss>`, 'latin1'),
      reason: /UTF-8/,
    },
    '/feeds/malformed.xml': {
      type: 'application/rss+xml',
      body: '<?xml version="1.0"?><rss version="2.0"><channel><title>Broken<item><description>no end',
      reason: /XML|feed/,
    },
    '/feeds/not-a-feed.xml': {
      type: 'application/xml',
      body: '<?xml version="1.0"?><html><body>hello</body></html>',
      reason: /not an RSS or Atom feed/,
    },
  }
}

/**
 * About 1 MB of text with a vocabulary of ~100,000 distinct words: its PostgreSQL
 * full-text vector passes the 1 MB tsvector limit, though the document is far under the
 * 10 MB per-document cap.
 */
export function largeVocabularyText(): string {
  const letters = 'abcdefghijklmnopqrstuvwxyz'
  const parts: string[] = ['About 12,000 North Korean troops were sent, officials said.']
  let length = 0
  for (let i = 0; length < 1_000_000; i++) {
    let n = i
    let w = ''
    do { w += letters[n % 26]; n = Math.floor(n / 26) } while (n > 0)
    const word = `${w}q${w}`
    parts.push(i % 20 === 19 ? `${word}.` : word)
    length += word.length + 1
  }
  return parts.join(' ') + '\n'
}
