import {
  Alert,
  Button,
  Group,
  Select,
  SimpleGrid,
  Stack,
  Table,
  Text,
  TextInput,
  Title,
} from '@mantine/core';
import { IconDownload } from '@tabler/icons-react';
import { useMutation, useQuery } from '@tanstack/react-query';
import { useEffect, useState } from 'react';
import { api, ok } from '../api/client';
import { ApiError } from '../api/errors';
import { useMe } from '../auth/useAuth';
import { ApiErrorAlert } from '../components/ErrorDisplay';
import { attendanceRows, attendanceTemplate, parseCsv } from '../components/import/csv';
import { FileDrop, saveText } from '../components/import/FileDrop';
import { issuesCsv, type RowIssue, RowIssues } from '../components/import/RowIssues';
import { WizardSteps } from '../components/import/WizardSteps';
import { PageHeader } from '../components/PageHeader';
import { formatMonth, formatNumber } from '../format';
import { L } from '../i18n/labels';

type Row = { nip: string; timestamp: string; type: string };
const TIMESTAMP = /^(\d{4}-\d{2}-\d{2})(?:[ T](\d{2}:\d{2}(?::\d{2})?))?$/;
const TYPES = new Set(['IN', 'MASUK', 'OUT', 'PULANG', 'KELUAR', 'TK', 'ALPA', 'TANPA_KETERANGAN']);

/** This month in the tenant's zone ('YYYY-MM'). */
function monthIn(timeZone: string): string {
  const p = new Intl.DateTimeFormat('en-CA', { timeZone, year: 'numeric', month: '2-digit' }).formatToParts(
    new Date(),
  );
  return `${p.find((x) => x.type === 'year')?.value}-${p.find((x) => x.type === 'month')?.value}`;
}

/**
 * A first look at the rows before anything is sent: the shape of each field (the API checks again,
 * with the OPD's employees and the tenant's clock, and refuses the whole file if any row is wrong).
 */
function precheck(rows: readonly Row[], month: string): RowIssue[] {
  const issues: RowIssue[] = [];
  rows.forEach((r, i) => {
    const row = i + 2;
    if (!/^\d{18}$/.test(r.nip)) issues.push({ row, nip: r.nip, field: 'nip', message: L.attendance.badNip });
    const m = TIMESTAMP.exec(r.timestamp);
    if (!m) issues.push({ row, nip: r.nip, field: 'timestamp', message: L.attendance.badTimestamp });
    else if (!m[1]!.startsWith(`${month}-`))
      issues.push({
        row,
        nip: r.nip,
        field: 'timestamp',
        message: L.attendance.outsideMonth(formatMonth(month)),
      });
    if (!TYPES.has(r.type)) issues.push({ row, nip: r.nip, field: 'type', message: L.attendance.badType });
  });
  return issues;
}

/** The API's refusal (`body.rows[i].field`) as the same per-row report, in spreadsheet rows. */
function serverIssues(err: unknown, rows: readonly Row[]): RowIssue[] {
  return err instanceof ApiError ? rowIssues(err.issues, rows) : [];
}

/** Issues naming `body.rows[i].field` (a refusal or the dry run's report) in spreadsheet rows. */
function rowIssues(issues: readonly { path: string; message: string }[], rows: readonly Row[]): RowIssue[] {
  return issues.flatMap((i) => {
    const m = /^body\.rows\[(\d+)\]\.(\w+)$/.exec(i.path);
    if (!m) return [];
    const index = Number(m[1]);
    return [{ row: index + 2, nip: rows[index]?.nip ?? '', field: m[2]!, message: i.message }];
  });
}

/**
 * Impor Absensi (operator, BKPSDM): Unduh templat → Unggah → Pratinjau → Impor, then the month's
 * coverage per OPD. The API stores a file only when every row is valid (nothing half-written); its
 * per-row report is shown here when it refuses one.
 */
