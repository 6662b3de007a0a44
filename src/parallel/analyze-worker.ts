import { parentPort } from 'node:worker_threads'
import { createAnalyzer } from '../analyze.ts'
import { toJsonDocument } from '../format/json.ts'
import type { AnalyzeTask, AnalyzeReply } from './pool.ts'

// One analyzer per worker thread, loaded once; tasks are batches of documents, analysed
// a stage at a time over the batch (analyzeMany).
const analyzer = createAnalyzer()
parentPort?.on('message', (task: AnalyzeTask) => {
  let results: AnalyzeReply['results']
  try {
    results = analyzer.analyzeMany(task.docs).map((o, i) => (o.ok
      ? { ok: true, doc: toJsonDocument(o.doc), tokens: o.doc.get('tokens').count }
      : { ok: false, id: task.docs[i].meta.id, reason: o.error.message }))
  } catch (e) {
    // an error before the pipeline (making a Doc) fails the batch's documents alike
    const reason = e instanceof Error ? e.message : String(e)
    results = task.docs.map((d) => ({ ok: false, id: d.meta.id, reason }))
  }
  parentPort?.postMessage({ id: task.id, results } satisfies AnalyzeReply)
})
