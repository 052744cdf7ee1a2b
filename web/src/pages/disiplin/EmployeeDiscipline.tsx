import {
  Alert,
  Button,
  Group,
  Loader,
  Select,
  SimpleGrid,
  Stack,
  Table,
  Text,
  TextInput,
  Title,
} from '@mantine/core';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { api, ok } from '../../api/client';
import { ApiError, fieldErrors } from '../../api/errors';
import { ApiErrorAlert, ErrorSummary, fieldId } from '../../components/ErrorDisplay';
import { useTenantClock } from '../../components/run/hooks';
import { formatDate, formatMonth, formatNumber, formatPercent } from '../../format';
import { L } from '../../i18n/labels';
import { type ClassifiedDay, cellCode, type GridDay, type GridRow } from './grid-data';

const D = L.disiplin;

/** Today on the tenant's clock ("2026-12-03"): a correction may not be dated in the future. */
function todayIn(timeZone: string): string {
  return new Intl.DateTimeFormat('en-CA', {
    timeZone,
    year: 'numeric',
    month: '2-digit',
    day: '2-digit',
  }).format(new Date());
}

/** A form's field errors under its own prefix, so two forms on one page never share an input id. */
function prefixed(errors: Record<string, string>, prefix: string): Record<string, string> {
  return Object.fromEntries(Object.entries(errors).map(([k, v]) => [`${prefix}.${k}`, v]));
}

interface Records {
  items: ({ type: 'LEAVE' | 'SANCTION' } & Record<string, unknown>)[];
}

/**
 * One employee's month in the discipline page: the days with their times and codes, a correction form
 * (a reason is required; after the month is locked a second, audited reason), the cuti and hukuman
 * disiplin records with forms to add them, and the TPP cuts the month causes.
 */
export function EmployeeDiscipline(props: {
  month: string;
  row: GridRow;
  days: GridDay[];
  readOnly: boolean;
  canSanction: boolean;
  onChanged: () => void;
}) {
  const { month, row } = props;
  const nip = row.nip;
  const attendance = useQuery({
    queryKey: ['attendance', month, nip],
    queryFn: async () =>
      (await ok(api.GET('/attendance/{month}/{nip}', { params: { path: { month, nip } } }))) as unknown as {
        days: ClassifiedDay[];
      },
  });
  const records = useQuery({
    queryKey: ['discipline', nip],
    queryFn: async () =>
      (await ok(
        api.GET('/discipline/{nip}', { params: { path: { nip }, query: { limit: 100 } } }),
      )) as unknown as Records,
  });
  const days = attendance.data?.days ?? [];
  return (
    <Stack gap="lg">
      <TppCuts row={row} />
      {props.readOnly ? null : (
        <CorrectionForm
          month={month}
          nip={nip}
          nama={row.nama}
          days={props.days}
          onSaved={() => {
            void attendance.refetch();
            props.onChanged();
          }}
        />
      )}
      <section aria-labelledby="hari-pegawai">
        <Title order={3} size="h5" id="hari-pegawai" mb={4}>
          {D.gridCaption(row.nama, formatMonth(month))}
        </Title>
        {attendance.error ? <ApiErrorAlert error={attendance.error} /> : null}
        {attendance.isLoading ? <Loader size="sm" aria-label={L.app.loading} /> : null}
        {days.length > 0 ? (
          // Focusable: the days scroll inside the dialog, and a keyboard user must be able to scroll them.
          <Table.ScrollContainer
            minWidth={560}
            mah={320}
            type="native"
            tabIndex={0}
            role="region"
            aria-labelledby="hari-pegawai"
          >
            <Table fz="xs" withTableBorder verticalSpacing={2} stickyHeader data-employee-days>
              <Table.Thead>
                <Table.Tr>
                  <Table.Th scope="col">{D.date}</Table.Th>
                  <Table.Th scope="col">{D.recordType}</Table.Th>
                  <Table.Th scope="col">{D.checkIn}</Table.Th>
                  <Table.Th scope="col">{D.checkOut}</Table.Th>
                  <Table.Th scope="col">{D.detail}</Table.Th>
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {days.map((d) => (
                  <Table.Tr key={d.date} data-date={d.date}>
                    <Table.Th scope="row" fw={500}>
                      {formatDate(d.date)}
                    </Table.Th>
                    <Table.Td>
                      {cellCode(d) || '—'} · {D.status[d.status] ?? d.status}
                    </Table.Td>
                    <Table.Td>{d.checkIn ?? '—'}</Table.Td>
                    <Table.Td>{d.checkOut ?? '—'}</Table.Td>
                    <Table.Td>
                      {[
                        D.source[d.source] ?? d.source,
                        d.lateMinutes ? D.late(d.lateMinutes) : '',
                        d.earlyMinutes ? D.early(d.earlyMinutes) : '',
                        ...d.notes,
                      ]
                        .filter(Boolean)
                        .join('; ')}
                    </Table.Td>
                  </Table.Tr>
                ))}
              </Table.Tbody>
            </Table>
          </Table.ScrollContainer>
        ) : null}
      </section>
      <RecordsSection
        nip={nip}
        nama={row.nama}
        month={month}
        records={records.data?.items}
        error={records.error}
        readOnly={props.readOnly}
        canSanction={props.canSanction}
        onSaved={() => {
          void records.refetch();
          void attendance.refetch();
          props.onChanged();
        }}
      />
    </Stack>
  );
}

