// @vitest-environment jsdom
import { describe, expect, it } from 'vitest'
import { renderMarkdown } from './markdown'

describe('renderMarkdown', () => {
  it('renders Markdown', () => {
    expect(renderMarkdown('**dual VET**')).toContain('<strong>dual VET</strong>')
  })
  it.each([
    '<script>alert(1)</script>',
    '<img src=x onerror=alert(1)>',
    '[x](javascript:alert(1))',
    '[x](JaVaScRiPt:alert(1))',
    '<svg onload=alert(1)>',
    '[x](data:text/html,<script>alert(1)</script>)',
    '<a href="javascript:alert(1)">x</a>',
  ])('neutralises %s', (src) => {
    const div = document.createElement('div')
    div.innerHTML = renderMarkdown(src)
    expect(div.querySelectorAll('script, img, svg, iframe, object').length).toBe(0)
    for (const el of div.querySelectorAll('*')) {
      for (const a of el.attributes) expect(a.name).not.toMatch(/^on/i)
      expect(el.getAttribute('href') ?? '').not.toMatch(/^\s*(javascript|data|vbscript):/i)
    }
  })
  it('gives links rel=noopener noreferrer', () => {
    expect(renderMarkdown('[a](https://example.org)')).toMatch(/rel="noopener noreferrer nofollow"/)
  })
})
