/** The dashboard's two ways of showing numbers: a data table with row headers, and a list of cards. */
import type { ComponentChildren } from 'preact';

/** A column of a data table: its label, and whether it holds text (left-aligned) rather than numbers. */
export type Column = string | { label: string; text: true };

export interface TableRow {
  key: string;
  /** The row's header cell (the first column). */
  header: ComponentChildren;
  cells: ComponentChildren[];
  /** data-* attributes for the row. */
  data?: Record<`data-${string}`, string>;
}

/** A table with a caption (visually hidden unless `visibleCaption`), column headers and row headers. */
export function DataTable({
  caption,
  visibleCaption = false,
  columns,
  rows,
}: {
  caption: string;
  visibleCaption?: boolean;
  columns: Column[];
  rows: TableRow[];
}) {
  const isText = (column: Column | undefined) => typeof column === 'object';
  return (
    <table class="sp-dash-table">
      <caption class={visibleCaption ? undefined : 'sp-dash-hidden'}>{caption}</caption>
      <thead>
        <tr>
          {columns.map((column) => (
            <th
              key={typeof column === 'string' ? column : column.label}
              scope="col"
              class={isText(column) ? 'sp-dash-text' : undefined}
            >
              {typeof column === 'string' ? column : column.label}
            </th>
          ))}
        </tr>
      </thead>
      <tbody>
        {rows.map((row) => (
          <tr key={row.key} {...row.data}>
            <th scope="row">{row.header}</th>
            {row.cells.map((cell, index) => (
              // Cells are positional: the column is their identity.
              <td key={index} class={isText(columns[index + 1]) ? 'sp-dash-text' : undefined}>
                {cell}
              </td>
            ))}
          </tr>
        ))}
      </tbody>
    </table>
  );
}

/** Headline figures as a description list: one card per [id, term, value]. */
export function CardList({ cards }: { cards: readonly (readonly [string, string, ComponentChildren])[] }) {
  return (
    <dl class="sp-dash-cards">
      {cards.map(([id, term, value]) => (
        <div key={id} class="sp-dash-card" data-card={id}>
          <dt>{term}</dt>
          <dd>{value}</dd>
        </div>
      ))}
    </dl>
  );
}
