import { PassThrough, Readable } from 'node:stream'
import { main } from '../src/cli/main.ts'
import type { CliIo } from '../src/cli/command.ts'

/** What a CLI run printed and returned. */
export interface CliRun {
  readonly status: number
  readonly stdout: string
  readonly stderr: string
}

function collect(stream: PassThrough): () => string {
  const chunks: Buffer[] = []
  stream.on('data', (c: Buffer) => chunks.push(c))
  return () => Buffer.concat(chunks).toString('utf8')
}

/** Run the CLI in-process with captured streams. */
export async function runCli(args: readonly string[], stdin = '', env: NodeJS.ProcessEnv = {}): Promise<CliRun> {
  const stdout = new PassThrough()
  const stderr = new PassThrough()
  const out = collect(stdout)
  const err = collect(stderr)
  const io: CliIo = { stdout, stderr, stdin: Readable.from([Buffer.from(stdin)]), isTty: false, env }
  const status = await main(args, io)
  stdout.end()
  stderr.end()
  return { status, stdout: out(), stderr: err() }
}
