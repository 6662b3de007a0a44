/**
 * claimtrail's public API: analyse articles into attributions, quantities and claims,
 * and write them in the project's output formats.
 *
 * @example
 * import { createAnalyzer, toJsonDocument } from 'claimtrail'
 * const analyzer = createAnalyzer()
 * const doc = analyzer.analyze('About 4,000 were hurt, officials said.', { id: 'a1', published: '2025-01-09' })
 * toJsonDocument(doc).claims
 */
export { createAnalyzer, type Analyzer, type AnalyzerOptions } from './analyze.ts'
export { Doc, type DocMeta, type Layers, type LayerName, type TokenColumns } from './model/doc.ts'
export type {
  Amount, Attribution, Bound, Category, CharSpan, Claim, Entity, Quantity, Sentence, TimeExpression,
} from './model/types.ts'
export { ClaimtrailError, isClaimtrailError, type ErrorCode } from './model/errors.ts'
export { createPipeline, type Pipeline } from './pipeline/pipeline.ts'
export { defineStage, type Stage } from './pipeline/stage.ts'
export { toJsonDocument, type JsonDocument } from './format/json.ts'
export { readBrat, writeBrat } from './format/brat.ts'
export { formatTextReport } from './format/text.ts'
export { readInputs, type InputRecord, type InputResult } from './ingest/files.ts'
