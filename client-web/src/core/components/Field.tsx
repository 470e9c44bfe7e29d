import type { JSX } from 'preact'

type Props = {
  id: string
  label: string
  value: string
  onInput: (v: string) => void
} & Omit<JSX.InputHTMLAttributes<HTMLInputElement>, 'value' | 'onInput' | 'label'>

/** A labelled text input. */
export function Field({ id, label, value, onInput, ...rest }: Props) {
  return (
    <div class="field">
      <label for={id}>{label}</label>
      <input id={id} value={value} onInput={(e) => onInput(e.currentTarget.value)} {...rest} />
    </div>
  )
}
