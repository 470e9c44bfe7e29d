import { t } from '../../../core/i18n'
import type { Member } from '../protocol'

interface Props {
  id: string
  candidates: Member[]
  active: number
  onPick: (m: Member) => void
}

/** The listbox of people the composer's "@word" may mean. */
export function MentionList({ id, candidates, active, onPick }: Props) {
  return (
    <ul id={id} role="listbox" class="mention-list" aria-label={t('composer.mentions')}>
      {candidates.map((m, i) => (
        <li
          key={m.user}
          id={`${id}-${m.user}`}
          role="option"
          aria-selected={i === active}
          class={i === active ? 'active' : undefined}
          onMouseDown={(e) => {
            e.preventDefault()
            onPick(m)
          }}
        >
          {m.display_name}
          {m.institution && <span class="muted"> · {m.institution}</span>}
        </li>
      ))}
    </ul>
  )
}
