// Edits from the web app: undo an edit (figure pages and /edits), rename a figure, merge
// it into another or split some of its estimates off (figure pages). Each goes to the JSON API; the page then loads
// again from the server, so what it shows is what the ledger holds. When the server has
// a token, the first write answers 401: the page asks for the token once and keeps it
// for this tab (sessionStorage), then sends the edit again.

const status = document.getElementById('edit-status')
const tokenForm = document.getElementById('edit-token')
const tokenInput = document.getElementById('edit-token-input')
const section = document.querySelector('section.edits')
const figure = section ? section.dataset.figure : null
const TOKEN_KEY = 'claimtrail-token'
let retry = null

function say(text, isError = false) {
  status.textContent = text
  status.classList.toggle('error', isError)
}

function figurePath(id) {
  return '/figures/' + id.split('/').map(encodeURIComponent).join('/')
}

/** POST a JSON body to the API; the answer's JSON, or null when the token is needed (asked for). */
async function post(path, body) {
  const headers = { 'Content-Type': 'application/json' }
  const token = sessionStorage.getItem(TOKEN_KEY)
  if (token) headers.Authorization = 'Bearer ' + token
  let res
  try {
    res = await fetch(path, { method: 'POST', headers, body: JSON.stringify(body) })
  } catch {
    throw new Error('could not reach the server; nothing was changed')
  }
  let data = null
  try {
    data = await res.json()
  } catch {
    // A proxy's page, say: reported by its status below.
  }
  if (res.status === 401) {
    sessionStorage.removeItem(TOKEN_KEY)
    tokenForm.hidden = false
    tokenInput.focus()
    say(token ? 'The token was not accepted; enter it again.' : 'This server needs its token for edits; enter it below.', true)
    return null
  }
  if (!res.ok) throw new Error(data && data.error ? data.error.message : `the server answered ${res.status}`)
  return data
}

/** Run an edit; on 401 it waits for the token and runs again. `done` gets the answer. */
async function run(button, path, body, done) {
  const attempt = async () => {
    if (button) button.disabled = true
    try {
      const data = await post(path, body)
      if (data === null) {
        retry = attempt
        return
      }
      done(data)
    } catch (e) {
      say(e.message, true)
    } finally {
      if (button) button.disabled = false
    }
  }
  say('Sending…')
  await attempt()
}

tokenForm.addEventListener('submit', (event) => {
  event.preventDefault()
  sessionStorage.setItem(TOKEN_KEY, tokenInput.value.trim())
  tokenInput.value = ''
  tokenForm.hidden = true
  if (retry) {
    const again = retry
    retry = null
    again()
  }
})

for (const button of document.querySelectorAll('button.undo-edit')) {
  const id = button.dataset.edit
  button.addEventListener('click', () => run(button, `/api/edits/${encodeURIComponent(id)}/undo`, {}, (data) => {
    // On a figure page, go to where the undone edit's figure is now (a split-off figure is gone).
    const target = figure !== null && data.figure ? figurePath(data.figure.id) : '/edits'
    location.assign(`${target}?undone=${encodeURIComponent(id)}`)
  }))
}

const renameForm = document.getElementById('rename-form')
if (renameForm && figure !== null) {
  renameForm.addEventListener('submit', (event) => {
    event.preventDefault()
    const label = renameForm.elements.label.value.trim()
    run(renameForm.querySelector('button'), `${figurePath(figure).replace('/figures/', '/api/figures/')}/rename`, { label }, () => location.assign(figurePath(figure)))
  })
}

const mergeForm = document.getElementById('merge-form')
if (mergeForm && figure !== null) {
  mergeForm.addEventListener('submit', (event) => {
    event.preventDefault()
    const into = mergeForm.elements.into.value
    run(mergeForm.querySelector('button'), '/api/figures/merge', { figure, into }, (data) => location.assign(figurePath(data.figure.id)))
  })
}

const splitForm = document.getElementById('split-form')
if (splitForm && figure !== null) {
  splitForm.addEventListener('submit', (event) => {
    event.preventDefault()
    const claimKeys = [...splitForm.querySelectorAll('input[name="claim"]:checked')].map((box) => box.value)
    if (claimKeys.length === 0) {
      say('Tick the estimates to split off first.', true)
      return
    }
    const label = splitForm.elements.label.value.trim()
    const body = label === '' ? { claimKeys } : { claimKeys, label }
    run(splitForm.querySelector('button'), `${figurePath(figure).replace('/figures/', '/api/figures/')}/split`, body, (data) => location.assign(figurePath(data.figure.id)))
  })
}

