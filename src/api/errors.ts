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

/** A request input failed its schema: say which field and why, in one line. */
export function fromZod(e: ZodError, where: string): ClaimtrailError {
  const issue = e.issues[0]
  const path = issue?.path.length ? issue.path.join('.') : where
  const message = issue?.message ?? 'invalid'
  return new ClaimtrailError('BAD_INPUT', `${path}: ${/received undefined$/.test(message) ? 'required' : message}`)
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
