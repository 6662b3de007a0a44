import type { Context } from 'hono'
import type { ContentfulStatusCode } from 'hono/utils/http-status'
import type { ZodError } from 'zod'
import { ClaimtrailError, isClaimtrailError, type ErrorCode } from '../model/errors.ts'

/**
 * The one place where errors become HTTP responses: a stable code, a one-line message,
 * a 4xx status for what the client can fix, never a stack trace.
 */

/** HTTP status of each error code. */
export const STATUS_OF: Record<ErrorCode, ContentfulStatusCode> = {
  BAD_INPUT: 400,
  USAGE: 400,
  UNAUTHORIZED: 401,
  NOT_FOUND: 404,
  METHOD_NOT_ALLOWED: 405,
  CONFLICT: 409,
  TOO_LARGE: 413,
  UNSUPPORTED: 422,
  PIPELINE: 500,
  STORE: 503,
}

/** The JSON body of an error response. */
export interface ErrorBody {
  readonly error: { readonly code: ErrorCode | 'INTERNAL'; readonly message: string }
}

/** What a JSON value of a zod type is called in a message. */
const A_TYPE: Record<string, string> = { object: 'a JSON object', array: 'a list', string: 'a string', number: 'a number', boolean: 'true or false', null: 'null' }

/**
 * zod's own wording of an issue, said as what to send: "must be a string, not a number"
 * rather than "Invalid input: expected string, received number" (session 15, rev15). A
 * message a schema gives itself is kept as it is.
 */
function issueMessage(issue: ZodError['issues'][number]): string {
  const message = issue.message
  if (/received undefined$/.test(message)) return 'required'
  if (issue.code === 'invalid_type' && /^Invalid input: expected/.test(message)) {
    const received = /received (\w+)$/.exec(message)?.[1]
    return `must be ${A_TYPE[issue.expected] ?? issue.expected}${received ? `, not ${A_TYPE[received] ?? received}` : ''}`
  }
  if (issue.code === 'invalid_value' && /^Invalid option/.test(message)) return `use one of ${issue.values.map(String).join(', ')}`
  if ((issue.code === 'too_small' || issue.code === 'too_big') && /^Too (?:small|big)/.test(message)) {
    const bound = issue.code === 'too_small' ? issue.minimum : issue.maximum
    const most = issue.code === 'too_small' ? 'at least' : 'at most'
    if (issue.origin === 'string') return issue.code === 'too_small' && Number(bound) === 1 ? 'must not be empty' : `must be ${most} ${bound} characters`
    if (issue.origin === 'array' || issue.origin === 'set') return `give ${most} ${bound}`
    return `must be ${most} ${bound}`
  }
  return message
}

/** A request input failed its schema: say which field and why, in one line. */
export function fromZod(e: ZodError, where: string): ClaimtrailError {
  const issue = e.issues[0]
  const path = issue?.path.length ? issue.path.join('.') : where
  return new ClaimtrailError('BAD_INPUT', `${path}: ${issue === undefined ? 'invalid' : issueMessage(issue)}`)
}

/** The response for any error thrown while handling a request. */
export function errorResponse(c: Context, e: unknown): Response {
  if (isClaimtrailError(e)) {
    const body: ErrorBody = { error: { code: e.code, message: e.message } }
    return c.json(body, STATUS_OF[e.code])
  }
  // Anything else is a bug: log it for the operator, tell the client only that it happened.
  console.error('claimtrail serve: internal error:', e instanceof Error ? (e.stack ?? e.message) : e)
  const body: ErrorBody = { error: { code: 'INTERNAL', message: 'internal error; see the server log' } }
  return c.json(body, 500)
}
