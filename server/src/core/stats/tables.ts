/**
 * The data of a chart as a table: what screen readers read on the statistics page, what the CSV
 * export writes, and what `seminar-posts stats --format table` prints.
 */
/** A table: a caption, column headers, and rows of text or numbers. */
export interface DataTable {
  caption: string;
  columns: string[];
  rows: (string | number)[][];
}

/**
 * The table as CSV (RFC 4180, CRLF line ends). A text cell that a spreadsheet would read as a
 * formula (starting with `=`, `+`, `-`, `@`, a tab or a carriage return) gets a leading `'`, so a
 * presenter's name can never run as one.
 */
export function tableCsv(table: DataTable): string {
  const cell = (value: string | number): string => {
    if (typeof value === 'number') return String(value);
    const text = /^[=+\-@\t\r]/.test(value) ? `'${value}` : value;
    return /[",\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
  };
  return [table.columns, ...table.rows].map((row) => row.map(cell).join(',')).join('\r\n') + '\r\n';
}

/**
 * The table as aligned plain text for a terminal: the caption, the header, a rule, the rows
 * (numbers right-aligned). Hangul counts as two columns.
 */
export function tableText(table: DataTable): string {
  const cells = [table.columns, ...table.rows].map((row) => row.map((value) => String(value).replace(/\s+/g, ' ')));
  const widths = table.columns.map((_, i) => Math.max(...cells.map((row) => displayWidth(row[i] ?? ''))));
  const numeric = table.columns.map(
    (_, i) => table.rows.length > 0 && table.rows.every((row) => typeof row[i] === 'number'),
  );
  const line = (row: string[]) =>
    row
      .map((value, i) => {
        const pad = ' '.repeat(Math.max(0, widths[i]! - displayWidth(value)));
        return numeric[i] ? pad + value : value + pad;
      })
      .join('  ')
      .trimEnd();
  const out = [table.caption, line(cells[0]!), widths.map((w) => '-'.repeat(w)).join('  ')];
  for (const row of cells.slice(1)) out.push(line(row));
  return out.join('\n') + '\n';
}

/** Columns of a terminal a text takes: two for each wide (Hangul, CJK) character. */
export function displayWidth(text: string): number {
  let width = 0;
  for (const char of text) {
    const code = char.codePointAt(0)!;
    width +=
      (code >= 0x1100 && code <= 0x115f) ||
      (code >= 0x2e80 && code <= 0xa4cf) ||
      (code >= 0xac00 && code <= 0xd7a3) ||
      (code >= 0xf900 && code <= 0xfaff) ||
      (code >= 0xfe30 && code <= 0xfe4f) ||
      (code >= 0xff00 && code <= 0xff60)
        ? 2
        : 1;
  }
  return width;
}
