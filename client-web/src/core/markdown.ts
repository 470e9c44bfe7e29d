// Markdown to safe HTML: markdown-it renders (raw HTML escaped), DOMPurify sanitises
// what comes out with an allow-list, and every link opens without an opener or referrer.

import DOMPurify from 'dompurify'
import MarkdownIt from 'markdown-it'

const md = new MarkdownIt({ html: false, linkify: true, breaks: true, typographer: false })
// NOTE: images would load from anywhere (tracking pixels) and the CSP blocks foreign ones
//       anyway; a Markdown image is shown as its link text instead.
md.disable('image')

const ALLOWED_TAGS = [
  'a',
  'p',
  'br',
  'strong',
  'em',
  's',
  'del',
  'code',
  'pre',
  'blockquote',
  'ul',
  'ol',
  'li',
  'h1',
  'h2',
  'h3',
  'h4',
  'h5',
  'h6',
  'hr',
  'table',
  'thead',
  'tbody',
  'tr',
  'th',
  'td',
]
const ALLOWED_ATTR = ['href', 'title', 'start']
const SAFE_URL = /^(?:https?:|mailto:|\/(?!\/)|#)/i

let hooked = false

function installHooks(): void {
  if (hooked) return
  hooked = true
  DOMPurify.addHook('afterSanitizeAttributes', (node) => {
    if (node.nodeName !== 'A') return
    const href = node.getAttribute('href') ?? ''
    if (!SAFE_URL.test(href.trim())) node.removeAttribute('href')
    node.setAttribute('rel', 'noopener noreferrer nofollow')
    node.setAttribute('target', '_blank')
  })
}

export function renderMarkdown(source: string): string {
  installHooks()
  const html = md.render(source)
  return DOMPurify.sanitize(html, {
    ALLOWED_TAGS,
    ALLOWED_ATTR,
    ADD_ATTR: ['target', 'rel'],
    ALLOW_DATA_ATTR: false,
    ALLOW_ARIA_ATTR: false,
  })
}
