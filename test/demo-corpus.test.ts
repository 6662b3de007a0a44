import { test } from 'node:test'
import assert from 'node:assert/strict'
import { readFileSync } from 'node:fs'
import { fileURLToPath } from 'node:url'

/**
 * Checks the demo corpus in examples/demo/articles.jsonl: the ledger's demo and its
 * acceptance criteria (issue 5) rely on it being well-formed, dated inside the period it
 * covers, and containing exactly one wire story carried by three outlets.
 */

const corpusPath = fileURLToPath(new URL('../examples/demo/articles.jsonl', import.meta.url))
const requiredFields = ['id', 'title', 'published', 'outlet', 'url', 'text'] as const

interface DemoArticle {
  readonly id: string
  readonly title: string
  readonly published: string
  readonly outlet: string
  readonly url: string
  readonly text: string
}

function readCorpus(): DemoArticle[] {
  const lines = readFileSync(corpusPath, 'utf8').split('\n').filter((line) => line.trim() !== '')
  return lines.map((line, index) => {
    let parsed: unknown
    try {
      parsed = JSON.parse(line)
    } catch (error) {
      throw new Error(`articles.jsonl line ${index + 1} is not JSON: ${(error as Error).message}`)
    }
    assert.ok(parsed !== null && typeof parsed === 'object', `line ${index + 1} is not an object`)
    const record = parsed as Record<string, unknown>
    for (const field of requiredFields) {
      assert.equal(typeof record[field], 'string', `line ${index + 1}: ${field} must be a string`)
      assert.notEqual((record[field] as string).trim(), '', `line ${index + 1}: ${field} is empty`)
    }
    return record as unknown as DemoArticle
  })
}

/** Word 5-gram shingles, lower-cased; the usual unit for near-duplicate detection. */
function shingles(text: string, size = 5): Set<string> {
  const words = text.toLowerCase().match(/[\p{L}\p{N}']+/gu) ?? []
  const result = new Set<string>()
  for (let i = 0; i + size <= words.length; i++) result.add(words.slice(i, i + size).join(' '))
  return result
}

function jaccard(a: Set<string>, b: Set<string>): number {
  let shared = 0
  for (const item of a) if (b.has(item)) shared++
  return shared / (a.size + b.size - shared)
}

const articles = readCorpus()

test('every line is a complete article with a kebab-case id and an example.test URL', () => {
  for (const article of articles) {
    assert.match(article.id, /^[a-z0-9]+(?:-[a-z0-9]+)*$/, `id ${article.id}`)
    assert.match(article.url, /^https:\/\/example-[a-z0-9-]+\.test\//, `url of ${article.id}`)
  }
})

test('ids and URLs are unique', () => {
  const ids = articles.map((a) => a.id)
  assert.equal(new Set(ids).size, ids.length, 'duplicate id')
  const urls = articles.map((a) => a.url)
  assert.equal(new Set(urls).size, urls.length, 'duplicate url')
})

test('there are at least 25 articles', () => {
  assert.ok(articles.length >= 25, `only ${articles.length} articles`)
})

test('publication dates are real calendar dates from 2024-10 to 2025-12', () => {
  for (const { id, published } of articles) {
    assert.match(published, /^\d{4}-\d{2}-\d{2}$/, `${id}: ${published}`)
    const date = new Date(`${published}T00:00:00Z`)
    // Round-tripping rejects dates such as 2025-02-30 that Date would roll over.
    assert.equal(date.toISOString().slice(0, 10), published, `${id}: ${published} is not a date`)
    assert.ok(published >= '2024-10-01' && published <= '2025-12-31', `${id}: ${published} out of range`)
  }
})

test('texts are short reports of 150-400 words in paragraphs', () => {
  for (const { id, text } of articles) {
    const words = text.split(/\s+/).filter(Boolean).length
    assert.ok(words >= 150 && words <= 400, `${id} has ${words} words`)
    assert.ok(text.includes('\n\n'), `${id} has no paragraph breaks`)
    assert.equal(text, text.trim(), `${id} has leading or trailing whitespace`)
  }
})

test('exactly three articles carry the same wire story, from three outlets within a day', () => {
  const sets = articles.map((a) => shingles(a.text))
  // Syndicated copies differ by a credit line or a dropped sentence, which keeps the
  // 5-gram overlap above 0.8; independently written reports on one event stay far below.
  const nearDuplicate = 0.8
  const parent = articles.map((_, i) => i)
  const root = (i: number): number => (parent[i] === i ? i : (parent[i] = root(parent[i])))
  for (let i = 0; i < articles.length; i++) {
    for (let j = i + 1; j < articles.length; j++) {
      if (jaccard(sets[i], sets[j]) >= nearDuplicate) parent[root(i)] = root(j)
    }
  }
  const groups = new Map<number, DemoArticle[]>()
  articles.forEach((article, i) => groups.set(root(i), [...(groups.get(root(i)) ?? []), article]))
  const copies = [...groups.values()].filter((group) => group.length > 1)
  assert.equal(copies.length, 1, `expected one syndicated group, got ${copies.length}`)
  const [group] = copies
  assert.equal(group.length, 3, `syndicated group has ${group.length} articles`)
  assert.equal(new Set(group.map((a) => a.outlet)).size, 3, 'copies must come from three outlets')
  const days = group.map((a) => Date.parse(`${a.published}T00:00:00Z`) / 86_400_000)
  assert.ok(Math.max(...days) - Math.min(...days) <= 1, 'copies must be published within a day')
})
