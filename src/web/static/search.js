// Search as you type, on the search page: results are fetched from /api/search and
// rebuilt with DOM APIs and textContent only. Without this script the form still works.

const input = document.getElementById('site-q')
const results = document.getElementById('search-results')
const heading = document.querySelector('main h1')

const number = (x) => x.toLocaleString('en-US', { maximumFractionDigits: 2 })
function estimate(c) {
  const body = c.value !== null ? number(c.value) : c.low !== null && c.high !== null ? `${number(c.low)}–${number(c.high)}` : '?'
  return (c.bound === 'at_least' ? '≥' : c.bound === 'at_most' ? '≤' : '') + (c.approx ? '~' : '') + body
}
const figureHref = (id) => `/figures/${id.split('/').map(encodeURIComponent).join('/')}`
const articleHref = (key, start) => `/articles/${encodeURIComponent(key)}${start === undefined ? '' : `#q-${start}`}`

function link(href, text) {
  const a = document.createElement('a')
  a.href = href
  a.textContent = text
  return a
}

function section(title, total, items) {
  const s = document.createElement('section')
  const h = document.createElement('h2')
  h.textContent = `${title} (${total})`
  s.append(h)
  if (items.length === 0) {
    const p = document.createElement('p')
    p.className = 'muted'
    p.textContent = 'None.'
    s.append(p)
    return s
  }
  const ul = document.createElement('ul')
  ul.className = 'results'
  for (const parts of items) {
    const li = document.createElement('li')
    li.append(...parts)
    ul.append(li)
  }
  s.append(ul)
  return s
}

function render(q, body) {
  heading.textContent = `Search: “${q}”`
  results.replaceChildren(
    section('Figures', body.figures.total, body.figures.items.map((f) => [link(figureHref(f.id), f.label), ` ${f.status}`])),
    section('Articles', body.articles.total, body.articles.items.map((a) => [link(articleHref(a.key), a.title ?? a.sourceId), ` ${a.outlet ?? ''} ${a.published ?? ''}`])),
    section('Claims', body.claims.total, body.claims.items.map((c) => [
      link(articleHref(c.articleKey, c.start), estimate(c)), ` ${c.countedText} — ${c.source ?? 'own voice'}: “${c.quote}”`,
    ])),
  )
}

let timer = null
let latest = 0
input.addEventListener('input', () => {
  clearTimeout(timer)
  timer = setTimeout(async () => {
    const q = input.value.trim()
    if (q === '') return
    const ticket = ++latest
    try {
      const res = await fetch(`/api/search?q=${encodeURIComponent(q)}&limit=50`)
      if (!res.ok || ticket !== latest) return
      render(q, await res.json())
      history.replaceState(null, '', `/search?q=${encodeURIComponent(q)}`)
    } catch {
      // Keep the last results; the form's submit button still works.
    }
  }, 250)
})
