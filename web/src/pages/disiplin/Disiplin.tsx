import {
  Alert,
  Button,
  Group,
  Loader,
  Modal,
  Select,
  SimpleGrid,
  Stack,
  Table,
  Text,
  TextInput,
  Title,
  VisuallyHidden,
} from '@mantine/core';
import { IconListDetails } from '@tabler/icons-react';
import { useState } from 'react';
import { useMe, useReadOnly } from '../../auth/useAuth';
import { ApiErrorAlert } from '../../components/ErrorDisplay';
import { useOpdOptions } from '../../components/employee/opds';
import { PageHeader } from '../../components/PageHeader';
import { useTenantClock } from '../../components/run/hooks';
import { formatMonth, formatNip, formatPercent } from '../../format';
import { L } from '../../i18n/labels';
import { EmployeeDiscipline } from './EmployeeDiscipline';
import { type AttendanceGrid, type GridDay, type GridRow, useAttendanceGrid, weekdayOf } from './grid-data';

const D = L.disiplin;

/** Colour is decoration only: every cell carries its code as text, and the legend says what it means. */
function cellStyle(code: string): React.CSSProperties {
  if (code === 'LIBUR')
    return { background: 'var(--mantine-color-gray-1)', color: 'var(--mantine-color-gray-8)' };
  if (code === '') return { color: 'var(--mantine-color-gray-7)' };
  if (code === 'TK')
    return { background: 'var(--mantine-color-red-1)', color: 'var(--mantine-color-red-9)', fontWeight: 700 };
  if (/^(TL|PSW)/.test(code))
    return { background: 'var(--mantine-color-yellow-1)', color: 'var(--mantine-color-dark-9)' };
  if (code === 'CUTI')
    return { background: 'var(--mantine-color-blue-0)', color: 'var(--mantine-color-blue-9)' };
  if (code === 'H') return { color: 'var(--mantine-color-dark-9)' };
  return { background: 'var(--mantine-color-teal-0)', color: 'var(--mantine-color-dark-9)' };
}

/** What a cell says in words (for the legend and screen readers): "TL2 PSW1" → "Terlambat …, Pulang …". */
export function codeText(code: string): string {
  if (code === '') return D.codes['?']!;
  if (code === 'LIBUR') return D.codes.L!;
  if (code === 'CUTI') return D.codes.C!;
  return code
    .split(/[+ ]/)
    .map((c) => {
      if (c.startsWith('TL')) return `${D.codes.TL!.split(' (')[0]} ${c}`;
      if (c.startsWith('PSW')) return `${D.codes.PSW!.split(' (')[0]} ${c}`;
      if (c === 'H') return D.codes.H!;
      if (c === 'TK') return D.codes.TK!;
      return `${D.codes.DL!} ${c}`;
    })
    .join(', ');
}

/**
 * Disiplin (operator of the OPD, BKPSDM, auditor): the month's attendance of an OPD as a grid — a
 * column per day with holidays from the tenant's work calendar, one code per employee and day — and
 * per employee the cuti, hukuman disiplin and TPP cuts; "Rincian" opens the employee's month, where
 * operator and BKPSDM correct a day with a reason and record cuti (BKPSDM: hukuman disiplin).
 */
