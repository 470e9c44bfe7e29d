// @vitest-environment jsdom
import { render } from 'preact'
import { act } from 'preact/test-utils'
import { beforeAll, describe, expect, it } from 'vitest'
import { setup } from '../fixture'
import { initI18n, registerCatalogues } from '../../../core/i18n'
import { catalogues } from '../locales'
import { Composer } from './Composer'

beforeAll(() => {
  registerCatalogues(catalogues)
  return initI18n('en')
})

describe('Composer', () => {
  it('puts the caret after a picked mention at once, so fast typing lands after it', () => {
    const { store } = setup()
    store.room(1)!.members = [
      { user: 2, display_name: 'Ben', institution: '', country: '', role: 'member', online: true },
    ]
    const root = document.createElement('div')
    document.body.append(root)
    act(() => {
      render(
        <Composer
          store={store}
          roomId={1}
          user={store.me!}
          mode={{ kind: 'new' }}
          onModeDone={() => {}}
          onEdit={() => {}}
        />,
        root,
      )
    })
    const box = root.querySelector('textarea')!
    box.focus()
    act(() => {
      box.value = 'Hi @Be'
      box.setSelectionRange(6, 6)
      box.dispatchEvent(new Event('input', { bubbles: true }))
    })
    expect(root.querySelector('[role="option"]')?.textContent).toContain('Ben')
    // No render and no animation frame between picking and the next keystroke.
    box.dispatchEvent(
      new KeyboardEvent('keydown', { key: 'Enter', bubbles: true, cancelable: true }),
    )
    expect(box.value).toBe('Hi @Ben ')
    expect(box.selectionStart).toBe('Hi @Ben '.length)
    root.remove()
  })
})
