import { Table, Text } from '@mantine/core';
import { L } from '../../i18n/labels';
import { auditDiff } from './audit-diff';

/** The changed fields of one audit record: field, sebelum, sesudah. */
export function AuditDiff(props: { before: unknown; after: unknown; caption: string }) {
  const rows = auditDiff(props.before, props.after);
  if (rows.length === 0) return <Text size="sm">{L.audit.noChange}</Text>;
  return (
    <Table fz="sm" verticalSpacing={4} withTableBorder data-audit-diff>
      <Table.Caption style={{ captionSide: 'top', textAlign: 'left' }}>{props.caption}</Table.Caption>
      <Table.Thead>
        <Table.Tr>
          <Table.Th scope="col">{L.audit.field}</Table.Th>
          <Table.Th scope="col">{L.audit.before}</Table.Th>
          <Table.Th scope="col">{L.audit.after}</Table.Th>
        </Table.Tr>
      </Table.Thead>
      <Table.Tbody>
        {rows.map((r) => (
          <Table.Tr key={r.field}>
            <Table.Th scope="row" fw={500} style={{ wordBreak: 'break-word' }}>
              {r.field}
            </Table.Th>
            <Table.Td style={{ wordBreak: 'break-word' }}>
              {r.before ?? (
                <Text span c="dimmed">
                  {L.audit.absent}
                </Text>
              )}
            </Table.Td>
            <Table.Td style={{ wordBreak: 'break-word' }}>
              {r.after ?? (
                <Text span c="dimmed">
                  {L.audit.absent}
                </Text>
              )}
            </Table.Td>
          </Table.Tr>
        ))}
      </Table.Tbody>
    </Table>
  );
}
