// Titles and honorifics written before a name ("President Barack Obama", "Sen. Jane Roe"): the
// common set in US and UK news style guides. One list for the attribution stage, which trims
// them from a named source (`trimTitles` in attributions/sources.ts), and the web app, which
// skips them when it asks whether a source's text already names its entity (`sourceText` in
// web/pages.ts).

/** Titles written in full, and the articles that may open one ("the former president"). */
const FULL = [
  'president', 'vice', 'senator', 'representative', 'governor', 'professor', 'secretary', 'minister', 'prime',
  'spokesman', 'spokeswoman', 'spokesperson', 'general', 'mayor', 'chairman', 'chairwoman', 'judge', 'justice',
  'attorney', 'former', 'leader', 'chief', 'director', 'candidate', 'nominee', 'the', 'a',
]

/** Titles cut short, without their full stop ("Sen.", "Mr." or the British "Mr"). */
const ABBREVIATED = ['sen', 'rep', 'gov', 'mr', 'mrs', 'ms', 'dr', 'prof', 'gen', 'col', 'lt']

/** The titles as lower-case words, the abbreviations without their full stop ("sen", "mr"). */
export const NAME_TITLES: ReadonlySet<string> = new Set([...FULL, ...ABBREVIATED])

/**
 * The titles as tokens are written, lower case: the abbreviations with their full stop only
 * ("sen.", "mr."; "mr" alone is left as part of the name, as the attribution stage always did).
 */
export const NAME_TITLE_TOKENS: ReadonlySet<string> = new Set([...FULL, ...ABBREVIATED.map((w) => `${w}.`)])
