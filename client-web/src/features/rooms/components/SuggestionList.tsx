/** One thing the composer offers to complete the word at the caret with. */
export interface Suggestion {
  key: string
  label: string
  hint?: string
}

interface Props {
  id: string
  /** What is offered ("People", "Emoji"), for screen readers. */
  label: string
  items: Suggestion[]
  active: number
  onPick: (index: number) => void
}

/** The listbox of completions for the composer's "@name" or ":code". */
export function SuggestionList({ id, label, items, active, onPick }: Props) {
  return (
    <ul id={id} role="listbox" class="mention-list" aria-label={label}>
      {items.map((s, i) => (
        <li
          key={s.key}
          id={`${id}-${s.key}`}
          role="option"
          aria-selected={i === active}
          class={i === active ? 'active' : undefined}
          onMouseDown={(e) => {
            e.preventDefault()
            onPick(i)
          }}
        >
          {s.label}
          {s.hint && <span class="muted"> · {s.hint}</span>}
        </li>
      ))}
    </ul>
  )
}
