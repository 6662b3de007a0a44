/**
 * Near-duplicate detection: word shingles, MinHash signatures and LSH banding group
 * syndicated copies of one story (a wire report carried by several outlets, lightly
 * edited) into a story group, so that the group counts as one independent report.
 *
 * Pure functions, no I/O: the store persists signatures, reconcile groups them.
 */

/** Words per shingle. Five-word shingles survive light edits (a changed headline or lede)
 * yet rarely collide between independently written texts (Broder 1997 used 4-10). */
export const SHINGLE_WORDS = 5
/** Hash functions per signature; the Jaccard estimate's standard error is about 1/sqrt(64) = 0.125. */
export const SIGNATURE_SIZE = 64
/** Estimated Jaccard similarity at or above which two articles are copies of one story. */
export const DEFAULT_DUPLICATE_THRESHOLD = 0.5
// 32 bands of 2 rows: a pair at Jaccard 0.5 becomes a candidate with probability
// 1 - (1 - 0.5^2)^32 > 0.9999; candidates are then checked against the threshold.
const BANDS = 32
const ROWS = SIGNATURE_SIZE / BANDS

// Seeds for the hash family: fixed, so that signatures stored by one run compare with
// signatures computed by the next.
const SEEDS: Uint32Array = (() => {
  const seeds = new Uint32Array(SIGNATURE_SIZE)
  let x = 0x9e3779b9
  for (let i = 0; i < SIGNATURE_SIZE; i++) {
    x = fmix32(x + 0x6d2b79f5 + i)
    seeds[i] = x
  }
  return seeds
})()

// MurmurHash3's 32-bit finaliser: a cheap, well-mixing permutation of 32-bit integers.
function fmix32(h: number): number {
  h ^= h >>> 16
  h = Math.imul(h, 0x85ebca6b)
  h ^= h >>> 13
  h = Math.imul(h, 0xc2b2ae35)
  h ^= h >>> 16
  return h >>> 0
}

function fnv1a(s: string): number {
  let h = 0x811c9dc5
  for (let i = 0; i < s.length; i++) {
    h ^= s.charCodeAt(i)
    h = Math.imul(h, 0x01000193)
  }
  return h >>> 0
}

/** Lower-cased word tokens (letters and digits), the unit shingles are made of. */
export function words(text: string): string[] {
  return text.toLowerCase().normalize('NFKC').match(/[\p{L}\p{N}]+/gu) ?? []
}

/** The set of hashed k-word shingles of a text; a text shorter than k words is one shingle. */
export function shingleHashes(text: string, k = SHINGLE_WORDS): Set<number> {
  const w = words(text)
  const out = new Set<number>()
  if (w.length === 0) return out
  if (w.length < k) {
    out.add(fnv1a(w.join(' ')))
    return out
  }
  for (let i = 0; i + k <= w.length; i++) out.add(fnv1a(w.slice(i, i + k).join(' ')))
  return out
}

/**
 * The MinHash signature of a text: for each of {@link SIGNATURE_SIZE} hash functions,
 * the least hash over the text's shingles. An empty text gets all-max values.
 *
 * @example
 * estimateJaccard(minhash('a wire story ...'), minhash('a wire story ...')) // 1
 */
export function minhash(text: string): number[] {
  const sig = new Array<number>(SIGNATURE_SIZE).fill(0xffffffff)
  for (const h of shingleHashes(text)) {
    for (let i = 0; i < SIGNATURE_SIZE; i++) {
      const v = fmix32(h ^ SEEDS[i])
      if (v < sig[i]) sig[i] = v
    }
  }
  return sig
}

/** Estimated Jaccard similarity of two texts from their signatures: the share of equal minima. */
export function estimateJaccard(a: readonly number[], b: readonly number[]): number {
  const n = Math.min(a.length, b.length)
  if (n === 0) return 0
  let same = 0
  for (let i = 0; i < n; i++) if (a[i] === b[i]) same++
  return same / n
}

/** An article as the grouping sees it. `order` decides which copy names the group (earliest first). */
export interface SignedArticle {
  readonly key: string
  readonly signature: readonly number[]
  /** Sort key, usually the publication date; the first article of a group is its representative. */
  readonly order: string
}

/**
 * Group near-duplicate articles into story groups. Returns, for each article key, the key
 * of its group's representative (the earliest article, ties broken by key). Grouping is
 * transitive: if A copies B and B copies C, all three are one group.
 */
export function groupNearDuplicates(
  articles: readonly SignedArticle[], threshold = DEFAULT_DUPLICATE_THRESHOLD,
): Map<string, string> {
  const sorted = [...articles].sort((a, b) => a.order.localeCompare(b.order) || a.key.localeCompare(b.key))
  const parent = sorted.map((_, i) => i)
  const find = (i: number): number => {
    while (parent[i] !== i) {
      parent[i] = parent[parent[i]]
      i = parent[i]
    }
    return i
  }
  const union = (a: number, b: number): void => {
    const ra = find(a)
    const rb = find(b)
    // The smaller index is the earlier article: it stays the representative.
    if (ra !== rb) parent[Math.max(ra, rb)] = Math.min(ra, rb)
  }
  for (let band = 0; band < BANDS; band++) {
    const buckets = new Map<string, number[]>()
    for (let i = 0; i < sorted.length; i++) {
      const sig = sorted[i].signature
      if (sig.length < SIGNATURE_SIZE || sig[0] === 0xffffffff) continue
      const key = sig.slice(band * ROWS, band * ROWS + ROWS).join(',')
      const bucket = buckets.get(key)
      if (bucket) bucket.push(i)
      else buckets.set(key, [i])
    }
    for (const bucket of buckets.values()) {
      if (bucket.length < 2) continue
      for (let x = 0; x < bucket.length; x++) {
        for (let y = x + 1; y < bucket.length; y++) {
          const i = bucket[x]
          const j = bucket[y]
          if (find(i) === find(j)) continue
          if (estimateJaccard(sorted[i].signature, sorted[j].signature) >= threshold) union(i, j)
        }
      }
    }
  }
  const out = new Map<string, string>()
  for (let i = 0; i < sorted.length; i++) out.set(sorted[i].key, sorted[find(i)].key)
  return out
}