export default function ImporAbsensiPage() {
  const me = useMe();
  const zone = me.data?.timeZone ?? 'Asia/Jakarta';
  const myOpds = me.data?.opds ?? [];
  const [month, setMonth] = useState(() => monthIn(zone));
  const [opd, setOpd] = useState<string>('');
  const chosenOpd = opd || myOpds[0] || '';
  const [fileName, setFileName] = useState<string>();
  const [rows, setRows] = useState<Row[]>();
  const [fileError, setFileError] = useState<string>();
  const A = L.attendance;

  const importRows = useMutation({
    mutationFn: (body: { opd: string; rows: Row[] }) =>
      ok(api.POST('/attendance/{month}/imports', { params: { path: { month } }, body })),
  });
  // The server's own check of the whole file (dry run: nothing written) before "Impor" is offered.
  const checkRows = useMutation({
    mutationFn: (body: { opd: string; rows: Row[] }) =>
      ok(
        api.POST('/attendance/{month}/imports', {
          params: { path: { month } },
          body: { ...body, dryRun: true },
        }),
      ),
  });
  const coverage = useQuery({
    queryKey: ['results', month, chosenOpd, importRows.data],
    enabled: !!importRows.data,
    queryFn: () =>
      ok(
        api.GET('/results/{month}', {
          params: { path: { month }, query: { ...(chosenOpd ? { opd: chosenOpd } : {}), limit: 1 } },
        }),
      ),
  });

  const pre = rows ? precheck(rows, month) : [];
  const checked = checkRows.data as
    | { issues: { path: string; message: string }[]; monthLocked: boolean; validRows: number }
    | undefined;
  const refused = importRows.error
    ? serverIssues(importRows.error, rows ?? [])
    : rowIssues(checked?.issues ?? [], rows ?? []);
  const serverOk = !!checked && refused.length === 0 && !checked.monthLocked;
  const { mutate: check, reset: resetCheck } = checkRows;
  useEffect(() => {
    resetCheck();
    if (rows && chosenOpd && precheck(rows, month).length === 0) check({ opd: chosenOpd, rows });
  }, [rows, chosenOpd, month, check, resetCheck]);
  const step = importRows.data ? 4 : rows ? 2 : 1;
  const employees = new Set(rows?.map((r) => r.nip)).size;
  const days = new Set(rows?.map((r) => r.timestamp.slice(0, 10))).size;

  const onFile = async (file: File) => {
    setFileError(undefined);
    importRows.reset();
    const table = parseCsv(await file.text());
    const parsed = attendanceRows(table);
    if (parsed.missingColumns.length > 0) {
      setRows(undefined);
      setFileError(A.missingColumns(parsed.missingColumns.join(', ')));
      return;
    }
    if (parsed.rows.length === 0) {
      setRows(undefined);
      setFileError(A.noRows);
      return;
    }
    setFileName(file.name);
    setRows(parsed.rows);
  };
  const summary = importRows.data as
    | { rows: number; stored: number; duplicatesInFile: number; employees: number }
    | undefined;
  const cov = (coverage.data as { coverage?: CoverageRow[] } | undefined)?.coverage ?? [];

  return (
    <>
      <PageHeader title={L.page.titles.imporAbsensi} description={A.intro} />
      <SimpleGrid cols={{ base: 1, sm: 2, lg: 3 }} spacing="sm" mb="md">
        <TextInput
          id="absensi-bulan"
          type="month"
          label={A.month}
          value={month}
          onChange={(e) => {
            setMonth(e.currentTarget.value);
            importRows.reset();
          }}
        />
        {myOpds.length > 0 ? (
          <Select
            id="absensi-opd"
            label={A.opd}
            data={myOpds}
            value={chosenOpd}
            onChange={(v) => v && setOpd(v)}
            allowDeselect={false}
          />
        ) : (
          <TextInput
            id="absensi-opd"
            label={A.opd}
            description={A.opdHint}
            value={opd}
            onChange={(e) => setOpd(e.currentTarget.value.toUpperCase())}
          />
        )}
      </SimpleGrid>
      <WizardSteps steps={[A.stepTemplate, A.stepUpload, A.stepPreview, A.stepImport]} active={step} />
      <Stack gap="md">
        <Group>
          <Button
            variant="default"
            leftSection={<IconDownload size={16} aria-hidden />}
            onClick={() => saveText(attendanceTemplate(month), `templat-presensi-${month}.csv`)}
          >
            {A.downloadTemplate}
          </Button>
          <Text size="sm" c="dimmed">
            {A.templateHint}
          </Text>
        </Group>
        <FileDrop
          id="absensi-berkas"
          accept={{
            'text/csv': ['.csv'],
            'text/plain': ['.txt', '.csv'],
            'application/vnd.ms-excel': ['.csv'],
          }}
          maxSize={5 * 1024 * 1024}
          hint={A.dropHint}
          onFile={(f) => void onFile(f)}
          onReject={setFileError}
        />
        <div aria-live="assertive">
          {fileError ? (
            <Alert color="red" title={A.fileRefused}>
              {fileError}
            </Alert>
          ) : null}
        </div>
        {rows ? (
          <section aria-labelledby="pratinjau">
            <Title order={2} size="h4" id="pratinjau" mb="xs">
              {A.previewTitle(fileName ?? '')}
            </Title>
            <Text role="status" data-preview-counts>
              {A.counts(formatNumber(rows.length), formatNumber(employees), formatNumber(days), pre.length)}
            </Text>
            {pre.length > 0 ? (
              <RowIssues issues={pre} caption={A.precheckCaption} />
            ) : (
              <PreviewRows rows={rows.slice(0, 10)} total={rows.length} />
            )}
            <Group mt="md">
              <Button
                onClick={() => importRows.mutate({ opd: chosenOpd, rows })}
                loading={importRows.isPending}
                disabled={pre.length > 0 || !chosenOpd || !!importRows.data || !serverOk}
              >
                {A.commit(formatNumber(rows.length))}
              </Button>
              {pre.length > 0 || refused.length > 0 ? (
                <Button
                  variant="default"
                  onClick={() =>
                    saveText(issuesCsv(refused.length > 0 ? refused : pre), `masalah-presensi-${month}.csv`)
                  }
                >
                  {A.downloadIssues}
                </Button>
              ) : null}
            </Group>
          </section>
        ) : null}
        <div aria-live="polite">
          {checkRows.isPending ? <Text data-server-check>{A.serverChecking}</Text> : null}
          {checked && !importRows.error && !importRows.data ? (
            checked.monthLocked ? (
              <Alert color="red" title={A.refusedTitle}>
                {A.monthLocked}
              </Alert>
            ) : refused.length > 0 ? (
              <RowIssues issues={refused} caption={A.serverCheckCaption} />
            ) : (
              <Text data-server-check>{A.serverCheckOk(formatNumber(checked.validRows))}</Text>
            )
          ) : null}
          {checkRows.error ? <ApiErrorAlert error={checkRows.error} title={A.refusedTitle} /> : null}
        </div>
        <div aria-live="assertive">
          {importRows.error ? (
            <Stack gap="xs">
              <ApiErrorAlert error={importRows.error} title={A.refusedTitle} />
              {refused.length > 0 ? <RowIssues issues={refused} caption={A.refusedCaption} /> : null}
            </Stack>
          ) : null}
        </div>
        <div aria-live="polite">
          {summary ? (
            <Alert color="teal" title={A.doneTitle} data-import-done>
              {A.done(
                formatNumber(summary.stored),
                formatNumber(summary.employees),
                formatNumber(summary.duplicatesInFile),
              )}
            </Alert>
          ) : null}
        </div>
        {summary ? (
          <section aria-labelledby="cakupan">
            <Title order={2} size="h4" id="cakupan" mb="xs">
              {A.coverageTitle(formatMonth(month))}
            </Title>
            {coverage.error ? <ApiErrorAlert error={coverage.error} /> : null}
            {cov.length === 0 && !coverage.isLoading ? (
              <Text size="sm">{A.coverageNotYet}</Text>
            ) : (
              <CoverageTable rows={cov} />
            )}
          </section>
        ) : null}
      </Stack>
    </>
  );
}

