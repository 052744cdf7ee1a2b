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
import { api, ok } from '../../../api/client';
import { ApiError } from '../../../api/errors';
import { ApiErrorAlert } from '../../../components/ErrorDisplay';
import { useOpdOptions } from '../../../components/employee/opds';
import { parseCsv } from '../../../components/import/csv';
import { FileDrop, saveText } from '../../../components/import/FileDrop';
import { issuesCsv, type RowIssue, RowIssues } from '../../../components/import/RowIssues';
import { WizardSteps } from '../../../components/import/WizardSteps';
import { PageHeader } from '../../../components/PageHeader';
import { useTenantClock } from '../../../components/run/hooks';
import { formatDate, formatNip, formatNumber } from '../../../format';
import { L } from '../../../i18n/labels';

const I = L.kinerjaBkpsdm.imporKinerja;

/** A row as the API takes it (`POST /realizations/{year}/imports`); values stay text, the API parses them. */
export type RealizationRow = {
  nip: string;
  indicatorId: string;
  date: string;
  value: string;
  note?: string;
  evidenceUrl?: string;
};

/** Header names accepted per field (lower case, spaces as _): SIGAP's own and the usual Indonesian ones. */
const ALIASES: Record<keyof RealizationRow, string[]> = {
  nip: ['nip', 'nip_baru'],
  indicatorId: ['indikator', 'indicatorid', 'indicator_id', 'id_indikator', 'kode_indikator'],
  date: ['tanggal', 'date', 'tgl'],
  value: ['realisasi', 'value', 'nilai', 'capaian'],
  note: ['keterangan', 'note', 'catatan'],
  evidenceUrl: ['bukti', 'tautan_bukti', 'evidenceurl', 'evidence_url', 'url_bukti'],
};
const REQUIRED: (keyof RealizationRow)[] = ['nip', 'indicatorId', 'date', 'value'];

/** The file's rows matched by header name; the required columns it lacks (by their template name). */
export function realizationRows(text: string): { rows: RealizationRow[]; missing: string[] } {
  const table = parseCsv(text);
  const norm = table.headers.map((h) => h.toLowerCase().replace(/\s+/g, '_'));
  const col = Object.fromEntries(
    (Object.keys(ALIASES) as (keyof RealizationRow)[]).map((k) => [
      k,
      norm.findIndex((h) => ALIASES[k].includes(h)),
    ]),
  ) as Record<keyof RealizationRow, number>;
  const missing = REQUIRED.filter((k) => col[k] < 0).map((k) => ALIASES[k][0]!);
  if (missing.length > 0) return { rows: [], missing };
  const cell = (r: string[], k: keyof RealizationRow) => (col[k] < 0 ? '' : (r[col[k]] ?? '').trim());
  return {
    rows: table.rows.map((r) => ({
      nip: cell(r, 'nip'),
      indicatorId: cell(r, 'indicatorId'),
      date: cell(r, 'date'),
      value: cell(r, 'value'),
      ...(cell(r, 'note') ? { note: cell(r, 'note') } : {}),
      ...(cell(r, 'evidenceUrl') ? { evidenceUrl: cell(r, 'evidenceUrl') } : {}),
    })),
    missing,
  };
}

/** Issues naming `body.rows[i].field` (the dry run's report or a refusal) in spreadsheet rows (header = 1). */
function rowIssues(
  issues: readonly { path: string; message: string }[],
  rows: readonly RealizationRow[],
): RowIssue[] {
  return issues.flatMap((i) => {
    const m = /^body\.rows\[(\d+)\]\.?(\w*)$/.exec(i.path);
    if (!m) return [];
    const index = Number(m[1]);
    return [{ row: index + 2, nip: rows[index]?.nip ?? '', field: m[2] || '—', message: i.message }];
  });
}

interface SkpIndicator {
  id: string;
  description: string;
}

/**
 * The template: one line per employee of the OPD and indicator of their approved SKP of the year, so
 * the sector's file (a school's exam results, a Puskesmas register) is pasted into known rows.
 */
