import { isClaimtrailError } from '../model/errors.ts'
import type { CliIo, Command } from './command.ts'

// Commands load lazily: `extract` should not pay for the database drivers.
const COMMANDS: Record<string, () => Promise<{ command: Command }>> = {
  extract: () => import('./commands/extract.ts'),
  eval: () => import('./commands/eval.ts'),
  start: () => import('./commands/start.ts'),
  serve: () => import('./commands/serve.ts'),
  report: () => import('./commands/report.ts'),
  ingest: () => import('./commands/ingest.ts'),
  watch: () => import('./commands/watch.ts'),
  articles: () => import('./commands/articles.ts'),
  claims: () => import('./commands/claims.ts'),
  figures: () => import('./commands/figures.ts'),
  figure: () => import('./commands/figure.ts'),
  timeline: () => import('./commands/timeline.ts'),
  sources: () => import('./commands/sources.ts'),
  export: () => import('./commands/export.ts'),
  reextract: () => import('./commands/reextract.ts'),
  worker: () => import('./commands/worker.ts'),
  enqueue: () => import('./commands/enqueue.ts'),
}

function processIo(): CliIo {
  // `claimtrail figures | head` closes the pipe early: a normal end, not a stack trace.
  process.stdout.on('error', (e: NodeJS.ErrnoException) => {
    if (e.code === 'EPIPE') process.exit(0)
    // `claimtrail export > FILE` on a full disk (ENOSPC), a quota (EDQUOT), an I/O error:
    // one line, not node's stack trace. What a command stored in the ledger stays stored.
    const what = /^\w+: (.*?)(?:, \w+)?$/.exec(e.message)?.[1] ?? e.message
    process.stderr.write(`claimtrail: cannot write the output: ${what}${e.code ? ` (${e.code})` : ''}; free some space or write it elsewhere\n`)
    process.exit(1)
  })
  return {
    stdout: process.stdout, stderr: process.stderr, stdin: process.stdin,
    isTty: Boolean(process.stderr.isTTY), env: process.env,
  }
}

/** The exit statuses, as `--help` lists them (docs/contracts.md, "Exit statuses"). */
export const EXIT_STATUSES = [
  'exit status:',
  '  0    done',
  '  1    a document, the ledger or the output failed (a bad document is reported and the others go on)',
  '  2    a wrong command, flag or argument (nothing was done)',
  '  70   an internal error: a bug in claimtrail, please report it (CLAIMTRAIL_DEBUG=1 prints the stack trace)',
  '  130  interrupted (Ctrl-C or SIGTERM) during ingest or start: what was stored is kept; run it again to go on',
]

/** The list of commands: on standard output when asked for, on standard error (status 2) when no command was given. */
async function help(out: NodeJS.WritableStream, status: number): Promise<number> {
  const lines = ['usage: claimtrail <command> [options]', '', 'commands:']
  for (const name of Object.keys(COMMANDS)) {
    const { command } = await COMMANDS[name]()
    lines.push(`  ${name.padEnd(12)} ${command.summary}`)
  }
  lines.push('', "Run 'claimtrail <command> --help' for a command's options.", '', ...EXIT_STATUSES)
  out.write(lines.join('\n') + '\n')
  return status
}

/**
 * node:util parseArgs's message as one line. Its message for `--subject -x` takes three
 * lines to say that a value starting with a dash must be attached with `=` (a negative
 * number is joined to its flag before: `withNegativeNumberJoined`).
 */
function parseArgsMessage(message: string, args: readonly string[]): string {
  const ambiguous = /^Option '(--[\w-]+)' argument is ambiguous/.exec(message)
  if (ambiguous !== null) {
    const flag = ambiguous[1]
    const value = args[args.indexOf(flag) + 1] ?? ''
    return /^-[^-]/.test(value)
      ? `option '${flag}' needs a value; to give one that starts with a dash, write ${flag}=${value}`
      : `option '${flag}' needs a value, and ${value} is another option`
  }
  // "Unknown option '--bogus'. To specify a positional argument starting with a '-', place
  // it at the end of the command after '--', as in '-- "--bogus"': the advice is about
  // positional arguments, which is rarely what a mistyped flag was meant to be.
  const unknown = /^Unknown option '([^']+)'/.exec(message)
  if (unknown !== null) return `unknown option '${unknown[1]}'`
  // "Option '-o, --out <value>' argument missing": name the flag as it is typed.
  const missing = /^Option '((?:-\w, )?--?[\w-]+)(?: <value>)?' argument missing/.exec(message)
  if (missing !== null) return `option '${missing[1].replace(', ', '/')}' needs a value`
  return message.replace(/\.?\s*\n\s*/g, '; ').replace(/\.$/, '')
}

