import { isIsoDate } from '../ingest/files.ts'
import { ClaimtrailError } from '../model/errors.ts'

// Flags more than one command takes, read once, so they are refused in the same words
// (session 15, rev15: `extract` and `ingest` worded a bad --published differently, and
// --max-bytes was parsed three times).

/** `--max-bytes N`: a positive number of bytes, or undefined when not given. */
export function maxBytesFlag(value: string | undefined): number | undefined {
  if (value === undefined) return undefined
  const n = Number(value)
  if (!(n > 0)) throw new ClaimtrailError('USAGE', `--max-bytes ${value}: give a positive number`)
  return n
}

/** `--published YYYY-MM-DD`: a calendar date, or undefined when not given. */
export function publishedFlag(value: string | undefined): string | undefined {
  if (value !== undefined && !isIsoDate(value)) throw new ClaimtrailError('USAGE', `--published ${value}: use a calendar date YYYY-MM-DD`)
  return value
}
