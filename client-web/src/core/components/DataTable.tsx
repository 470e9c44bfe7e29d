import type { ComponentChildren } from 'preact'

/**
 * A table with column headings in a region that scrolls sideways on narrow screens (and
 * can be scrolled by keyboard: it takes the focus); `children` are its body rows.
 */
export function DataTable({
  labelledBy,
  headings,
  children,
}: {
  labelledBy: string
  headings: string[]
  children: ComponentChildren
}) {
  return (
    <div class="table-wrap" tabIndex={0} role="region" aria-labelledby={labelledBy}>
      <table>
        <thead>
          <tr>
            {headings.map((h) => (
              <th key={h} scope="col">
                {h}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>{children}</tbody>
      </table>
    </div>
  )
}