/**
 * Run the CLI with the given arguments; returns the exit status. Errors the user can act
 * on are printed as one line; anything else is reported as an internal error, also
 * without a stack trace unless CLAIMTRAIL_DEBUG is set.
 */
export async function main(argv: readonly string[], io: CliIo = processIo()): Promise<number> {
  const [name, ...rest] = argv
  // No command is a usage error (a script that lost its argument should not look successful).
  if (name === undefined) return help(io.stderr, 2)
  if (name === '--help' || name === '-h' || name === 'help') return help(io.stdout, 0)
  if (name === '--version') {
    io.stdout.write('claimtrail 0.1.0\n')
    return 0
  }
  const load = COMMANDS[name]
  if (load === undefined) {
    io.stderr.write(`claimtrail: unknown command "${name}"; run 'claimtrail --help' for the list\n`)
    return 2
  }
  let args = rest
  for (;;) {
    const status = await runCommand(name, load, args, io)
    if (typeof status === 'number') return status
    args = status.retry
  }
}

/**
 * `args` with a negative number after the flag that parseArgs found ambiguous written as that
 * flag's value (`--limit -3` as `--limit=-3`), so that the command refuses it in its own words
 * ("--limit -3: give a whole number of rows, 1 or more"); null when the parse error is another,
 * or the word after the flag is no number (it may be a flag the user meant).
 */
function withNegativeNumberJoined(message: string, args: readonly string[]): string[] | null {
  const ambiguous = /^Option '(--[\w-]+)' argument is ambiguous/.exec(message)
  if (ambiguous === null) return null
  // the occurrence of the flag that a negative number follows ("--limit 5 --limit -3")
  const at = args.findIndex((a, i) => a === ambiguous[1] && NEGATIVE_NUMBER.test(args[i + 1] ?? ''))
  if (at < 0) return null
  return [...args.slice(0, at), `${args[at]}=${args[at + 1]}`, ...args.slice(at + 2)]
}

// "-3", "-0.5": no flag of claimtrail's is a digit.
const NEGATIVE_NUMBER = /^-\d+(?:\.\d+)?$/

/**
 * Run one command; an error the user can act on is one line and a status. `{ retry }` when the
 * arguments parse once a negative number is joined to its flag (`withNegativeNumberJoined`):
 * every command parses its flags before it does anything.
 */
async function runCommand(
  name: string, load: (typeof COMMANDS)[string], rest: readonly string[], io: CliIo,
): Promise<number | { readonly retry: string[] }> {
  try {
    const { command } = await load()
    if (rest.includes('--help') || rest.includes('-h')) {
      io.stdout.write(`usage: ${command.usage}\n\n${command.summary}\n\nExit status 0 when done, 1 when a document, the ledger or the output failed, 2 for a wrong flag or argument, 70 for an internal error (a bug; 'claimtrail --help' lists them all).\n`)
      return 0
    }
    return await command.run(rest, io)
  } catch (e) {
    if (isClaimtrailError(e)) {
      io.stderr.write(`claimtrail: ${e.message}\n`)
      return e.code === 'USAGE' ? 2 : 1
    }
    if (e instanceof TypeError && (e as { code?: string }).code?.startsWith('ERR_PARSE_ARGS')) {
      const joined = withNegativeNumberJoined(e.message, rest)
      if (joined !== null) return { retry: joined }
      io.stderr.write(`claimtrail ${name}: ${parseArgsMessage(e.message, rest)}; run 'claimtrail ${name} --help'\n`)
      return 2
    }
    const message = e instanceof Error ? e.message : String(e)
    io.stderr.write(`claimtrail: internal error: ${message}${io.env.CLAIMTRAIL_DEBUG ? '' : ' (a bug in claimtrail: please report it; CLAIMTRAIL_DEBUG=1 shows where it happened)'}\n`)
    if (io.env.CLAIMTRAIL_DEBUG && e instanceof Error) io.stderr.write(`${e.stack}\n`)
    return 70
  }
}
