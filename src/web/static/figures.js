// The figure list: a box that shows only the figures whose label or id contains the words
// typed (each word, in any order, ignoring case), with a count, and a way on to the full
// search when none does (session 14). Without this script the box stays hidden.

const form = document.getElementById('figure-filter')
const input = document.getElementById('figure-filter-q')
const count = document.getElementById('figure-filter-count')
const none = document.getElementById('figure-filter-none')
const rows = [...document.querySelectorAll('table.figures tbody tr')]
const texts = rows.map((r) => (r.querySelector('th')?.textContent ?? '').toLowerCase())

function apply() {
  const words = input.value.toLowerCase().split(/\s+/).filter((w) => w !== '')
  let shown = 0
  rows.forEach((row, i) => {
    const match = words.every((w) => texts[i].includes(w))
    row.hidden = !match
    if (match) shown++
  })
  count.textContent = words.length === 0 ? '' : `${shown} of ${rows.length} shown`
  none.hidden = shown > 0
  if (shown === 0) {
    const a = document.createElement('a')
    a.href = `/search?q=${encodeURIComponent(input.value.trim())}`
    a.textContent = 'search the articles and claims for it'
    none.replaceChildren(`No figure's name or id contains “${input.value.trim()}”; `, a, '.')
  }
}

if (form && input && rows.length > 0) {
  form.hidden = false
  form.addEventListener('submit', (e) => e.preventDefault())
  input.addEventListener('input', apply)
  // Escape clears the box.
  input.addEventListener('keydown', (e) => {
    if (e.key === 'Escape' && input.value !== '') {
      input.value = ''
      apply()
    }
  })
}
