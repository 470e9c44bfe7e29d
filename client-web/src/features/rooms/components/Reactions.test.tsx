// @vitest-environment jsdom
import { render } from 'preact'
import { beforeAll, describe, expect, it } from 'vitest'
import { reactionEvent, setup, wireMessage } from '../fixture'
import { initI18n, registerCatalogues } from '../../../core/i18n'
import { catalogues } from '../locales'
import { QUICK_REACTIONS, QuickReactions, Reactions } from './Reactions'

beforeAll(() => {
  registerCatalogues(catalogues)
  return initI18n('en')
})

const ODD_JSON = '{"__proto__": [1, 9], "toString": [2], "constructor": [3, 4, 5], "👍": [1]}'

describe('Reactions', () => {
  it('renders and toggles reactions named __proto__, toString and constructor', () => {
    const { f, store } = setup(`[${wireMessage(1, ODD_JSON)}]`)
    const root = document.createElement('div')
    // Each reaction given: its text, whether it is mine, its label (without who reacted).
    const show = () => {
      const message = store.messagesOf(1)[0]
      render(<Reactions store={store} roomId={1} message={message} user={store.me!} />, root)
      const buttons = [...root.querySelectorAll<HTMLButtonElement>('button.reaction')]
      return new Map(
        buttons.map((b) => [
          b.dataset.emoji,
          `${b.textContent}|${b.getAttribute('aria-pressed')}|${b.getAttribute('aria-label')!.split(':')[0]}`,
        ]),
      )
    }
    const whoReacted = (emoji: string) =>
      root.querySelector(`button[data-emoji="${emoji}"]`)!.getAttribute('title')
    const click = (emoji: string) => {
      root.querySelector<HTMLButtonElement>(`button[data-emoji="${emoji}"]`)!.click()
      return f.sent.at(-1)
    }
    let seq = 2
    const echo = (emoji: string, by: number, on: boolean) =>
      f.recv(reactionEvent(1, seq++, 1, emoji, by, on))

    expect(show()).toEqual(
      new Map([
        ['__proto__', '__proto__ 2|true|__proto__ from 2'],
        ['toString', 'toString 1|false|toString from 1'],
        ['constructor', 'constructor 3|false|constructor from 3'],
        ['👍', '👍 1|true|👍 from 1'],
      ]),
    )
    // Who reacted, by name where the room knows it (the reader, the message's author).
    expect(whoReacted('👍')).toBe('Ada')
    expect(whoReacted('toString')).toBe('Ben')
    expect(whoReacted('constructor')).toBe('someone, someone, someone')

    expect(click('toString')).toMatchObject({ type: 'react', emoji: 'toString', on: true })
    echo('toString', 1, true)
    expect(click('__proto__')).toMatchObject({ type: 'react', emoji: '__proto__', on: false })
    echo('__proto__', 1, false)
    echo('constructor', 3, false)
    echo('constructor', 4, false)
    echo('constructor', 5, false)
    echo('hasOwnProperty', 2, true)
    expect(show()).toEqual(
      new Map([
        ['__proto__', '__proto__ 1|false|__proto__ from 1'],
        ['toString', 'toString 2|true|toString from 2'],
        ['👍', '👍 1|true|👍 from 1'],
        ['hasOwnProperty', 'hasOwnProperty 1|false|hasOwnProperty from 1'],
      ]),
    )

    expect(click('toString')).toMatchObject({ type: 'react', emoji: 'toString', on: false })
    echo('toString', 1, false)
    echo('toString', 2, false)
    echo('toString', 1, true)
    echo('constructor', 1, true)
    expect(show()).toEqual(
      new Map([
        ['__proto__', '__proto__ 1|false|__proto__ from 1'],
        ['👍', '👍 1|true|👍 from 1'],
        ['hasOwnProperty', 'hasOwnProperty 1|false|hasOwnProperty from 1'],
        ['toString', 'toString 1|true|toString from 1'],
        ['constructor', 'constructor 1|true|constructor from 1'],
      ]),
    )
  })

  it('offers the quick reactions, pressed where the reader gave them', () => {
    const { f, store } = setup(`[${wireMessage(1, '{"👍": [1], "🎉": [2]}')}]`)
    const root = document.createElement('div')
    const message = store.messagesOf(1)[0]
    render(<QuickReactions store={store} roomId={1} message={message} user={store.me!} />, root)
    const buttons = [...root.querySelectorAll<HTMLButtonElement>('button.quick-reaction')]
    expect(buttons.map((b) => [b.dataset.emoji, b.getAttribute('aria-pressed')])).toEqual(
      QUICK_REACTIONS.map((e) => [e, String(e === '👍')]),
    )
    buttons[2].click()
    expect(f.sent.at(-1)).toMatchObject({ type: 'react', emoji: '🎉', on: true })
    buttons[0].click()
    expect(f.sent.at(-1)).toMatchObject({ type: 'react', emoji: '👍', on: false })
  })
})
