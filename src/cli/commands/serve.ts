import { parseArgs } from 'node:util'
import { startServer, type RunningServer } from '../../api/server.ts'
import { ClaimtrailError } from '../../model/errors.ts'
import type { Store } from '../../store/store.ts'
import type { CliIo, Command } from '../command.ts'
import { openLedger } from './ledger-shared.ts'

/** Flags shared by `serve` and `start`. */
export const SERVE_OPTIONS = {
  db: { type: 'string' },
  port: { type: 'string', default: '8080' },
  host: { type: 'string', default: '127.0.0.1' },
  token: { type: 'string' },
} as const

/** Check and convert `--port`. */
export function portFlag(v: string): number {
  const port = Number(v)
  if (!Number.isInteger(port) || port < 0 || port > 65535) throw new ClaimtrailError('USAGE', `--port ${v}: give a number from 0 to 65535`)
  return port
}

const LOOPBACK = new Set(['127.0.0.1', 'localhost', '::1'])

/**
 * The write token: `--token`, else `CLAIMTRAIL_TOKEN`, else none. An empty `--token` is
 * refused: `--token "$CLAIMTRAIL_TOKEN"` with the variable unset would otherwise open
 * every write without a word. An empty variable is no token (and a public host warns).
 */
export function tokenFlag(flag: string | undefined, env: NodeJS.ProcessEnv): string | null {
  if (flag === '') throw new ClaimtrailError('USAGE', '--token is empty (is the variable you gave it set?); give a token, or leave out --token to serve without one')
  const token = flag ?? env.CLAIMTRAIL_TOKEN ?? ''
  return token === '' ? null : token
}

/**
 * Serve a ledger until the process is interrupted (SIGINT or SIGTERM), then close the
 * server and the store. Prints the URL on standard output.
 */
export async function serveUntilStopped(
  store: Store, io: CliIo, flags: { port: string; host: string; token?: string },
): Promise<number> {
  const token = tokenFlag(flags.token, io.env)
  let server: RunningServer
  try {
    server = await startServer({ store, port: portFlag(flags.port), host: flags.host, token })
  } catch (e) {
    await store.close()
    throw e
  }
  io.stdout.write(`claimtrail is serving ${store.backend === 'postgres' ? 'the PostgreSQL ledger' : 'the ledger'} at ${server.url}/\n`)
  if (token === null && !LOOPBACK.has(flags.host)) {
    io.stderr.write(`claimtrail serve: warning: listening on ${flags.host} without a token: anyone who can reach it can add articles and change figures; set --token or CLAIMTRAIL_TOKEN\n`)
  }
  // A mistyped --db makes a new, empty ledger: a web app with no figures should say why.
  if ((await store.counts()).articles === 0) {
    io.stderr.write("claimtrail serve: the ledger is empty; add articles with 'claimtrail ingest FILE|FOLDER|URL' (or POST /api/articles), or check --db\n")
  }
  io.stderr.write('Press Ctrl+C to stop.\n')
  await new Promise<void>((resolve) => {
    const stop = (): void => {
      process.off('SIGINT', stop)
      process.off('SIGTERM', stop)
      resolve()
    }
    process.on('SIGINT', stop)
    process.on('SIGTERM', stop)
  })
  await server.close()
  await store.close()
  return 0
}

export const command: Command = {
  name: 'serve',
  summary: 'Serve the web app and the HTTP API over the ledger (127.0.0.1:8080 by default).',
  usage: 'claimtrail serve [--db PATH] [--port N] [--host H] [--token T]   (token also from CLAIMTRAIL_TOKEN; PostgreSQL when DATABASE_URL is set)',
  async run(args, io) {
    const { values, positionals } = parseArgs({ args: [...args], allowPositionals: true, options: SERVE_OPTIONS })
    if (positionals.length > 0) throw new ClaimtrailError('USAGE', `serve takes no arguments (got "${positionals[0]}"); did you mean --db ${positionals[0]}?`)
    portFlag(values.port)
    tokenFlag(values.token, io.env)
    const store = await openLedger(values.db, io, { create: true })
    return serveUntilStopped(store, io, values)
  },
}
