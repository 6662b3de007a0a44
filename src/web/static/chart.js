// The figure page's chart: a legend entry highlights its source's points (the others
// fade) while hovered or focused, and keeps them highlighted when clicked (click again,
// or Escape, to clear). Hovering a point highlights its legend entry. Without this
// script the chart and legend still read; colours alone tell apart only ten sources.

const svg = document.querySelector('svg.timeline')
const buttons = [...document.querySelectorAll('button.legend-source')]
const points = svg ? [...svg.querySelectorAll('.point')] : []
let pinned = null

function show(origin) {
  if (!svg) return
  svg.classList.toggle('highlighting', origin !== null)
  for (const p of points) p.classList.toggle('highlight', origin !== null && p.dataset.origin === origin)
  for (const b of buttons) b.classList.toggle('highlight', origin !== null && b.dataset.origin === origin)
}

for (const b of buttons) {
  const origin = b.dataset.origin
  b.addEventListener('mouseenter', () => show(origin))
  b.addEventListener('focus', () => show(origin))
  b.addEventListener('mouseleave', () => show(pinned))
  b.addEventListener('blur', () => show(pinned))
  b.addEventListener('click', () => {
    pinned = pinned === origin ? null : origin
    for (const other of buttons) other.setAttribute('aria-pressed', String(other.dataset.origin === pinned))
    show(pinned ?? origin)
  })
}

for (const p of points) {
  p.addEventListener('mouseenter', () => show(p.dataset.origin))
  p.addEventListener('mouseleave', () => show(pinned))
}

document.addEventListener('keydown', (e) => {
  if (e.key !== 'Escape' || pinned === null) return
  pinned = null
  for (const b of buttons) b.setAttribute('aria-pressed', 'false')
  show(null)
})

// A chart wider than its box (a phone: the chart keeps 36rem so its dates stay legible)
// scrolls sideways; say so, fade the side where more of it lies, and offer Earlier/Later
// buttons, which also serve keyboard and mouse users (session 14).
const scroller = document.getElementById('chart-scroll')
const frame = scroller?.parentElement
const hint = document.getElementById('chart-hint')
if (scroller && frame && hint) {
  const buttonsRow = hint.querySelector('.chart-scroll-buttons')
  const earlier = hint.querySelector('.chart-earlier')
  const later = hint.querySelector('.chart-later')
  const update = () => {
    const max = scroller.scrollWidth - scroller.clientWidth
    const scrolls = max > 1
    hint.classList.toggle('scrolls', scrolls)
    hint.classList.toggle('fits', !scrolls)
    buttonsRow.hidden = !scrolls
    // A keyboard stop only when there is something to scroll (arrow keys then move it).
    if (scrolls) scroller.setAttribute('tabindex', '0')
    else scroller.removeAttribute('tabindex')
    frame.classList.toggle('more-left', scrolls && scroller.scrollLeft > 1)
    frame.classList.toggle('more-right', scrolls && scroller.scrollLeft < max - 1)
    earlier.disabled = !(scroller.scrollLeft > 1)
    later.disabled = !(scroller.scrollLeft < max - 1)
  }
  const step = (sign) => scroller.scrollBy({ left: sign * scroller.clientWidth * 0.8, behavior: 'smooth' })
  earlier.addEventListener('click', () => step(-1))
  later.addEventListener('click', () => step(1))
  scroller.addEventListener('scroll', update, { passive: true })
  window.addEventListener('resize', update)
  update()
}
