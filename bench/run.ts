// `npm run bench`: the throughput benchmark of BENCHMARKS.md §3. Prints figures; it is
// not a test. Record them in docs/benchmarks.md with the machine they ran on.
import { cpus, totalmem } from 'node:os'
import { loadBenchCorpus } from './corpus.ts'
import { benchExtract, type Rate } from './extract.ts'

const log = (s: string) => console.log(s)
const corpus = loadBenchCorpus(1000)
log(`claimtrail benchmark — ${new Date().toISOString()}`)
log(`machine: ${cpus().length} × ${cpus()[0]?.model ?? 'cpu'}, ${(totalmem() / 2 ** 30).toFixed(0)} GiB, Node ${process.version}`)
log(`corpus: ${corpus.name}`)
log('\nextraction')
const rates: Rate[] = await benchExtract(corpus, log)
const [floor, single, multi] = rates
log('\n| measure | docs/s | tokens/s | seconds |')
log('|---|---|---|---|')
for (const r of rates) log(`| ${r.label} | ${r.docsPerSecond.toFixed(0)} | ${Math.round(r.tokensPerSecond).toLocaleString('en-US')} | ${r.seconds.toFixed(1)} |`)
log(`\nratios: 1-core extract / tokenization = ${(single.docsPerSecond / floor.docsPerSecond).toFixed(2)}; ` +
  `all cores / 1 core = ${(multi.docsPerSecond / single.docsPerSecond).toFixed(2)}`)
log(`peak memory (max RSS of this process): ${(process.resourceUsage().maxRSS / 1024).toFixed(0)} MB`)

// Ingest, queue workers and API (bench/ingest.ts, bench/api.ts): same corpus, 300 distinct documents.
const { benchIngest, benchWorkers } = await import('./ingest.ts')
const { benchApi } = await import('./api.ts')
log(`\ningest (load average ${(await import('node:os')).loadavg().map((l) => l.toFixed(1)).join(' ')})`)
await benchIngest(corpus, 300, log)
for (const n of [1, 2]) await benchWorkers(corpus, 300, n, log)
log('\nAPI under load from a second process (loopback)')
await benchApi(corpus, 300, log)
