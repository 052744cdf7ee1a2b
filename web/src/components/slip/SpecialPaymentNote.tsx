import { Paper, Stack, Table, Text, Title } from '@mantine/core';
import { formatMonth, formatPercent, formatRupiah } from '../../format';
import { L, RUN_KIND_LABELS } from '../../i18n/labels';
import type { SpecialPaymentMeta } from './types';

const S = L.pembayaran.special;
const NUMERIC = { fontVariantNumeric: 'tabular-nums', whiteSpace: 'nowrap' } as const;

/** "2026-06-GAJI_TPP" → "Gaji & TPP Juni 2026" (runId = `${month}-${kind}`). */
function listName(runId: string): string {
  const month = runId.slice(0, 7);
  const kind = runId.slice(8) as keyof typeof RUN_KIND_LABELS;
  return `${RUN_KIND_LABELS[kind] ?? kind} ${/^\d{4}-\d{2}$/.test(month) ? formatMonth(month) : ''}`.trim();
}

/**
 * A THR or gaji ke-13 slip says what it is: the base month and regulation of its components, the
 * tenant's share of the TPP, that nothing is deducted, and the lists of the masa whose summed bruto
 * the PPh 21 was computed on (gaji13-thr.md: the tax of the three lists equals the tax of their sum).
 */
export function SpecialPaymentNote(props: { special: SpecialPaymentMeta; month: string }) {
  const s = props.special;
  const kind = RUN_KIND_LABELS[s.type];
  const lists = s.masaLists ?? [];
  return (
    <Paper
      withBorder
      p="md"
      radius="md"
      mb="md"
      component="section"
      aria-labelledby="pembayaran-khusus"
      data-special={s.type}
    >
      <Stack gap={4}>
        <Title order={2} size="h4" id="pembayaran-khusus">
          {S.title(kind, String(s.year))}
        </Title>
        {s.baseMonth ? <Text size="sm">{S.base(formatMonth(s.baseMonth), s.regulation ?? '')}</Text> : null}
        {s.tppPercent !== undefined ? (
          <Text size="sm">
            {S.tppShare(
              formatPercent(s.tppPercent, 2),
              s.tppBasis ? (S.tppBasis[s.tppBasis] ?? s.tppBasis) : '',
              s.tppBase !== undefined ? formatRupiah(s.tppBase) : '',
            )}
          </Text>
        ) : null}
        <Text size="sm">{S.noDeductions}</Text>
        {lists.length > 0 ? (
          <>
            <Text size="sm">{S.masa(formatMonth(props.month))}</Text>
            <Table withTableBorder fz="sm" maw={560}>
              <Table.Caption>{S.caption}</Table.Caption>
              <Table.Thead>
                <Table.Tr>
                  <Table.Th scope="col">{S.list}</Table.Th>
                  <Table.Th scope="col" ta="right">
                    {S.bruto}
                  </Table.Th>
                  <Table.Th scope="col" ta="right">
                    {S.pph}
                  </Table.Th>
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {lists.map((l) => (
                  <Table.Tr key={l.runId}>
                    <Table.Th scope="row" fw={500}>
                      {listName(l.runId)}
                    </Table.Th>
                    <Table.Td ta="right" style={NUMERIC}>
                      {formatRupiah(l.bruto)}
                    </Table.Td>
                    <Table.Td ta="right" style={NUMERIC}>
                      {formatRupiah(l.pph)}
                    </Table.Td>
                  </Table.Tr>
                ))}
              </Table.Tbody>
            </Table>
          </>
        ) : null}
      </Stack>
    </Paper>
  );
}
