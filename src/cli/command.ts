/** What a command may touch of the process: streams and environment, passed in for tests. */
export interface CliIo {
  readonly stdout: NodeJS.WritableStream
  readonly stderr: NodeJS.WritableStream
  readonly stdin: NodeJS.ReadableStream
  readonly isTty: boolean
  readonly env: NodeJS.ProcessEnv
}

/** One `claimtrail <name>` command. `run` returns the exit status. */
export interface Command {
  readonly name: string
  readonly summary: string
  readonly usage: string
  run(args: readonly string[], io: CliIo): Promise<number>
}
