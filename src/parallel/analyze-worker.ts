import { parentPort } from 'node:worker_threads'
import { createAnalyzer } from '../analyze.ts'
import { toJsonDocument } from '../format/json.ts'
import type { AnalyzeTask, AnalyzeReply } from './pool.ts'

// One analyzer per worker thread, loaded once; tasks are batches of documents.
const analyzer = createAnalyzer()
parentPort?.on('message', (task: AnalyzeTask) => {
  const results: AnalyzeReply['results'] = task.docs.map((d) => {
    try {
      const doc = analyzer.analyze(d.text, d.meta)
      return { ok: true, doc: toJsonDocument(doc), tokens: doc.get('tokens').count }
    } catch (e) {
      return { ok: false, id: d.meta.id, reason: e instanceof Error ? e.message : String(e) }
    }
  })
  parentPort?.postMessage({ id: task.id, results } satisfies AnalyzeReply)
})
