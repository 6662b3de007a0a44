import { fileURLToPath } from 'node:url'
import type { Command } from '../command.ts'
import { command as extract } from './extract.ts'

const SEED = fileURLToPath(new URL('../../../examples/seed/kcna-memorial.txt', import.meta.url))

export const command: Command = {
  name: 'start',
  summary: 'Show what claimtrail finds in the bundled seed article (the README\'s first command).',
  usage: 'claimtrail start',
  run: (_args, io) => extract.run(['--format', 'text', '--published', '2025-08-22', SEED], io),
}
