import { mkdir, writeFile } from 'node:fs/promises'
import { join, resolve } from 'node:path'
import { parseArgs } from 'node:util'
import { ANALYZE_BATCH, createAnalyzer } from '../../analyze.ts'
import { ClaimtrailError } from '../../model/errors.ts'
import { writeBrat } from '../../format/brat.ts'
import { toJsonDocument } from '../../format/json.ts'
import { formatTextReport } from '../../format/text.ts'
import { readInputs, type InputRecord } from '../../ingest/files.ts'
import type { Command } from '../command.ts'
import { maxBytesFlag, publishedFlag } from '../flags.ts'

const FORMATS = { json: 'json', brat: 'ann', text: 'txt' } as const
type Format = keyof typeof FORMATS

/** Characters that cannot appear in an output file name. */
function safeFileName(id: string): string {
  return id.replace(/[/\\:*?"<>|\x00-\x1f]/g, '_').slice(0, 200) || 'document'
}

/** A file-system error as a short reason. */
/** Why a file could not be written, in words rather than the system's `ENOENT: …, open '…'`. */
export function fileProblem(e: unknown): string {
  const code = (e as NodeJS.ErrnoException).code
  return code === 'EEXIST' || code === 'ENOTDIR' ? 'is a file, not a folder'
    : code === 'ENOENT' ? 'its folder does not exist'
    : code === 'EISDIR' ? 'is a folder; give a file name'
    : code === 'EACCES' || code === 'EPERM' ? 'permission denied'
    : code === 'ENOSPC' ? 'the disk is full'
    : code === 'EROFS' ? 'read-only file system'
    : e instanceof Error ? e.message : String(e)
}

export const command: Command = {
  name: 'extract',
  summary: 'Find attributions, quantities, claims and entities in articles (json, brat or a readable report).',
  usage: 'claimtrail extract [--format json|brat|text] [--published YYYY-MM-DD] [--out-dir DIR (created if missing, with a note)] [--gazetteer FILE] [--max-bytes N] [FILE ...]',
  async run(args, io) {
    const { values, positionals } = parseArgs({
      args: [...args], allowPositionals: true,
      options: {
        format: { type: 'string', default: 'json' },
        published: { type: 'string' },
        'out-dir': { type: 'string' },
        gazetteer: { type: 'string' },
        'max-bytes': { type: 'string' },
      },
    })
    const format = values.format as Format
    if (!(format in FORMATS)) throw new ClaimtrailError('USAGE', `unknown --format "${values.format}"; use json, brat or text`)
    publishedFlag(values.published)
    const maxBytes = maxBytesFlag(values['max-bytes'])
    const outDir = values['out-dir']
    if (outDir !== undefined) {
      // A missing folder is created, parents too (as `mkdir -p`), and the run says so on
      // standard error: a mistyped path would otherwise put the output somewhere unseen
      // (docs/contracts.md, "Session 14").
      let created: string | undefined
      try {
        created = await mkdir(outDir, { recursive: true })
      } catch (e) {
        throw new ClaimtrailError('USAGE', `--out-dir ${outDir}: ${fileProblem(e)}; give a folder to write into`)
      }
      if (created !== undefined) {
        const parents = resolve(created) === resolve(outDir) ? '' : ` and the folders above it from ${created}`
        io.stderr.write(`claimtrail extract: --out-dir ${outDir} did not exist: created it${parents}\n`)
      }
    }

    const analyzer = createAnalyzer({ gazetteerFile: values.gazetteer })
    let failed = 0
    let written = 0
    let accepted = 0
    // Output file name -> the input it was written for: two documents with one id would
    // otherwise overwrite each other's file without a word.
    const outputs = new Map<string, string>()
    // brat's standard output is one document's `.ann` (DESIGN.md); held until it is clear
    // that the input has no second document, so that nothing half-right is printed.
    let bratOut: string | null = null
    // Documents are analysed ANALYZE_BATCH at a time (analyzeMany: each stage over the
    // batch); what is said on standard error waits with them, so it keeps the input's order.
    type Pending = { readonly note: string } | { readonly record: InputRecord; readonly file: string | null }
    let pending: Pending[] = []
    const flush = async () => {
      const items = pending
      pending = []
      const docs = items.flatMap((p) => ('record' in p ? [{ text: p.record.text, meta: p.record }] : []))
      const outcomes = analyzer.analyzeMany(docs)
      let k = 0
      for (const item of items) {
        if (!('record' in item)) { io.stderr.write(item.note); continue }
        const { record, file } = item
        const outcome = outcomes[k++]
        if (!outcome.ok) throw outcome.error
        const doc = outcome.doc
        for (const w of doc.warnings) io.stderr.write(`claimtrail extract: ${record.origin}: warning: ${w}\n`)
        const out = format === 'json' ? JSON.stringify(toJsonDocument(doc))
          : format === 'brat' ? writeBrat(doc.text, doc.get('attributions'))
          : formatTextReport(toJsonDocument(doc))
        if (file !== null) {
          try {
            await writeFile(file, format === 'json' ? `${out}\n` : out)
          } catch (e) {
            throw new ClaimtrailError('BAD_INPUT', `cannot write ${file}: ${fileProblem(e)}; ${written} document(s) were written before it`)
          }
        } else if (format === 'json') {
          io.stdout.write(`${out}\n`)
        } else if (format === 'brat') {
          bratOut = out
        } else {
          io.stdout.write(written > 0 ? `\n${out}` : out)
        }
        written++
      }
    }
    for await (const input of readInputs(positionals, { stdin: io.stdin, maxBytes, published: values.published ?? null })) {
      if (!input.ok) {
        failed++
        pending.push({ note: `claimtrail extract: ${input.origin}: ${input.reason}\n` })
        continue
      }
      const { record } = input
      if (format === 'brat' && outDir === undefined && accepted > 0) {
        throw new ClaimtrailError('USAGE', `brat output on standard output holds one document, and ${record.origin} is a second one; give --out-dir DIR for one .ann file per document`)
      }
      const file = outDir === undefined ? null : join(outDir, `${safeFileName(record.id)}.${FORMATS[format]}`)
      if (file !== null && outputs.has(file)) {
        failed++
        pending.push({ note: `claimtrail extract: ${record.origin}: its id "${record.id}" names the same output file as ${outputs.get(file)} (${file}); not overwritten: give the documents distinct ids or file names\n` })
        continue
      }
      if (file !== null) outputs.set(file, record.origin)
      accepted++
      pending.push({ record, file })
      if (accepted % ANALYZE_BATCH === 0) await flush()
    }
    await flush()
    if (bratOut !== null) io.stdout.write(bratOut)
    return failed > 0 ? 1 : 0
  },
}
