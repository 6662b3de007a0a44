// The extract page: send the pasted text to POST /api/extract and show what was found.
// Results are built with DOM APIs and textContent only: the analysed text is never
// parsed as HTML, whatever it contains.

const form = document.getElementById('extract-form')
const input = document.getElementById('extract-text')
const published = document.getElementById('extract-published')
const button = document.getElementById('extract-run')
const status = document.getElementById('extract-status')
const result = document.getElementById('extract-result')
const textOut = document.getElementById('extract-text-out')
const claimsOut = document.getElementById('extract-claims')

/** UTF-16 offset of each code-point offset of a text (the API counts code points). */
function codePointIndex(text) {
  const index = []
  let u = 0
  for (const ch of text) {
    index.push(u)
    u += ch.length
  }
  index.push(u)
  return (cp) => index[Math.max(0, Math.min(cp, index.length - 1))]
}

function pieces(span) {
  return span.fragments && span.fragments.length > 0 ? span.fragments : [span]
}

/** Spans (UTF-16) with a class each: attribution parts, quantities, claimed quantities. */
function collectSpans(doc, u) {
  const spans = []
  const add = (span, cls) => {
    for (const p of pieces(span)) if (p.end > p.start) spans.push({ start: u(p.start), end: u(p.end), cls })
  }
  for (const a of doc.attributions) {
    if (a.source) add(a.source, 'source')
    add(a.cue, 'cue')
    for (const c of a.content) add(c, 'content')
  }
  const byId = new Map(doc.quantities.map((q) => [q.id, q]))
  for (const q of doc.quantities) add(q, 'quantity')
  for (const c of doc.claims) {
    const q = byId.get(c.quantity)
    if (q) add(q, 'claim')
  }
  return spans
}

function renderText(doc) {
  const u = codePointIndex(doc.text)
  const spans = collectSpans(doc, u)
  const cuts = new Set([0, doc.text.length])
  for (const s of spans) { cuts.add(s.start); cuts.add(s.end) }
  const bounds = [...cuts].sort((a, b) => a - b)
  const anchors = new Map()
  for (const c of doc.claims) {
    const q = doc.quantities.find((x) => x.id === c.quantity)
    if (q && !anchors.has(u(q.start))) anchors.set(u(q.start), `x-${c.id}`)
  }
  const frag = document.createDocumentFragment()
  for (let i = 0; i + 1 < bounds.length; i++) {
    const from = bounds[i]
    const to = bounds[i + 1]
    const piece = doc.text.slice(from, to)
    const classes = [...new Set(spans.filter((s) => s.start <= from && to <= s.end).map((s) => s.cls))].sort()
    if (classes.length === 0) {
      frag.append(document.createTextNode(piece))
      continue
    }
    const mark = document.createElement('mark')
    mark.className = classes.join(' ')
    // As on the article page: the title names what the colour shows, and the legend's
    // entries (ids hl-CLASS) describe the highlight to screen readers; all but the last
    // through the hidden copy ending in a comma (hl-CLASS-comma), so the description reads
    // as the title does ("claimed figure, quantity"; describedBy in highlight.ts).
    mark.title = classes.map((c) => (c === 'claim' ? 'claimed figure' : c)).join(', ')
    mark.setAttribute('aria-describedby', classes.map((c, i) => (i < classes.length - 1 ? `hl-${c}-comma` : `hl-${c}`)).join(' '))
    mark.textContent = piece
    const id = anchors.get(from)
    if (id) {
      mark.id = id
      mark.tabIndex = -1
    }
    frag.append(mark)
  }
  textOut.replaceChildren(frag)
}

function estimate(q) {
  const n = (x) => x.toLocaleString('en-US', { maximumFractionDigits: 2 })
  const body = q.value !== null ? n(q.value) : q.low !== null && q.high !== null ? `${n(q.low)}–${n(q.high)}` : '?'
  return (q.bound === 'at_least' ? '≥' : q.bound === 'at_most' ? '≤' : '') + (q.approx ? '~' : '') + body
}

function renderClaims(doc) {
  const items = doc.claims.map((c) => {
    const q = doc.quantities.find((x) => x.id === c.quantity)
    const li = document.createElement('li')
    const link = document.createElement('a')
    link.href = `#x-${c.id}`
    link.textContent = q ? estimate(q) : '?'
    const what = document.createElement('span')
    what.textContent = ` ${c.counted.text} (${c.counted.category}${c.planned ? ', planned' : ''}${c.asOf ? `, as of ${c.asOf}` : ''}) — ${c.source ?? 'own voice'}${c.cue ? ` ${c.cue}` : ''}`
    li.append(link, what)
    return li
  })
  if (items.length === 0) {
    const li = document.createElement('li')
    li.textContent = 'No attributed figures found.'
    items.push(li)
  }
  claimsOut.replaceChildren(...items)
}

/** "1 claim", "2 claims". */
function count(n, one, many) {
  return `${n} ${n === 1 ? one : many}`
}

/** Say what went wrong, and take down the previous result, which is not this text's. */
function fail(message) {
  status.textContent = message
  result.hidden = true
}

form.addEventListener('submit', async (event) => {
  event.preventDefault()
  const text = input.value
  if (text.trim() === '') {
    fail('Paste some text first.')
    input.focus()
    return
  }
  button.disabled = true
  status.textContent = 'Analysing…'
  try {
    const res = await fetch('/api/extract', {
      method: 'POST',
      headers: { 'Content-Type': 'application/json' },
      body: JSON.stringify({ text, published: published.value || null }),
    })
    // A proxy in front of the server may answer an error with a page, not JSON.
    const body = await res.json().catch(() => null)
    if (!res.ok || body === null) {
      fail(`Could not analyse: ${body && body.error ? body.error.message : `the server answered ${res.status} ${res.statusText}`}`)
      return
    }
    renderText(body)
    renderClaims(body)
    result.hidden = false
    status.textContent = `Found ${count(body.claims.length, 'claim', 'claims')}, ${count(body.attributions.length, 'attribution', 'attributions')} and ${count(body.quantities.length, 'quantity', 'quantities')}.`
  } catch (e) {
    fail(`Could not reach the server: ${e instanceof Error ? e.message : e}`)
  } finally {
    button.disabled = false
  }
})
