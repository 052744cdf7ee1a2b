import { Group, Progress, ScrollArea, Table, Text } from '@mantine/core';
import { formatNumber } from '../../format';
import { L } from '../../i18n/labels';
import { formatPct } from './kinerja';
import type { PeriodProgress } from './types';

const P = L.kinerja.progress;

/**
 * Capaian per indikator of one period (a month, or January to the month): target, realisasi, capaian
 * (capped at the tenant's ceiling, as the server computed it) and the weighted total in the footer.
 */
export function ProgressTable(props: { caption: string; progress: PeriodProgress }) {
  const { progress } = props;
  return (
    <ScrollArea>
      <Table striped withTableBorder verticalSpacing="xs" data-progress-table>
        <Table.Caption>{props.caption}</Table.Caption>
        <Table.Thead>
          <Table.Tr>
            <Table.Th scope="col">{P.indicator}</Table.Th>
            <Table.Th scope="col" ta="right">
              {P.weight}
            </Table.Th>
            <Table.Th scope="col" ta="right">
              {P.target}
            </Table.Th>
            <Table.Th scope="col" ta="right">
              {P.realized}
            </Table.Th>
            <Table.Th scope="col">{P.achievement}</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {progress.indicators.map((i) => (
            <Table.Tr key={i.indicatorId} data-indicator={i.indicatorId}>
              <Table.Th scope="row" fw={400}>
                {i.description}
              </Table.Th>
              <Table.Td ta="right">{formatPct(i.weightPercent)}</Table.Td>
              <Table.Td ta="right">{formatNumber(i.target)}</Table.Td>
              <Table.Td ta="right">
                {i.realized === undefined ? (
                  <Text span c="dimmed" size="sm">
                    {P.noData}
                  </Text>
                ) : (
                  formatNumber(i.realized)
                )}
              </Table.Td>
              <Table.Td miw={180}>
                <Group gap="xs" wrap="nowrap">
                  <Progress
                    value={Math.min(100, i.achievementPercent)}
                    w={90}
                    aria-hidden
                    color={i.achievementPercent >= 100 ? 'teal' : 'blue'}
                  />
                  <Text size="sm" data-achievement>
                    {formatPct(i.achievementPercent)}
                    {i.capped ? ` (${P.capped(formatPct(progress.capPercent))})` : ''}
                  </Text>
                </Group>
              </Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
        <Table.Tfoot>
          <Table.Tr>
            <Table.Th scope="row" colSpan={4}>
              {P.weighted}
            </Table.Th>
            <Table.Td fw={700} data-weighted>
              {formatPct(progress.weightedAchievementPercent)}
            </Table.Td>
          </Table.Tr>
        </Table.Tfoot>
      </Table>
    </ScrollArea>
  );
}
