// The future tense, as the times stage and the claim stage read it: one list of its modals.
// The two read it at different places, for different things (docs/figures.md, "Session 10
// (branch `rev10`): the future tense in two layers"): the times stage, which knows no figure, resolves a
// weekday after a modal in its clause as the next one ("will meet on Monday"); the claim
// stage, which knows the figure's clause, moves a time that dates a figure in the future
// tense ahead of publication ("By the end of March, 5,000 troops will be deployed").

/**
 * The modals of the future tense as lemmas: wink gives "will" for "'ll" and for the "wo" of
 * "won't". Not "would", a past's future ("said in March it would send 5,000").
 */
export const FUTURE_MODALS: ReadonlySet<string> = new Set(['will', 'shall'])

/** The same modals as written, for a reader of plain text. */
export const FUTURE_MODAL_FORMS: readonly string[] = ['will', 'shall', 'wo', "'ll", '’ll']
