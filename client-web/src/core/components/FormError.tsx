/** An error under a form, read out at once by screen readers. */
export function FormError({ text }: { text: string }) {
  return (
    <p class="form-error" role="alert">
      {text}
    </p>
  )
}
