import { test } from 'node:test'
import assert from 'node:assert/strict'
import { extractHtml } from './html.ts'

test('takes the article, drops scripts, navigation and chrome, keeps paragraphs', () => {
  const html = `<!doctype html><html><head><title>Troops</title>
    <meta property="article:published_time" content="2024-10-23T08:00:00Z"></head>
    <body><nav>Home | World</nav><header>Site</header>
    <article><h1>Troops sent</h1><p>About 3,000 troops
      were sent, <b>officials</b> said.</p><script>document.write('x')</script><p>More later.</p></article>
    <footer>© Site</footer></body></html>`
  const a = extractHtml(html)
  assert.equal(a.text, 'Troops sent\n\nAbout 3,000 troops were sent, officials said.\n\nMore later.')
  assert.equal(a.title, 'Troops')
  assert.equal(a.published, '2024-10-23')
})

test('without <article>, the container with most paragraph text wins', () => {
  const html = '<html><body><div><p>Menu</p></div><div class="story"><p>First paragraph of the story.</p><p>Second paragraph, longer than the menu.</p></div></body></html>'
  assert.equal(extractHtml(html).text, 'First paragraph of the story.\n\nSecond paragraph, longer than the menu.')
})

test('a page with no article text gives empty text', () => {
  assert.equal(extractHtml('<html><body><nav>Home</nav><script>x()</script></body></html>').text, '')
})

test('deeply nested markup does not overflow the stack', () => {
  const depth = 20000
  const html = `<html><body>${'<div>'.repeat(depth)}<p>Deep text.</p>${'</div>'.repeat(depth)}</body></html>`
  assert.equal(extractHtml(html).text, 'Deep text.')
})
