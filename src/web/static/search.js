// Search as you type, on the search page. The results are the server's own search page
// (/search?q=…), fetched and its results moved into this page: one rendering, so typing
// and Enter show the same thing (session 14; before, this script drew its own from
// /api/search and left out the badges, the categories and the figure links). The page
// is ours and escaped on the server; nothing is built from strings here. Without this
// script the form still works.

const input = document.getElementById('site-q')
const results = document.getElementById('search-results')
const heading = document.querySelector('main h1')

let timer = null
let latest = 0
input.addEventListener('input', () => {
  clearTimeout(timer)
  timer = setTimeout(async () => {
    const q = input.value.trim()
    if (q === '') return
    const ticket = ++latest
    const url = `/search?q=${encodeURIComponent(q)}`
    try {
      const res = await fetch(url, { headers: { Accept: 'text/html' } })
      if (!res.ok || ticket !== latest) return
      const page = new DOMParser().parseFromString(await res.text(), 'text/html')
      const found = page.getElementById('search-results')
      const title = page.querySelector('main h1')
      if (found === null || title === null || ticket !== latest) return
      heading.replaceChildren(...[...title.childNodes].map((n) => document.importNode(n, true)))
      results.replaceChildren(...[...found.childNodes].map((n) => document.importNode(n, true)))
      document.title = page.title
      history.replaceState(null, '', url)
    } catch {
      // Keep the last results; the form's submit button still works.
    }
  }, 250)
})
