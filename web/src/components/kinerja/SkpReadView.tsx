import { Badge, Card, List, ScrollArea, Stack, Table, Text, Title } from '@mantine/core';
import { L } from '../../i18n/labels';
import { formatPct, formatTarget } from './kinerja';
import { BERAKHLAK_KEYS, type SkpRevision } from './types';

const K = L.kinerja;
const S = K.skp;

/**
 * An SKP as it stands, read-only: each hasil kerja (jenis, the atasan's result it supports) with its
 * indikator, target and bobot; then the BerAKHLAK expectations. Used by the pegawai once submitted and
 * by the atasan reviewing a plan (`cascadeLabel` names the atasan's results when known).
 */
export function SkpReadView(props: { skp: SkpRevision; cascadeLabel?: (resultId: string) => string }) {
  const { skp } = props;
  return (
    <Stack gap="md" data-skp-read>
      <Title order={2} size="h3">
        {S.results}
      </Title>
      {skp.results.map((r, n) => (
        <Card key={r.id} withBorder padding="md" component="section" aria-labelledby={`rhk-${n}`}>
          <Stack gap="xs">
            <Title order={3} size="h5" id={`rhk-${n}`}>
              {`${S.result(n + 1)}: ${r.description}`}{' '}
              <Badge variant="outline" color="gray" tt="none" ml="xs" c="gray.9">
                {K.jenis[r.jenis]}
              </Badge>
            </Title>
            <Text size="sm">
              {`${S.cascade}: `}
              {r.cascadedFrom
                ? (props.cascadeLabel?.(r.cascadedFrom.resultId) ?? r.cascadedFrom.resultId)
                : S.cascadeNone}
            </Text>
            <ScrollArea>
              <Table withTableBorder verticalSpacing={4}>
                <Table.Caption>{`${S.indicators} — ${S.result(n + 1)}`}</Table.Caption>
                <Table.Thead>
                  <Table.Tr>
                    <Table.Th scope="col">{S.indicator}</Table.Th>
                    <Table.Th scope="col">{S.aspect}</Table.Th>
                    <Table.Th scope="col" ta="right">
                      {S.target}
                    </Table.Th>
                    <Table.Th scope="col" ta="right">
                      {S.weight}
                    </Table.Th>
                  </Table.Tr>
                </Table.Thead>
                <Table.Tbody>
                  {r.indicators.map((i) => (
                    <Table.Tr key={i.id}>
                      <Table.Th scope="row" fw={400}>
                        {i.description}
                      </Table.Th>
                      <Table.Td>{K.aspect[i.target.aspect]}</Table.Td>
                      <Table.Td ta="right">{formatTarget(i.target)}</Table.Td>
                      <Table.Td ta="right">{formatPct(i.weightPercent)}</Table.Td>
                    </Table.Tr>
                  ))}
                </Table.Tbody>
              </Table>
            </ScrollArea>
          </Stack>
        </Card>
      ))}
      <Title order={2} size="h3">
        {S.perilaku}
      </Title>
      <Text size="sm" c="dimmed">
        {S.perilakuIntro}
      </Text>
      <List spacing={4}>
        {BERAKHLAK_KEYS.map((k) => (
          <List.Item key={k}>
            <Text span fw={600}>
              {K.berakhlak[k]}
            </Text>
            {`: ${skp.perilaku[k]?.ekspektasiKhusus ?? '—'}`}
          </List.Item>
        ))}
      </List>
    </Stack>
  );
}
