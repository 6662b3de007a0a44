/** Stable error codes; shells map them to exit codes and HTTP statuses. */
export type ErrorCode =
  | 'BAD_INPUT'        // a document or request that cannot be read
  | 'UNSUPPORTED'      // a format or language the tool does not handle
  | 'NOT_FOUND'
  | 'CONFLICT'
  | 'PIPELINE'         // a stage is misconfigured or failed on a document
  | 'STORE'            // the database refused or is unreachable
  | 'UNAUTHORIZED'
  | 'TOO_LARGE'
  | 'METHOD_NOT_ALLOWED' // an HTTP method the route does not answer
  | 'USAGE'            // wrong command-line or API usage

/**
 * The one error class core code throws. `message` says what went wrong and what to do
 * next, in one line a user can read.
 *
 * @example
 * throw new ClaimtrailError('BAD_INPUT', 'notes.txt: not UTF-8 text; convert it first')
 */
export class ClaimtrailError extends Error {
  constructor(readonly code: ErrorCode, message: string, options?: { cause?: unknown }) {
    super(message, options)
    this.name = 'ClaimtrailError'
  }
}

/** Whether a value is a {@link ClaimtrailError}, optionally with a given code. */
export function isClaimtrailError(e: unknown, code?: ErrorCode): e is ClaimtrailError {
  return e instanceof ClaimtrailError && (code === undefined || e.code === code)
}

/**
 * Why a file could not be read, in words ("no such file") rather than the system's
 * `ENOENT: no such file or directory, open '…'`; another error's own message.
 */
export function fileErrorReason(e: unknown): string {
  const code = (e as NodeJS.ErrnoException | null)?.code
  return code === 'ENOENT' ? 'no such file'
    : code === 'EACCES' || code === 'EPERM' ? 'permission denied'
    : code === 'EISDIR' ? 'is a directory'
    : e instanceof Error ? e.message : String(e)
}