export default function DisiplinPage() {
  const me = useMe();
  const readOnly = useReadOnly();
  const clock = useTenantClock();
  const [month, setMonth] = useState<string>();
  const current = month ?? clock.month;
  const opdOptions = useOpdOptions();
  const [picked, setPicked] = useState<string | null>(null);
  const opd = picked ?? opdOptions[0] ?? null;
  const grid = useAttendanceGrid(current, opd);
  const [open, setOpen] = useState<GridRow>();
  const roles = me.data?.roles ?? [];

  return (
    <Stack gap="md">
      <PageHeader title={D.title} description={D.intro} />
      <SimpleGrid cols={{ base: 1, sm: 2, lg: 3 }} spacing="sm">
        <TextInput
          id="disiplin-bulan"
          type="month"
          label={D.month}
          value={current}
          max={clock.month}
          onChange={(e) => setMonth(e.currentTarget.value)}
        />
        <Select
          id="disiplin-opd"
          label={D.opd}
          data={opdOptions}
          value={opd}
          onChange={(v) => setPicked(v)}
          allowDeselect={false}
          placeholder={D.chooseOpd}
        />
      </SimpleGrid>
      <Legend />
      {grid.error ? <ApiErrorAlert error={grid.error} /> : null}
      {grid.isLoading ? (
        <Group gap="xs" role="status">
          <Loader size="sm" aria-hidden />
          <Text size="sm">{L.app.loading}</Text>
        </Group>
      ) : null}
      {grid.data ? (
        grid.data.items.length === 0 ? (
          <Alert color="gray" title={D.noEmployees}>
            {D.noEmployeesBody}
          </Alert>
        ) : (
          <GridTable grid={grid.data} onOpen={setOpen} />
        )
      ) : null}
      {open && grid.data ? (
        <Modal
          opened
          onClose={() => setOpen(undefined)}
          title={`${open.nama} — ${formatMonth(current)}`}
          size="xl"
          closeButtonProps={{ 'aria-label': D.close }}
        >
          <EmployeeDiscipline
            month={current}
            row={open}
            days={grid.data.days}
            readOnly={readOnly}
            canSanction={roles.includes('bkpsdm')}
            onChanged={() => void grid.refetch()}
          />
        </Modal>
      ) : null}
    </Stack>
  );
}

function Legend() {
  const entries: [string, string][] = [
    ['H', D.codes.H!],
    ['TL1–TL4', D.codes.TL!],
    ['PSW1–PSW4', D.codes.PSW!],
    ['TK', D.codes.TK!],
    ['CUTI', D.codes.C!],
    ['DL', D.codes.DL!],
    ['L', D.codes.L!],
    ['—', D.codes['?']!],
  ];
  return (
    <section aria-labelledby="legenda">
      <Title order={2} size="h5" id="legenda" mb={4}>
        {D.legend}
      </Title>
      <Group gap="md" component="dl" style={{ margin: 0 }}>
        {entries.map(([code, text]) => (
          <Group gap={4} key={code} wrap="nowrap">
            <Text component="dt" size="sm" fw={700} ff="monospace">
              {code}
            </Text>
            <Text component="dd" size="sm" m={0}>
              {text}
            </Text>
          </Group>
        ))}
      </Group>
    </section>
  );
}

function countsText(counts: Record<string, number>): string {
  const parts = Object.entries(counts)
    .filter(([code, n]) => n > 0 && code !== 'HADIR')
    .sort(([a], [b]) => a.localeCompare(b))
    .map(([code, n]) => `${code} ×${n}`);
  return parts.join(', ') || '—';
}

/** "TL/PSW/TK 5% · hukuman 25%" of the month's result; "belum dihitung" before it is computed. */
export function cutText(row: GridRow): string {
  const c = row.tppCuts;
  if (!c.computed) return D.cutUnknown;
  const parts = [`${D.attendanceShort} ${formatPercent(c.attendancePercent, 2)}`];
  if (c.sanctionPercent > 0) parts.push(`${D.sanctionShort} ${formatPercent(c.sanctionPercent, 2)}`);
  return `${parts.join(' · ')}${c.provisional ? ` (${D.provisional})` : ''}`;
}

/** A holiday's name, or its kind in words when the calendar gives no name. */
function holidayName(day: GridDay): string {
  if (!day.holiday) return '';
  return day.holiday.name ?? D.holidayKinds[day.holiday.kind] ?? day.holiday.kind;
}

