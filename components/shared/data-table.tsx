import type { ComponentChildren } from 'preact';

export interface DataTableRow {
  key: string;
  /** The row's name (first column, a row header). */
  header: ComponentChildren;
  cells: ComponentChildren[];
}

/** A captioned table of figures: a header row, then one row per item, the first cell naming it. */
export function DataTable({ caption, columns, rows, testId, className }: { caption: string; columns: string[]; rows: DataTableRow[]; testId?: string; className?: string }) {
  return (
    <table data-testid={testId} class={['data-table', className].filter(Boolean).join(' ')}>
      <caption>{caption}</caption>
      <thead>
        <tr>
          {columns.map((column) => (
            <th scope="col" key={column}>
              {column}
            </th>
          ))}
        </tr>
      </thead>
      <tbody>
        {rows.map((row) => (
          <tr key={row.key}>
            <th scope="row" dir="auto">
              {row.header}
            </th>
            {row.cells.map((cell, index) => (
              <td key={index}>{cell}</td>
            ))}
          </tr>
        ))}
      </tbody>
    </table>
  );
}
