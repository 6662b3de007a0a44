// Runs a TypeScript script the way bin/claimtrail.js runs the CLI: tsx's ESM hooks only
// (`register` of tsx/esm/api), not `node --import tsx`, which also hooks require() and
// looks for ESM syntax in every CommonJS file it loads with es-module-lexer. That lexer's
// WebAssembly memory grows for a large file (wink-nlp's cache.js is one), and growing
// detaches its old ArrayBuffer, which V8 answers by checking every typed-array access in
// the process for a detached buffer from then on: the attribution stage alone runs some 13%
// more instructions (docs/benchmarks.md, session 10). So the benchmarks measure what
// `claimtrail extract` runs.
//   node bench/cli-loader.mjs bench/run.ts [args]
import { resolve } from 'node:path'
import { pathToFileURL } from 'node:url'
import { register } from 'tsx/esm/api'

register()
const script = process.argv[2]
if (script === undefined) throw new Error('usage: node bench/cli-loader.mjs SCRIPT.ts [args]')
// The script sees its own path and arguments, as if run directly.
process.argv.splice(1, 2, resolve(script))
await import(pathToFileURL(resolve(script)).href)
