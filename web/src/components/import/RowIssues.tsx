import { Table, Text } from '@mantine/core';
import { formatNumber } from '../../format';
import { L } from '../../i18n/labels';

export interface RowIssue {
  /** Spreadsheet row number (the header is row 1). */
  row: number;
  nip?: string;
  field: string;
  message: string;
  severity?: 'ERROR' | 'WARNING';
}

/** The per-row report of an import: baris, NIP, kolom, masalah — shown on the page, never only in a dialog. */
export function RowIssues(props: { issues: readonly RowIssue[]; caption: string; max?: number }) {
  const max = props.max ?? 200;
  const shown = props.issues.slice(0, max);
  return (
    <>
      <Table fz="sm" verticalSpacing={4} withTableBorder stickyHeader data-row-issues>
        <Table.Caption style={{ captionSide: 'top', textAlign: 'left' }}>{props.caption}</Table.Caption>
        <Table.Thead>
          <Table.Tr>
            <Table.Th scope="col" ta="right">
              {L.imports.row}
            </Table.Th>
            <Table.Th scope="col">{L.imports.nip}</Table.Th>
            <Table.Th scope="col">{L.imports.column}</Table.Th>
            <Table.Th scope="col">{L.imports.problem}</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {shown.map((i) => (
            <Table.Tr key={`${i.row}:${i.field}:${i.message}`}>
              <Table.Th scope="row" ta="right" fw={500}>
                {formatNumber(i.row)}
              </Table.Th>
              <Table.Td>{i.nip ?? '—'}</Table.Td>
              <Table.Td>{i.field}</Table.Td>
              <Table.Td>
                {i.severity === 'WARNING' ? `${L.imports.warning}: ` : ''}
                {i.message}
              </Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
      {props.issues.length > max ? (
        <Text size="sm" c="dimmed" mt={4}>
          {L.imports.moreIssues(props.issues.length - max)}
        </Text>
      ) : null}
    </>
  );
}

/** The issues as a CSV (`;`, Excel id-ID), for the "Unduh daftar masalah" button. */
export function issuesCsv(issues: readonly RowIssue[]): string {
  const q = (v: string) => (/[;"\r\n]/.test(v) ? `"${v.replace(/"/g, '""')}"` : v);
  const lines = [
    [L.imports.row, L.imports.nip, L.imports.column, L.imports.problem].join(';'),
    ...issues.map((i) => [String(i.row), i.nip ?? '', i.field, i.message].map(q).join(';')),
  ];
  return `\ufeff${lines.join('\r\n')}\r\n`;
}
