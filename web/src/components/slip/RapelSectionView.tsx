import { Alert, Box, Stack, Table, Text, Title } from '@mantine/core';
import { formatMonth, formatRupiah, formatRupiahDelta } from '../../format';
import { L, RUN_KIND_LABELS } from '../../i18n/labels';
import type { CorrectionLine, RapelSection } from './types';

const R = L.rapel;
const NUMERIC = { fontVariantNumeric: 'tabular-nums', whiteSpace: 'nowrap' } as const;

/**
 * A kekurangan gaji (rapel) slip shows where its amount comes from: per original month and cause, each
 * line as paid, as due now and the difference; the PPh of the month before and now; then the list's
 * own pembulatan, the PPh on the back pay by the tenant's method, and what is paid — or the kelebihan
 * established, recovered later by instalments.
 */
export function RapelSectionView(props: { section: RapelSection }) {
  const s = props.section;
  return (
    <Box component="section" aria-labelledby="rapel-title" mb="lg" data-rapel>
      <Title order={2} size="h4" id="rapel-title" mb={4}>
        {R.title}
      </Title>
      <Text size="sm" c="dimmed" mb="sm">
        {R.intro} {R.method[s.arrearsTaxMethod] ?? ''}
      </Text>
      <Stack gap="md">
        {s.months.map((m) => (
          <Box key={`${m.runId}:${m.cause}`} data-rapel-month={m.month}>
            <Title order={3} size="h5" mb={4}>
              {R.month(
                formatMonth(m.month),
                RUN_KIND_LABELS[m.kind as keyof typeof RUN_KIND_LABELS] ?? m.kind,
                m.cause,
              )}
            </Title>
            <Table fz="sm" withTableBorder verticalSpacing={4}>
              <Table.Caption style={{ captionSide: 'top', textAlign: 'left' }}>
                {R.caption(formatMonth(m.month))}
              </Table.Caption>
              <Table.Thead>
                <Table.Tr>
                  <Table.Th scope="col">{R.component}</Table.Th>
                  <Table.Th scope="col" ta="right">
                    {R.old}
                  </Table.Th>
                  <Table.Th scope="col" ta="right">
                    {R.new}
                  </Table.Th>
                  <Table.Th scope="col" ta="right">
                    {R.diff}
                  </Table.Th>
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {m.rows.map((r) => (
                  <Table.Tr key={`${r.kind}:${r.code}`}>
                    <Table.Th scope="row" fw={500}>
                      {r.label}
                      {r.group === 'TPP' ? ` ${L.slip.tppTag}` : ''}
                    </Table.Th>
                    <Table.Td ta="right" style={NUMERIC}>
                      {formatRupiah(r.old)}
                    </Table.Td>
                    <Table.Td ta="right" style={NUMERIC}>
                      {formatRupiah(r.new)}
                    </Table.Td>
                    <Table.Td ta="right" style={NUMERIC}>
                      {formatRupiahDelta(r.diff)}
                    </Table.Td>
                  </Table.Tr>
                ))}
                {(
                  [
                    [R.pphGaji, m.pph.gajiOld, m.pph.gajiNew],
                    [R.pphTpp, m.pph.tppOld, m.pph.tppNew],
                  ] as const
                )
                  .filter(([, o, n]) => o !== 0 || n !== 0)
                  .map(([which, o, n]) => (
                    <Table.Tr key={which}>
                      <Table.Th scope="row" fw={500}>
                        {R.pph(which)}
                      </Table.Th>
                      <Table.Td ta="right" style={NUMERIC}>
                        {formatRupiah(o)}
                      </Table.Td>
                      <Table.Td ta="right" style={NUMERIC}>
                        {formatRupiah(n)}
                      </Table.Td>
                      <Table.Td ta="right" style={NUMERIC}>
                        {formatRupiahDelta(n - o)}
                      </Table.Td>
                    </Table.Tr>
                  ))}
              </Table.Tbody>
            </Table>
            {m.employerAmountsUnknown ? (
              <Text size="xs" c="dimmed" mt={4}>
                {R.employerUnknown}
              </Text>
            ) : null}
          </Box>
        ))}
        <Table fz="sm" withTableBorder maw={520}>
          <Table.Caption style={{ captionSide: 'top', textAlign: 'left' }}>{R.summary}</Table.Caption>
          <Table.Tbody>
            {(
              [
                [R.net, formatRupiahDelta(s.netBeforePembulatan)],
                [R.pembulatan, formatRupiah(s.pembulatan)],
                [R.pphTotal, formatRupiah(s.pph)],
                [R.bersih, formatRupiah(s.bersih)],
              ] as const
            ).map(([label, value]) => (
              <Table.Tr key={label}>
                <Table.Th scope="row" fw={500}>
                  {label}
                </Table.Th>
                <Table.Td ta="right" style={NUMERIC} fw={label === R.bersih ? 700 : 400}>
                  {value}
                </Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
        {s.kelebihan ? (
          <Alert color="yellow" variant="light" data-kelebihan>
            <Text size="sm" c="dark.9">
              {R.kelebihan(formatRupiah(s.kelebihan))}
            </Text>
          </Alert>
        ) : null}
      </Stack>
    </Box>
  );
}

/**
 * On a regular slip, the differences found for locked months: information (not in this slip's bersih),
 * paid through the rapel list or recovered by instalments (rapel.md §2, §7).
 */
export function CorrectionsNote(props: { corrections: readonly CorrectionLine[] }) {
  const K = L.koreksi;
  if (props.corrections.length === 0) return null;
  return (
    <Box component="section" aria-labelledby="koreksi-title" mb="lg" data-corrections>
      <Title order={2} size="h4" id="koreksi-title" mb={4}>
        {K.title}
      </Title>
      <Text size="sm" c="dimmed" mb={4}>
        {K.note}
      </Text>
      <Table fz="sm" withTableBorder verticalSpacing={4}>
        <Table.Caption style={{ captionSide: 'top', textAlign: 'left' }}>{K.caption}</Table.Caption>
        <Table.Thead>
          <Table.Tr>
            <Table.Th scope="col">{K.month}</Table.Th>
            <Table.Th scope="col">{K.component}</Table.Th>
            <Table.Th scope="col">{K.cause}</Table.Th>
            <Table.Th scope="col" ta="right">
              {K.amount}
            </Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {props.corrections.map((c) => (
            <Table.Tr key={`${c.runId}:${c.code}`}>
              <Table.Th scope="row" fw={500}>
                {formatMonth(c.month)}
              </Table.Th>
              <Table.Td>{c.label}</Table.Td>
              <Table.Td>{c.cause}</Table.Td>
              <Table.Td ta="right" style={NUMERIC}>
                {formatRupiahDelta(c.amount)}
              </Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </Box>
  );
}
