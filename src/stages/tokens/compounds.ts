// Compound nouns whose first word the tagger reads as a verb, in one place for the
// attribution and claim stages.

// First word (lemma) -> the nouns (lemmas) that make a compound noun with it.
const COMPOUNDS: ReadonlyMap<string, ReadonlySet<string>> = new Map([
  ['think', new Set(['tank'])],
  ['report', new Set(['card'])],
])

/**
 * Whether the words of lemmas `first` and `second` make a compound noun ("think tank",
 * "report card"): "think" there is no verb of belief, and "think tank estimates" is a noun
 * phrase and its verb.
 */
export function isCompoundNoun(first: string, second: string): boolean {
  return COMPOUNDS.get(first)?.has(second) ?? false
}
