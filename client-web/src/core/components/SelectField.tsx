import type { ComponentChildren } from 'preact'

interface Props {
  id: string
  label: string
  value: string
  onChange: (v: string) => void
  /** The options. */
  children: ComponentChildren
}

/** A labelled list to choose one value from. */
export function SelectField({ id, label, value, onChange, children }: Props) {
  return (
    <div class="field">
      <label for={id}>{label}</label>
      <select id={id} value={value} onChange={(e) => onChange(e.currentTarget.value)}>
        {children}
      </select>
    </div>
  )
}