function TppCuts(props: { row: GridRow }) {
  const c = props.row.tppCuts;
  return (
    <section aria-labelledby="potongan-tpp">
      <Title order={3} size="h5" id="potongan-tpp" mb={4}>
        {D.cut}
      </Title>
      {!c.computed ? (
        <Text size="sm">
          {D.cutUnknown}. {D.cutHint}
        </Text>
      ) : c.items.length === 0 && c.sanctions.length === 0 ? (
        <Text size="sm">{D.noCut}</Text>
      ) : (
        <Table fz="sm" withTableBorder verticalSpacing={2} data-tpp-cuts>
          <Table.Thead>
            <Table.Tr>
              <Table.Th scope="col">{D.recordType}</Table.Th>
              <Table.Th scope="col" ta="right">
                {D.occurrences}
              </Table.Th>
              <Table.Th scope="col" ta="right">
                {D.cut}
              </Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {c.items.map((i) => (
              <Table.Tr key={i.code}>
                <Table.Th scope="row" fw={500}>
                  {i.label ?? i.code}
                </Table.Th>
                <Table.Td ta="right">{formatNumber(i.count)}</Table.Td>
                <Table.Td ta="right">{formatPercent(i.percent, 2)}</Table.Td>
              </Table.Tr>
            ))}
            {c.sanctions.map((x) => (
              <Table.Tr key={x.skNumber}>
                <Table.Th scope="row" fw={500}>
                  {D.recordTypes.SANCTION}: {D.sanctionJenisLabels[x.jenis] ?? x.jenis} ({x.skNumber})
                </Table.Th>
                <Table.Td ta="right">—</Table.Td>
                <Table.Td ta="right">{formatPercent(x.percent, 2)}</Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
          <Table.Tfoot>
            <Table.Tr>
              <Table.Th scope="row">{D.attendanceCut}</Table.Th>
              <Table.Td />
              <Table.Td ta="right" fw={700}>
                {formatPercent(c.attendancePercent, 2)}
              </Table.Td>
            </Table.Tr>
          </Table.Tfoot>
        </Table>
      )}
    </section>
  );
}

const CORRECTION_LABELS = {
  date: D.date,
  checkIn: D.checkIn,
  checkOut: D.checkOut,
  reason: D.reason,
  'correction.reason': D.lockReason,
};

function CorrectionForm(props: {
  month: string;
  nip: string;
  nama: string;
  days: GridDay[];
  onSaved: () => void;
}) {
  const clock = useTenantClock();
  const today = todayIn(clock.timeZone);
  const choices = props.days.filter((d) => d.date <= today);
  const [date, setDate] = useState<string | null>(null);
  const [checkIn, setCheckIn] = useState('');
  const [checkOut, setCheckOut] = useState('');
  const [reason, setReason] = useState('');
  const [lockReason, setLockReason] = useState('');
  const [locked, setLocked] = useState(false);
  const [local, setLocal] = useState<Record<string, string>>({});
  const [done, setDone] = useState<string>();
  const queryClient = useQueryClient();
  const save = useMutation({
    mutationFn: () =>
      ok(
        api.PUT('/attendance/{month}/{nip}/corrections/{date}', {
          params: { path: { month: props.month, nip: props.nip, date: date! } },
          body: {
            ...(checkIn ? { checkIn } : { checkIn: null }),
            ...(checkOut ? { checkOut } : { checkOut: null }),
            reason,
            ...(locked && lockReason ? { correction: { reason: lockReason } } : {}),
          },
        }),
      ),
    onSuccess: () => {
      setDone(D.corrected(props.nama, formatDate(date!)));
      setReason('');
      setLockReason('');
      setLocked(false);
      void queryClient.invalidateQueries({ queryKey: ['attendance-grid'] });
      props.onSaved();
    },
    onError: (err) => {
      if (err instanceof ApiError && err.code === 'MONTH_LOCKED') setLocked(true);
    },
  });
  const errors = { ...fieldErrors(save.error), ...local };
  const submit = (e: React.FormEvent) => {
    e.preventDefault();
    setDone(undefined);
    const problems: Record<string, string> = {};
    if (!date) problems.date = D.chooseDate;
    if (reason.trim().length < 5) problems.reason = D.reasonShort;
    setLocal(problems);
    if (Object.keys(problems).length === 0) save.mutate();
  };
  return (
    <section aria-labelledby="koreksi-presensi">
      <Title order={3} size="h5" id="koreksi-presensi" mb={4}>
        {D.correct}
      </Title>
      <form onSubmit={submit} noValidate data-correction-form>
        <ErrorSummary errors={errors} labels={CORRECTION_LABELS} error={save.error} />
        <SimpleGrid cols={{ base: 1, sm: 3 }} spacing="sm">
          <Select
            id={fieldId('date')}
            label={D.date}
            data={choices.map((d) => ({ value: d.date, label: formatDate(d.date) }))}
            value={date}
            onChange={setDate}
            error={errors.date}
            searchable
            required
          />
          <TextInput
            id={fieldId('checkIn')}
            type="time"
            label={D.checkIn}
            value={checkIn}
            onChange={(e) => setCheckIn(e.currentTarget.value)}
            error={errors.checkIn}
          />
          <TextInput
            id={fieldId('checkOut')}
            type="time"
            label={D.checkOut}
            value={checkOut}
            onChange={(e) => setCheckOut(e.currentTarget.value)}
            error={errors.checkOut}
          />
        </SimpleGrid>
        <Text size="xs" c="dimmed" mt={4}>
          {D.correctHint}
        </Text>
        <TextInput
          id={fieldId('reason')}
          label={D.reason}
          description={D.reasonHint}
          value={reason}
          onChange={(e) => setReason(e.currentTarget.value)}
          error={errors.reason}
          required
          mt="sm"
        />
        {locked ? (
          <TextInput
            id={fieldId('correction.reason')}
            label={D.lockReason}
            description={D.lockReasonHint}
            value={lockReason}
            onChange={(e) => setLockReason(e.currentTarget.value)}
            error={errors['correction.reason']}
            required
            mt="sm"
          />
        ) : null}
        <Group mt="sm">
          <Button type="submit" loading={save.isPending}>
            {D.saveCorrection}
          </Button>
        </Group>
      </form>
      <div aria-live="polite">
        {done ? (
          <Alert color="teal" mt="sm" data-correction-done>
            {done}
          </Alert>
        ) : null}
      </div>
    </section>
  );
}

function RecordsSection(props: {
  nip: string;
  nama: string;
  month: string;
  records: Records['items'] | undefined;
  error: unknown;
  readOnly: boolean;
  canSanction: boolean;
  onSaved: () => void;
}) {
  const rows = props.records ?? [];
  return (
    <section aria-labelledby="catatan-disiplin">
      <Title order={3} size="h5" id="catatan-disiplin" mb={4}>
        {D.records(props.nama)}
      </Title>
      {props.error ? <ApiErrorAlert error={props.error} /> : null}
      {rows.length === 0 ? (
        <Text size="sm">{D.noRecords}</Text>
      ) : (
        <Table fz="sm" withTableBorder verticalSpacing={2} data-discipline-records>
          <Table.Caption style={{ captionSide: 'top', textAlign: 'left' }}>
            {D.recordsCaption(props.nama)}
          </Table.Caption>
          <Table.Thead>
            <Table.Tr>
              <Table.Th scope="col">{D.recordType}</Table.Th>
              <Table.Th scope="col">{D.from}</Table.Th>
              <Table.Th scope="col">{D.to}</Table.Th>
              <Table.Th scope="col">{D.sk}</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {rows.map((r) => {
              const leave = r.type === 'LEAVE';
              const kind = leave
                ? (D.leaveKinds[String(r.kind)] ?? String(r.kind))
                : `${D.recordTypes.SANCTION}: ${D.sanctionJenisLabels[String(r.jenis)] ?? String(r.jenis)}`;
              const from = leave ? formatDate(String(r.from)) : formatMonth(String(r.startMonth));
              const to = leave
                ? formatDate(String(r.to))
                : r.durationMonths === null || r.durationMonths === undefined
                  ? '—'
                  : `${String(r.durationMonths)} ${L.kinerjaBkpsdm.month.toLowerCase()}`;
              return (
                <Table.Tr key={`${r.type}:${String(r.kind ?? r.jenis)}:${String(r.from ?? r.skNumber)}`}>
                  <Table.Th scope="row" fw={500}>
                    {kind}
                  </Table.Th>
                  <Table.Td>{from}</Table.Td>
                  <Table.Td>{to}</Table.Td>
                  <Table.Td>{r.skNumber ? String(r.skNumber) : '—'}</Table.Td>
                </Table.Tr>
              );
            })}
          </Table.Tbody>
        </Table>
      )}
      {props.readOnly ? null : <LeaveForm nip={props.nip} month={props.month} onSaved={props.onSaved} />}
      {props.readOnly || !props.canSanction ? null : (
        <SanctionForm nip={props.nip} month={props.month} onSaved={props.onSaved} />
      )}
    </section>
  );
}

const LEAVE_LABELS = {
  'cuti.kind': D.leaveKind,
  'cuti.from': D.from,
  'cuti.to': D.to,
  'cuti.skNumber': D.sk,
};

function LeaveForm(props: { nip: string; month: string; onSaved: () => void }) {
  const [kind, setKind] = useState<string | null>('CUTI_TAHUNAN');
  const [from, setFrom] = useState(`${props.month}-01`);
  const [to, setTo] = useState(`${props.month}-01`);
  const [sk, setSk] = useState('');
  const save = useMutation({
    mutationFn: () =>
      ok(
        api.POST('/discipline/{nip}/leave', {
          params: { path: { nip: props.nip } },
          body: {
            kind: kind as 'CUTI_TAHUNAN',
            from,
            to,
            ...(sk.trim() ? { skNumber: sk.trim() } : {}),
          },
        }),
      ),
    onSuccess: props.onSaved,
  });
  const errors = prefixed(fieldErrors(save.error), 'cuti');
  return (
    <form
      onSubmit={(e) => {
        e.preventDefault();
        save.mutate();
      }}
      noValidate
      aria-labelledby="catat-cuti"
      data-leave-form
    >
      <Title order={4} size="h6" id="catat-cuti" mt="md" mb={4}>
        {D.addLeave}
      </Title>
      <ErrorSummary errors={errors} labels={LEAVE_LABELS} error={save.error} />
      <SimpleGrid cols={{ base: 1, sm: 4 }} spacing="sm">
        <Select
          id={fieldId('cuti.kind')}
          label={D.leaveKind}
          data={Object.entries(D.leaveKinds).map(([value, label]) => ({ value, label }))}
          value={kind}
          onChange={setKind}
          allowDeselect={false}
          error={errors['cuti.kind']}
        />
        <TextInput
          id={fieldId('cuti.from')}
          type="date"
          label={D.from}
          value={from}
          onChange={(e) => setFrom(e.currentTarget.value)}
          error={errors['cuti.from']}
        />
        <TextInput
          id={fieldId('cuti.to')}
          type="date"
          label={D.to}
          value={to}
          onChange={(e) => setTo(e.currentTarget.value)}
          error={errors['cuti.to']}
        />
        <TextInput
          id={fieldId('cuti.skNumber')}
          label={D.sk}
          value={sk}
          onChange={(e) => setSk(e.currentTarget.value)}
          error={errors['cuti.skNumber']}
        />
      </SimpleGrid>
      <Group mt="sm">
        <Button type="submit" variant="default" loading={save.isPending}>
          {D.addLeave}
        </Button>
        {save.isSuccess ? (
          <Text size="sm" role="status">
            {D.saved}
          </Text>
        ) : null}
      </Group>
    </form>
  );
}

const SANCTION_LABELS = {
  'hukuman.skNumber': D.sk,
  'hukuman.jenis': D.sanctionJenis,
  'hukuman.level': D.sanctionLevel,
  'hukuman.startMonth': D.startMonth,
  'hukuman.durationMonths': D.duration,
};
const SANCTION_LEVEL_OF: Record<string, 'RINGAN' | 'SEDANG' | 'BERAT'> = {
  TEGURAN_LISAN: 'RINGAN',
  TEGURAN_TERTULIS: 'RINGAN',
  PERNYATAAN_TIDAK_PUAS: 'RINGAN',
  POTONGAN_TUNJANGAN_25_6_BULAN: 'SEDANG',
  POTONGAN_TUNJANGAN_25_9_BULAN: 'SEDANG',
  POTONGAN_TUNJANGAN_25_12_BULAN: 'SEDANG',
  PENURUNAN_JABATAN: 'BERAT',
  PEMBEBASAN_JABATAN: 'BERAT',
  PEMBERHENTIAN_DENGAN_HORMAT: 'BERAT',
};

function SanctionForm(props: { nip: string; month: string; onSaved: () => void }) {
  const [jenis, setJenis] = useState<string | null>('TEGURAN_TERTULIS');
  const [sk, setSk] = useState('');
  const [start, setStart] = useState(props.month);
  const [duration, setDuration] = useState('');
  const save = useMutation({
    mutationFn: () =>
      ok(
        api.POST('/discipline/{nip}/sanctions', {
          params: { path: { nip: props.nip } },
          body: {
            skNumber: sk.trim(),
            jenis: jenis as 'TEGURAN_TERTULIS',
            level: SANCTION_LEVEL_OF[jenis ?? ''] ?? 'RINGAN',
            startMonth: start,
            durationMonths: duration.trim() ? Number(duration) : null,
          },
        }),
      ),
    onSuccess: props.onSaved,
  });
  const errors = prefixed(fieldErrors(save.error), 'hukuman');
  return (
    <form
      onSubmit={(e) => {
        e.preventDefault();
        save.mutate();
      }}
      noValidate
      aria-labelledby="catat-hukuman"
      data-sanction-form
    >
      <Title order={4} size="h6" id="catat-hukuman" mt="md" mb={4}>
        {D.addSanction}
      </Title>
      <ErrorSummary errors={errors} labels={SANCTION_LABELS} error={save.error} />
      <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="sm">
        <Select
          id={fieldId('hukuman.jenis')}
          label={D.sanctionJenis}
          data={Object.entries(D.sanctionJenisLabels).map(([value, label]) => ({ value, label }))}
          value={jenis}
          onChange={setJenis}
          allowDeselect={false}
          error={errors['hukuman.jenis'] ?? errors['hukuman.level']}
        />
        <TextInput
          id={fieldId('hukuman.skNumber')}
          label={D.sk}
          value={sk}
          onChange={(e) => setSk(e.currentTarget.value)}
          error={errors['hukuman.skNumber']}
          required
        />
        <TextInput
          id={fieldId('hukuman.startMonth')}
          type="month"
          label={D.startMonth}
          value={start}
          onChange={(e) => setStart(e.currentTarget.value)}
          error={errors['hukuman.startMonth']}
        />
        <TextInput
          id={fieldId('hukuman.durationMonths')}
          type="number"
          min={1}
          max={120}
          label={D.duration}
          value={duration}
          onChange={(e) => setDuration(e.currentTarget.value)}
          error={errors['hukuman.durationMonths']}
        />
      </SimpleGrid>
      <Group mt="sm">
        <Button type="submit" variant="default" loading={save.isPending}>
          {D.addSanction}
        </Button>
        {save.isSuccess ? (
          <Text size="sm" role="status">
            {D.saved}
          </Text>
        ) : null}
      </Group>
    </form>
  );
}