async function templateFor(opd: string, year: number, date: string): Promise<string> {
  const employees: { nip: string; nama: string }[] = [];
  let nextToken: string | undefined;
  do {
    const page = await ok(
      api.GET('/employees', { params: { query: { opd, limit: 100, ...(nextToken ? { nextToken } : {}) } } }),
    );
    employees.push(...page.items.map((e) => ({ nip: e.nip, nama: e.nama })));
    nextToken = page.nextToken;
  } while (nextToken);
  const q = (v: string) => (/[;"\r\n]/.test(v) ? `"${v.replace(/"/g, '""')}"` : v);
  const lines = ['nip;nama;indikator;uraian_indikator;tanggal;realisasi;keterangan;bukti'];
  for (const e of employees) {
    const skp = await ok(api.GET('/skp/{nip}/{year}', { params: { path: { nip: e.nip, year } } })).catch(
      () => undefined,
    );
    const s = skp as unknown as
      | {
          inForceRevision: number | null;
          revisions: { revision: number; results: { indicators: SkpIndicator[] }[] }[];
        }
      | undefined;
    const inForce = s?.revisions.find((r) => r.revision === s.inForceRevision);
    for (const result of inForce?.results ?? [])
      for (const ind of result.indicators)
        lines.push([e.nip, e.nama, ind.id, ind.description, date, '', '', ''].map(q).join(';'));
  }
  return `${lines.join('\r\n')}\r\n`;
}

/**
 * Impor data kinerja (BKPSDM, operator of the OPD): realisasi per employee and indicator from a
 * spreadsheet — template with the OPD's SKP indicators, upload, the server's dry run per row, then
 * the import (all rows or none); stored realisasi carry the file they came from.
 */
export default function ImporKinerjaPage() {
  const clock = useTenantClock();
  const opds = useOpdOptions();
  const [year, setYear] = useState(() => Number(clock.month.slice(0, 4)));
  const [picked, setPicked] = useState<string | null>(null);
  const opd = picked ?? opds[0] ?? '';
  const [fileName, setFileName] = useState<string>();
  const [rows, setRows] = useState<RealizationRow[]>();
  const [fileError, setFileError] = useState<string>();
  const today = new Intl.DateTimeFormat('en-CA', { timeZone: clock.timeZone }).format(new Date());

  const template = useMutation({
    mutationFn: () => templateFor(opd, year, year === Number(today.slice(0, 4)) ? today : `${year}-12-31`),
    onSuccess: (text) => saveText(text, `templat-realisasi-${opd.toLowerCase()}-${year}.csv`),
  });
  const send = (dryRun: boolean) =>
    ok(
      api.POST('/realizations/{year}/imports', {
        params: { path: { year } },
        body: { opd, fileName: fileName!, rows: rows!, ...(dryRun ? { dryRun: true } : {}) },
      }),
    );
  const check = useMutation({ mutationFn: () => send(true) });
  const commit = useMutation({ mutationFn: () => send(false) });
  const { mutate: runCheck, reset: resetCheck } = check;
  useEffect(() => {
    resetCheck();
    if (rows && opd && fileName) runCheck();
  }, [rows, opd, fileName, runCheck, resetCheck]);

  const checked = check.data && 'dryRun' in check.data ? check.data : undefined;
  const refused = commit.error
    ? commit.error instanceof ApiError
      ? rowIssues(commit.error.issues, rows ?? [])
      : []
    : rowIssues(checked?.issues ?? [], rows ?? []);
  const serverOk = !!checked && checked.issues.length === 0;
  const done = commit.data && 'importId' in commit.data ? commit.data : undefined;
  const step = done ? 4 : checked ? 3 : rows ? 2 : 1;

  const onFile = async (file: File) => {
    setFileError(undefined);
    commit.reset();
    const parsed = realizationRows(await file.text());
    if (parsed.missing.length > 0) {
      setRows(undefined);
      setFileError(I.missingColumns(parsed.missing.join(', ')));
      return;
    }
    if (parsed.rows.length === 0) {
      setRows(undefined);
      setFileError(I.noRows);
      return;
    }
    setFileName(file.name);
    setRows(parsed.rows);
  };
  const employees = new Set(rows?.map((r) => r.nip)).size;
  const firstYear = Number(clock.month.slice(0, 4));

  return (
    <>
      <PageHeader title={L.kinerjaBkpsdm.titles.imporKinerja} description={I.intro} />
      <SimpleGrid cols={{ base: 1, sm: 2, lg: 3 }} spacing="sm" mb="md">
        <Select
          id="kinerja-tahun"
          label={I.year}
          data={[firstYear, firstYear - 1].map(String)}
          value={String(year)}
          onChange={(v) => {
            if (v) setYear(Number(v));
            commit.reset();
          }}
          allowDeselect={false}
        />
        {opds.length > 0 ? (
          <Select
            id="kinerja-opd"
            label={L.kinerjaBkpsdm.opd}
            data={opds}
            value={opd || null}
            onChange={(v) => v && setPicked(v)}
            allowDeselect={false}
          />
        ) : (
          <TextInput
            id="kinerja-opd"
            label={L.kinerjaBkpsdm.opd}
            value={opd}
            onChange={(e) => setPicked(e.currentTarget.value.toUpperCase())}
          />
        )}
      </SimpleGrid>
      <WizardSteps steps={[I.stepTemplate, I.stepUpload, I.stepPreview, I.stepImport]} active={step} />
      <Stack gap="md">
        <Group>
          <Button
            variant="default"
            leftSection={<IconDownload size={16} aria-hidden />}
            onClick={() => template.mutate()}
            loading={template.isPending}
            disabled={!opd}
          >
            {I.downloadTemplate}
          </Button>
          <Text size="sm" c="dimmed">
            {I.templateHint}
          </Text>
        </Group>
        {template.error ? <ApiErrorAlert error={template.error} /> : null}
        <FileDrop
          id="kinerja-berkas"
          accept={{
            'text/csv': ['.csv'],
            'text/plain': ['.txt', '.csv'],
            'application/vnd.ms-excel': ['.csv'],
          }}
          maxSize={5 * 1024 * 1024}
          hint={I.dropHint}
          onFile={(f) => void onFile(f)}
          onReject={setFileError}
        />
        <div aria-live="assertive">
          {fileError ? (
            <Alert color="red" title={I.fileRefused}>
              {fileError}
            </Alert>
          ) : null}
        </div>
        {rows ? (
          <section aria-labelledby="pratinjau-kinerja">
            <Title order={2} size="h4" id="pratinjau-kinerja" mb="xs">
              {I.previewTitle(fileName ?? '')}
            </Title>
            <Text role="status">{I.counts(formatNumber(rows.length), formatNumber(employees))}</Text>
            <PreviewRows rows={rows.slice(0, 10)} total={rows.length} />
            <Group mt="md">
              <Button
                onClick={() => commit.mutate()}
                loading={commit.isPending}
                disabled={!serverOk || !!done || !opd}
                data-import-commit
              >
                {I.commit(formatNumber(rows.length))}
              </Button>
              {refused.length > 0 ? (
                <Button
                  variant="default"
                  onClick={() => saveText(issuesCsv(refused), `masalah-realisasi-${year}.csv`)}
                >
                  {I.downloadIssues}
                </Button>
              ) : null}
            </Group>
          </section>
        ) : null}
        <div aria-live="polite">
          {check.isPending ? <Text data-server-check>{I.serverChecking}</Text> : null}
          {checked && !commit.error && !done ? (
            refused.length > 0 ? (
              <RowIssues issues={refused} caption={I.serverCheckCaption} />
            ) : (
              <Text data-server-check>{I.serverCheckOk(formatNumber(checked.validRows))}</Text>
            )
          ) : null}
          {check.error ? <ApiErrorAlert error={check.error} title={I.refusedTitle} /> : null}
        </div>
        <div aria-live="assertive">
          {commit.error ? (
            <Stack gap="xs">
              <ApiErrorAlert error={commit.error} title={I.refusedTitle} />
              {refused.length > 0 ? <RowIssues issues={refused} caption={I.serverCheckCaption} /> : null}
            </Stack>
          ) : null}
        </div>
        <div aria-live="polite">
          {done ? (
            <Alert color="teal" title={I.doneTitle} data-import-done>
              {I.done(formatNumber(done.stored), done.fileName)}
            </Alert>
          ) : null}
        </div>
        {done && rows ? <Stored year={year} nips={[...new Set(rows.map((r) => r.nip))].slice(0, 3)} /> : null}
      </Stack>
    </>
  );
}

function PreviewRows(props: { rows: RealizationRow[]; total: number }) {
  return (
    <Table fz="sm" withTableBorder verticalSpacing={4} mt="xs">
      <Table.Caption style={{ captionSide: 'top', textAlign: 'left' }}>
        {I.previewCaption(formatNumber(props.rows.length), formatNumber(props.total))}
      </Table.Caption>
      <Table.Thead>
        <Table.Tr>
          <Table.Th scope="col">{L.imports.nip}</Table.Th>
          <Table.Th scope="col">{I.indicator}</Table.Th>
          <Table.Th scope="col">{I.date}</Table.Th>
          <Table.Th scope="col" ta="right">
            {I.value}
          </Table.Th>
          <Table.Th scope="col">{I.note}</Table.Th>
        </Table.Tr>
      </Table.Thead>
      <Table.Tbody>
        {props.rows.map((r) => (
          <Table.Tr key={`${r.nip}:${r.indicatorId}:${r.date}:${r.value}`}>
            <Table.Td>{r.nip}</Table.Td>
            <Table.Td>{r.indicatorId}</Table.Td>
            <Table.Td>{r.date}</Table.Td>
            <Table.Td ta="right">{r.value}</Table.Td>
            <Table.Td>{r.note ?? ''}</Table.Td>
          </Table.Tr>
        ))}
      </Table.Tbody>
    </Table>
  );
}

interface StoredRealization {
  id: string;
  indicatorId: string;
  date: string;
  value: number;
  note?: string;
  source?: { fileName: string; importId: string };
}

/** The imported rows as realisasi of the first employees of the file, with the file they came from. */
function Stored(props: { year: number; nips: string[] }) {
  const list = useQuery({
    queryKey: ['imported-realizations', props.year, props.nips],
    queryFn: async () =>
      Promise.all(
        props.nips.map(async (nip) => {
          const page = await ok(
            api.GET('/skp/{nip}/{year}/realizations', {
              params: { path: { nip, year: props.year }, query: { limit: 50 } },
            }),
          );
          return { nip, items: page.items as unknown as StoredRealization[] };
        }),
      ),
  });
  const rows = (list.data ?? []).flatMap((e) =>
    e.items.filter((r) => r.source).map((r) => ({ nip: e.nip, ...r })),
  );
  return (
    <section aria-labelledby="realisasi-tersimpan">
      <Title order={2} size="h4" id="realisasi-tersimpan" mb="xs">
        {I.storedTitle}
      </Title>
      {list.error ? <ApiErrorAlert error={list.error} /> : null}
      <Table fz="sm" withTableBorder verticalSpacing={4} data-imported-realizations>
        <Table.Caption style={{ captionSide: 'top', textAlign: 'left' }}>{I.storedCaption}</Table.Caption>
        <Table.Thead>
          <Table.Tr>
            <Table.Th scope="col">{L.imports.nip}</Table.Th>
            <Table.Th scope="col">{I.indicator}</Table.Th>
            <Table.Th scope="col">{I.date}</Table.Th>
            <Table.Th scope="col" ta="right">
              {I.value}
            </Table.Th>
            <Table.Th scope="col">{I.source}</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {rows.map((r) => (
            <Table.Tr key={`${r.nip}:${r.id}`}>
              <Table.Td style={{ whiteSpace: 'nowrap' }}>{formatNip(r.nip)}</Table.Td>
              <Table.Td>{r.indicatorId}</Table.Td>
              <Table.Td>{formatDate(r.date)}</Table.Td>
              <Table.Td ta="right">{formatNumber(r.value)}</Table.Td>
              <Table.Td>{r.source?.fileName}</Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </section>
  );
}
