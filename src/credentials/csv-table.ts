import { parse } from 'csv-parse/sync';

/** The known columns a CSV's header names, and each data row's cells in them. */
export interface CsvTable<Column extends string> {
  /** The columns of `columns` the header has; undefined when there is no header (only blank lines). */
  header: Set<Column> | undefined;
  rows: CsvRow<Column>[];
}

export interface CsvRow<Column extends string> {
  /** The row's cells, trimmed, by column; a row shorter than the header lacks the last ones. */
  cells: Partial<Record<Column, string>>;
  /** The line the row ends on, blank lines included: what an editor shows. */
  line: number;
}

/** Header cells compared without case, spaces or punctuation: `Access key ID` = `access_key_id`. */
function normalizeHeader(cell: string): string {
  return cell.toLowerCase().replace(/[^a-z]/g, '');
}

/**
 * Reads a CSV as people save it, the one reader of our CSV files (access keys, users.csv):
 * a BOM, CRLF, quoted fields, the semicolons of a spreadsheet set to a European locale; cells
 * trimmed; blank lines and rows of empty cells (`,,` as a spreadsheet saves a blank row)
 * skipped, before the header too. The header's cells are matched to `columns` (each column's
 * spellings, normalized) without case, spaces or punctuation, the first of each kept; other
 * columns are left out. Undefined when csv-parse cannot read it (a broken quote, say).
 */
export function readCsvTable<Column extends string>(
  text: string,
  columns: Record<Column, readonly string[]>,
): CsvTable<Column> | undefined {
  let header: Set<Column> | undefined;
  const known = Object.entries(columns) as [Column, readonly string[]][];
  const names = (cells: string[]) => {
    const seen = new Set<Column>();
    header = seen;
    return cells.map((cell) => {
      const found = known.find(([column, spellings]) => !seen.has(column) && spellings.includes(normalizeHeader(cell)));
      if (!found) return false;
      seen.add(found[0]);
      return found[0];
    });
  };
  try {
    const records = parse(text, {
      delimiter: delimiterOf(text),
      bom: true,
      columns: names,
      skip_empty_lines: true,
      skip_records_with_empty_values: true,
      relax_column_count: true,
      trim: true,
      info: true,
    }) as unknown as { record: Partial<Record<Column, string>>; info: { lines: number } }[];
    return { header, rows: records.map(({ record, info }) => ({ cells: record, line: info.lines })) };
  } catch {
    return undefined;
  }
}

/** Spreadsheets set to a European locale save with semicolons: a header with `;` and no `,`. */
function delimiterOf(text: string): string {
  const firstLine = text.replace(/^\uFEFF/, '').split(/\r?\n/).find((line) => line.trim() !== '') ?? '';
  return firstLine.includes(';') && !firstLine.includes(',') ? ';' : ',';
}
