// Instructions a document, counted by valgrind's callgrind: repeatable to 0.1-2% whatever
// else runs on the machine, where timings move by 10-20% (docs/benchmarks.md, fourth round).
//   node --import tsx bench/instructions.ts [--stage entities] [--docs 84] [--warm 3] [--passes 1] [--loader cli|import]
// Runs the pipeline up to the stage over the PolNeAR dev texts, then the stage alone (or,
// without --stage, the whole pipeline plus JSON): `--warm` passes uncounted, `--passes`
// counted. A mark-compact collection falls inside one counted pass of the whole pipeline or
// not (about 2.2M instructions a document, session 10); more passes average it.
// The counted process loads the TypeScript as `claimtrail extract` does (bench/cli-loader.mjs);
// `--loader import` runs it under `node --import tsx` instead, as up to session 9, which
// costs every typed-array access a check (see cli-loader.mjs).
// Needs valgrind; compare two checkouts by running it in each.
import { spawn, spawnSync } from 'node:child_process'
import { existsSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { fileURLToPath } from 'node:url'
import { parseArgs } from 'node:util'
import { createAnalyzer } from '../src/analyze.ts'
import { toJsonDocument } from '../src/format/json.ts'
import { Doc } from '../src/model/doc.ts'
import { languageStage } from '../src/stages/language/language.ts'
import { loadBenchCorpus } from './corpus.ts'

const { values } = parseArgs({
  options: {
    stage: { type: 'string' }, docs: { type: 'string', default: '84' }, warm: { type: 'string', default: '3' },
    loader: { type: 'string', default: 'cli' }, passes: { type: 'string', default: '1' },
    // set on the copy of this script that runs under valgrind: the directory of its signal files
    signals: { type: 'string' },
  },
})
const sleep = (ms: number) => Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, ms)
const waitFor = (file: string) => { while (!existsSync(file)) sleep(20) }

if (values.signals === undefined) {
  // Instrumentation starts off, so loading the models runs at valgrind's plain speed.
  const dir = mkdtempSync(join(tmpdir(), 'claimtrail-callgrind-'))
  if (values.loader !== 'cli' && values.loader !== 'import') throw new Error('--loader is cli or import')
  const loader = values.loader === 'cli' ? [fileURLToPath(new URL('./cli-loader.mjs', import.meta.url))] : ['--import', 'tsx']
  const args = ['--tool=callgrind', '--instr-atstart=no', `--callgrind-out-file=${join(dir, 'out')}`,
    process.execPath, '--single-threaded', ...loader, process.argv[1], ...process.argv.slice(2), '--signals', dir]
  const child = spawn('valgrind', args, { stdio: ['ignore', 'inherit', 'pipe'] })
  let log = ''
  child.stderr.on('data', (d: Buffer) => { log += d.toString() })
  const exited = new Promise((resolve) => child.on('exit', resolve))
  let hasExited = false
  void exited.then(() => { hasExited = true })
  const control = (on: boolean) => spawnSync('callgrind_control', ['-i', on ? 'on' : 'off', String(child.pid)])
  // Wait for the child's signal file; a child that died first (no valgrind, a broken stage) ends the wait.
  const step = (file: string) => new Promise<void>((resolve, reject) => {
    const poll = () => {
      if (existsSync(join(dir, file))) resolve()
      else if (hasExited) reject(new Error(`the run under valgrind ended early:\n${log}`))
      else setTimeout(poll, 200)
    }
    poll()
  })
  await step('ready')
  control(true)
  writeFileSync(join(dir, 'go'), '')
  await step('done')
  control(false)
  writeFileSync(join(dir, 'stop'), '')
  await exited
  rmSync(dir, { recursive: true, force: true })
  const collected = /Collected : (\d+)/.exec(log)
  if (collected === null) throw new Error(`callgrind printed no count:\n${log}`)
  const docs = Number(values.docs)
  const passes = Number(values.passes)
  console.log(`${values.stage ?? 'whole pipeline + JSON'}: ${(Number(collected[1]) / docs / passes / 1e6).toFixed(2)}M instructions a document ` +
    `(${docs} documents${passes > 1 ? `, ${passes} passes` : ''})`)
} else {
  const dir = values.signals
  const texts = loadBenchCorpus(1).texts.slice(0, Number(values.docs))
  const analyzer = createAnalyzer()
  const stage = analyzer.pipeline.stages.find((s) => s.name === values.stage)
  if (values.stage !== undefined && stage === undefined) throw new Error(`no stage "${values.stage}"`)
  // The stage's inputs: the documents as the stages before it leave them.
  const language = languageStage()
  const inputs = texts.map((text) => {
    let doc = language.run(Doc.create(text, { id: 'bench' }))
    if (stage === undefined) return doc
    for (const s of analyzer.pipeline.stages) { if (s === stage) break; doc = s.run(doc) }
    return doc
  })
  const run = stage === undefined
    ? (doc: Doc) => { JSON.stringify(toJsonDocument(analyzer.analyze(doc.text, { id: 'bench' }))) }
    : (doc: Doc) => { stage.run(doc) }
  for (let r = 0; r < Number(values.warm); r++) for (const doc of inputs) run(doc)
  writeFileSync(join(dir, 'ready'), '')
  waitFor(join(dir, 'go'))
  for (let r = 0; r < Number(values.passes); r++) for (const doc of inputs) run(doc)
  writeFileSync(join(dir, 'done'), '')
  waitFor(join(dir, 'stop'))
}