interface CoverageRow {
  opd: string;
  employees: number;
  attendanceComplete: number;
  missingDays: number;
  unknown: number;
  evaluationMissing: number;
  provisional: number;
}

function CoverageTable(props: { rows: CoverageRow[] }) {
  const A = L.attendance;
  return (
    <Table fz="sm" withTableBorder verticalSpacing={4} data-coverage>
      <Table.Thead>
        <Table.Tr>
          <Table.Th scope="col">{A.cOpd}</Table.Th>
          <Table.Th scope="col" ta="right">
            {A.cEmployees}
          </Table.Th>
          <Table.Th scope="col" ta="right">
            {A.cComplete}
          </Table.Th>
          <Table.Th scope="col" ta="right">
            {A.cMissingDays}
          </Table.Th>
          <Table.Th scope="col" ta="right">
            {A.cEvaluationMissing}
          </Table.Th>
        </Table.Tr>
      </Table.Thead>
      <Table.Tbody>
        {props.rows.map((r) => (
          <Table.Tr key={r.opd}>
            <Table.Th scope="row">{r.opd}</Table.Th>
            <Table.Td ta="right">{formatNumber(r.employees)}</Table.Td>
            <Table.Td ta="right">{formatNumber(r.attendanceComplete)}</Table.Td>
            <Table.Td ta="right">{formatNumber(r.missingDays)}</Table.Td>
            <Table.Td ta="right">{formatNumber(r.evaluationMissing)}</Table.Td>
          </Table.Tr>
        ))}
      </Table.Tbody>
    </Table>
  );
}

function PreviewRows(props: { rows: Row[]; total: number }) {
  const A = L.attendance;
  return (
    <Table fz="sm" withTableBorder verticalSpacing={4} mt="xs">
      <Table.Caption style={{ captionSide: 'top', textAlign: 'left' }}>
        {A.previewCaption(formatNumber(props.rows.length), formatNumber(props.total))}
      </Table.Caption>
      <Table.Thead>
        <Table.Tr>
          <Table.Th scope="col">{L.imports.nip}</Table.Th>
          <Table.Th scope="col">{A.timestamp}</Table.Th>
          <Table.Th scope="col">{A.type}</Table.Th>
        </Table.Tr>
      </Table.Thead>
      <Table.Tbody>
        {props.rows.map((r) => (
          <Table.Tr key={`${r.nip}:${r.timestamp}:${r.type}`}>
            <Table.Td>{r.nip}</Table.Td>
            <Table.Td>{r.timestamp}</Table.Td>
            <Table.Td>{r.type}</Table.Td>
          </Table.Tr>
        ))}
      </Table.Tbody>
    </Table>
  );
}
