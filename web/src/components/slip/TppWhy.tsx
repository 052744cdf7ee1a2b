import { Alert, List, Stack, Table, Text, ThemeIcon, Timeline, Title } from '@mantine/core';
import { IconInfoCircle, IconMinus, IconScale, IconStack2, IconTargetArrow } from '@tabler/icons-react';
import { formatMonth, formatPercent, formatRupiah } from '../../format';
import { L } from '../../i18n/labels';
import { citationText } from './SlipLines';
import type { TppWalk } from './tpp-walk';

const NUMERIC = { fontVariantNumeric: 'tabular-nums', whiteSpace: 'nowrap' } as const;

/** "Mengapa TPP saya segini?": the TPP from the ceiling of the kelas jabatan to what is paid. */
/** A step's bullet and heading: each step of the walk is read as one level-3 heading with its icon. */
function stepHead(Icon: typeof IconStack2, title: string) {
  return {
    bullet: (
      <ThemeIcon size={28} radius="xl" variant="light">
        <Icon size={16} aria-hidden />
      </ThemeIcon>
    ),
    title: (
      <Title order={3} size="h5">
        {title}
      </Title>
    ),
  };
}

export function TppWhy(props: { walk: TppWalk }) {
  const w = props.walk;
  const T = L.slip.why;
  const perf = w.performance;
  return (
    <Stack gap="md">
      <Text>{T.intro(w.period ? formatMonth(w.period) : '')}</Text>
      <Timeline bulletSize={28} lineWidth={2} active={5}>
        <Timeline.Item {...stepHead(IconStack2, T.ceilingTitle)}>
          <Text size="sm">{T.ceiling(w.kelasJabatan, w.ceiling ? formatRupiah(w.ceiling.amount) : '—')}</Text>
          {w.ceiling?.citation ? (
            <Text size="xs" c="dimmed">
              {L.slip.basedOn}: {citationText(w.ceiling.citation)}
            </Text>
          ) : null}
          <Table fz="sm" mt={6} verticalSpacing={4} maw={560}>
            <Table.Caption style={{ captionSide: 'top', textAlign: 'left' }}>
              {T.criteriaCaption}
            </Table.Caption>
            <Table.Thead>
              <Table.Tr>
                <Table.Th scope="col">{T.criterion}</Table.Th>
                <Table.Th scope="col" ta="right">
                  {T.criterionCeiling}
                </Table.Th>
                <Table.Th scope="col" ta="right">
                  {T.criterionPaid}
                </Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {w.criteria.map((c) => (
                <Table.Tr key={c.code}>
                  <Table.Th scope="row" fw={500}>
                    {c.label}
                  </Table.Th>
                  <Table.Td ta="right" style={NUMERIC}>
                    {formatRupiah(c.ceiling)}
                  </Table.Td>
                  <Table.Td ta="right" style={NUMERIC}>
                    {formatRupiah(c.amount)}
                  </Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </Timeline.Item>
        <Timeline.Item {...stepHead(IconTargetArrow, T.performanceTitle)} data-why-step="predikat">
          <Text size="sm">
            {perf
              ? perf.status === 'FINAL' && perf.predikat
                ? T.predikat(L.slip.predikat[perf.predikat])
                : T.status(L.slip.performanceStatus[perf.status])
              : T.noPerformance}
          </Text>
          {w.missing?.evaluation || w.missing?.attendance ? (
            <Alert
              color="yellow"
              variant="light"
              mt={6}
              icon={<IconInfoCircle aria-hidden />}
              title={T.missingTitle}
            >
              <Text size="sm">
                {[
                  w.missing.evaluation ? T.missingEvaluation : null,
                  w.missing.attendance ? T.missingAttendance : null,
                ]
                  .filter(Boolean)
                  .join(' ')}
              </Text>
            </Alert>
          ) : null}
          {w.partCuts.length > 0 ? (
            <List size="sm" mt={4}>
              {w.partCuts.map((p) => (
                <List.Item key={p.code}>{T.partCut(p.label, formatPercent(p.percent, 2))}</List.Item>
              ))}
            </List>
          ) : null}
        </Timeline.Item>
        <Timeline.Item {...stepHead(IconMinus, T.disciplineTitle)} data-why-step="disiplin">
          {w.cuts.length === 0 ? (
            <Text size="sm">{T.noCuts}</Text>
          ) : (
            <List size="sm">
              {w.cuts.map((c) => (
                <List.Item key={c.code}>{c.detail}</List.Item>
              ))}
            </List>
          )}
        </Timeline.Item>
        <Timeline.Item {...stepHead(IconScale, T.sanctionTitle)} data-why-step="hukdis">
          {w.sanctions.length === 0 ? (
            <Text size="sm">{T.noSanctions}</Text>
          ) : (
            <List size="sm">
              {w.sanctions.map((s) => (
                <List.Item key={s.detail}>{T.sanction(s.detail, formatPercent(s.percent, 2))}</List.Item>
              ))}
            </List>
          )}
        </Timeline.Item>
        <Timeline.Item {...stepHead(IconStack2, T.amountTitle)} data-why-step="jumlah">
          {w.factors ? (
            <Text size="sm">
              {T.formula}: {w.factors}
            </Text>
          ) : null}
          <Text size="sm" fw={700}>
            {T.amount(formatRupiah(w.amount))}
          </Text>
          {w.deductions.length > 0 ? (
            <List size="sm" mt={4}>
              {w.deductions.map((d) => (
                <List.Item key={d.code}>
                  {d.label}: −{formatRupiah(d.amount)}
                </List.Item>
              ))}
            </List>
          ) : null}
          {w.passThrough.length > 0 ? (
            <Text size="xs" c="dimmed" mt={4}>
              {T.passThrough(w.passThrough.map((p) => p.label).join(', '))}
            </Text>
          ) : null}
          <Text size="md" fw={700} mt={6} data-tpp-net>
            {T.net(formatRupiah(w.net))}
          </Text>
        </Timeline.Item>
      </Timeline>
    </Stack>
  );
}
