import { Table, Text } from '@mantine/core';
import { IconAlertTriangle, IconCircleCheck, IconHelpCircle } from '@tabler/icons-react';
import type { Schema } from '../../api/client';
import { formatRupiah } from '../../format';
import { L } from '../../i18n/labels';
import { Chip } from '../StatusChip';

const T = L.gaji.approval;
const NUM = { fontVariantNumeric: 'tabular-nums', whiteSpace: 'nowrap' } as const;

/** TPP of this run per OPD against the year's pagu and what locked runs already paid. */
export function BudgetTable(props: { lines: readonly Schema<'RunBudgetLine'>[] }) {
  if (props.lines.length === 0) return <Text size="sm">{T.noPagu}</Text>;
  return (
    <Table.ScrollContainer minWidth={640}>
      <Table striped fz="sm" verticalSpacing={6} data-budget-table>
        <Table.Caption style={{ captionSide: 'top', textAlign: 'left' }}>{T.budgetCaption}</Table.Caption>
        <Table.Thead>
          <Table.Tr>
            <Table.Th scope="col">{L.gaji.run.opd}</Table.Th>
            <Table.Th scope="col" ta="right">
              {T.pagu}
            </Table.Th>
            <Table.Th scope="col" ta="right">
              {T.realisasi}
            </Table.Th>
            <Table.Th scope="col" ta="right">
              {T.runIni}
            </Table.Th>
            <Table.Th scope="col" ta="right">
              {T.sisa}
            </Table.Th>
            <Table.Th scope="col">{L.gaji.run.state}</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {props.lines.map((b) => (
            <Table.Tr key={b.opd} data-budget-opd={b.opd}>
              <Table.Th scope="row">{b.opd}</Table.Th>
              <Table.Td ta="right" style={NUM}>
                {b.pagu === null ? '—' : formatRupiah(b.pagu)}
              </Table.Td>
              <Table.Td ta="right" style={NUM}>
                {formatRupiah(b.realisasiTerkunci)}
              </Table.Td>
              <Table.Td ta="right" style={NUM}>
                {formatRupiah(b.runIni)}
              </Table.Td>
              <Table.Td ta="right" style={NUM}>
                {b.sisa === null ? '—' : formatRupiah(b.sisa)}
              </Table.Td>
              <Table.Td>
                {b.pagu === null ? (
                  <Chip color="gray" icon={<IconHelpCircle size={14} aria-hidden />} label={T.noPagu} />
                ) : b.melebihi ? (
                  <Chip color="red" icon={<IconAlertTriangle size={14} aria-hidden />} label={T.over} />
                ) : (
                  <Chip color="teal" icon={<IconCircleCheck size={14} aria-hidden />} label={T.withinPagu} />
                )}
              </Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </Table.ScrollContainer>
  );
}