function dayHeader(day: GridDay) {
  const n = Number(day.date.slice(8));
  const wd = D.weekday[weekdayOf(day.date)]!;
  return (
    <Table.Th
      scope="col"
      key={day.date}
      ta="center"
      style={{
        minWidth: 38,
        fontWeight: 600,
        ...(day.workingDay ? {} : { background: 'var(--mantine-color-gray-1)' }),
      }}
      title={holidayName(day) || undefined}
      data-date={day.date}
    >
      <Text size="xs" span display="block">
        {wd}
      </Text>
      {n}
      {day.holiday ? (
        <Text size="xs" span display="block" c="red.9">
          {D.holiday}
          <VisuallyHidden>: {holidayName(day)}</VisuallyHidden>
        </Text>
      ) : null}
    </Table.Th>
  );
}

/** The employee column stays in view while the days scroll sideways. */
const STICKY: React.CSSProperties = {
  position: 'sticky',
  left: 0,
  zIndex: 1,
  background: 'var(--mantine-color-body)',
};

function GridTable(props: { grid: AttendanceGrid; onOpen: (row: GridRow) => void }) {
  const { grid } = props;
  return (
    // Positioned: the visually hidden texts of the cells stay inside the scrolling box (not the page's width).
    <Table.ScrollContainer minWidth={1200} type="native" style={{ position: 'relative' }}>
      <Table
        fz="xs"
        withTableBorder
        withColumnBorders
        verticalSpacing={2}
        horizontalSpacing={4}
        data-attendance-grid
        stickyHeader
      >
        <Table.Caption
          style={{
            captionSide: 'top',
            textAlign: 'left',
            fontWeight: 600,
            fontSize: 'var(--mantine-font-size-md)',
          }}
        >
          {D.gridCaption(grid.opd, formatMonth(grid.month))}
        </Table.Caption>
        <Table.Thead>
          <Table.Tr>
            <Table.Th scope="col" style={{ minWidth: 180, ...STICKY }}>
              {D.employee}
            </Table.Th>
            {grid.days.map(dayHeader)}
            <Table.Th scope="col" style={{ minWidth: 120 }}>
              {D.summary}
            </Table.Th>
            <Table.Th scope="col" style={{ minWidth: 110 }} title={D.cutHint}>
              {D.cut}
            </Table.Th>
            <Table.Th scope="col">
              <VisuallyHidden>{D.detail}</VisuallyHidden>
            </Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {grid.items.map((row) => {
            const byDate = new Map(row.cells.map((c) => [c.date, c]));
            return (
              <Table.Tr key={row.nip} data-nip={row.nip}>
                <Table.Th scope="row" style={{ fontWeight: 500, ...STICKY }}>
                  {row.nama}
                  <Text size="xs" c="dimmed" span display="block">
                    {formatNip(row.nip)}
                  </Text>
                </Table.Th>
                {grid.days.map((day) => {
                  const code = byDate.get(day.date)?.code ?? '';
                  return (
                    <Table.Td
                      key={day.date}
                      ta="center"
                      style={{ ...cellStyle(code), fontFamily: 'var(--mantine-font-family-monospace)' }}
                      data-date={day.date}
                      data-code={code}
                    >
                      {code === '' ? (
                        <>
                          <span aria-hidden>—</span>
                          <VisuallyHidden>{D.noData}</VisuallyHidden>
                        </>
                      ) : code === 'LIBUR' ? (
                        <>
                          <span aria-hidden>L</span>
                          <VisuallyHidden>{D.holiday}</VisuallyHidden>
                        </>
                      ) : (
                        code
                      )}
                    </Table.Td>
                  );
                })}
                <Table.Td>{countsText(row.counts)}</Table.Td>
                <Table.Td data-tpp-cut>{cutText(row)}</Table.Td>
                <Table.Td>
                  <Button
                    size="compact-xs"
                    variant="default"
                    leftSection={<IconListDetails size={14} aria-hidden />}
                    aria-label={`${D.detail} ${row.nama}`}
                    onClick={() => props.onOpen(row)}
                  >
                    {D.detail}
                  </Button>
                </Table.Td>
              </Table.Tr>
            );
          })}
        </Table.Tbody>
      </Table>
    </Table.ScrollContainer>
  );
}
