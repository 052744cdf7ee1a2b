import { Alert, Badge, Button, Group, Select, Stack, Table, Text, Title } from '@mantine/core';
import { IconDownload } from '@tabler/icons-react';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { api, ok } from '../../api/client';
import { ApiErrorAlert } from '../../components/ErrorDisplay';
import { FileDrop, fileToBase64, saveText } from '../../components/import/FileDrop';
import { issuesCsv, type RowIssue } from '../../components/import/RowIssues';
import { WizardSteps } from '../../components/import/WizardSteps';
import { formatNip, formatNumber } from '../../format';
import { L } from '../../i18n/labels';

const T = L.potongan.import;

/** `rows.5.NIP` → `NIP`: the spreadsheet's column name, as the row number has its own column. */
const column = (path: string) => path.replace(/^rows\.\d+\./, '');

/** A header row and one example row of the creditor import (core/deductions/import.ts IMPORT_COLUMNS). */
const TEMPLATE =
  '\ufeffNIP;JENIS;JUMLAH;PERSEN;TOTAL;TENOR;BULAN_MULAI;BULAN_AKHIR;NOMOR_REFERENSI;NOMOR_REKENING;KETERANGAN\r\n' +
  '198001012005011001;ANGSURAN;;;6000000;12;2027-01;;SKPG/001/2026;PJ-0001;\r\n';

interface ImportRow {
  row: number;
  nip?: string;
  status: 'OK' | 'ERROR';
  action?: string;
  issues: { path: string; message: string }[];
}
interface ImportReport {
  dryRun: boolean;
  rows: ImportRow[];
  counts?: Record<string, number>;
}

/**
 * "Impor dari kreditur": the creditor's spreadsheet for one deduction type, checked first (dry run:
 * every row with its result and problems, nothing written), then the valid rows saved on confirmation.
 * The wizard's parts are the employee import's (steps, file drop, problem list download).
 */
export function ImporPotongan(props: { types: { value: string; label: string }[] }) {
  const qc = useQueryClient();
  const [typeCode, setTypeCode] = useState<string | null>(null);
  const [upload, setUpload] = useState<{ fileName: string; contentBase64: string }>();
  const [fileError, setFileError] = useState<string>();
  const send = (dryRun: boolean) => {
    if (!upload || !typeCode) throw new Error('no file');
    return ok(
      api.POST('/deductions/imports', { body: { ...upload, typeCode, dryRun } }),
    ) as Promise<ImportReport>;
  };
  const check = useMutation({ mutationFn: () => send(true) });
  const commit = useMutation({
    mutationFn: () => send(false),
    onSuccess: () => void qc.invalidateQueries({ queryKey: ['deductions'] }),
  });
  const onFile = async (file: File) => {
    setFileError(undefined);
    check.reset();
    commit.reset();
    setUpload({ fileName: file.name, contentBase64: await fileToBase64(file) });
  };
  const report = commit.data ?? check.data;
  const step = commit.data ? 4 : check.data ? 3 : upload ? 2 : typeCode ? 1 : 0;
  const okRows = check.data?.rows.filter((r) => r.status === 'OK').length ?? 0;
  const issues: RowIssue[] = (report?.rows ?? []).flatMap((r) =>
    r.issues.map((i) => ({
      row: r.row,
      ...(r.nip ? { nip: r.nip } : {}),
      field: i.path,
      message: i.message,
    })),
  );
  return (
    <Stack gap="md">
      <Text size="sm">{T.intro}</Text>
      <WizardSteps steps={[T.stepType, T.stepUpload, T.stepPreview, T.stepImport]} active={step} />
      <Group>
        <Button
          variant="default"
          leftSection={<IconDownload size={16} aria-hidden />}
          onClick={() => saveText(TEMPLATE, 'templat-impor-potongan.csv')}
        >
          {T.template}
        </Button>
      </Group>
      <Text size="sm" c="dimmed">
        {T.templateHint}
      </Text>
      <Select
        id="potongan-impor-jenis"
        label={L.potongan.type}
        data={props.types}
        value={typeCode}
        onChange={(v) => {
          setTypeCode(v);
          check.reset();
          commit.reset();
        }}
        searchable
        w={360}
      />
      {typeCode ? (
        <FileDrop
          id="potongan-berkas"
          accept={{
            'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet': ['.xlsx'],
            'text/csv': ['.csv'],
            'application/vnd.ms-excel': ['.csv'],
          }}
          maxSize={4 * 1024 * 1024}
          hint={T.dropHint}
          onFile={(f) => void onFile(f)}
          onReject={setFileError}
        />
      ) : null}
      <div aria-live="assertive">
        {fileError ? (
          <Alert color="red" title={L.imports.rejected}>
            {fileError}
          </Alert>
        ) : null}
        {check.error ? <ApiErrorAlert error={check.error} title={T.refused} /> : null}
        {commit.error ? <ApiErrorAlert error={commit.error} title={T.refused} /> : null}
      </div>
      {upload && typeCode ? (
        <Group>
          <Text data-upload-name>{T.chosen(upload.fileName)}</Text>
          <Button
            onClick={() => check.mutate()}
            loading={check.isPending}
            variant={check.data ? 'default' : 'filled'}
          >
            {T.check}
          </Button>
        </Group>
      ) : null}
      <div aria-live="polite">
        {report ? (
          <Stack gap="sm" data-import-report={report.dryRun ? 'dry-run' : 'commit'}>
            <Title order={2} size="h4">
              {report.dryRun ? T.previewTitle : T.resultTitle}
            </Title>
            <Text fw={600} data-import-counts>
              {T.counts(
                formatNumber(report.rows.filter((r) => r.status === 'OK').length),
                formatNumber(report.rows.filter((r) => r.status === 'ERROR').length),
              )}
            </Text>
            <Table fz="sm" withTableBorder verticalSpacing={4} stickyHeader>
              <Table.Caption style={{ captionSide: 'top', textAlign: 'left' }}>{T.caption}</Table.Caption>
              <Table.Thead>
                <Table.Tr>
                  <Table.Th scope="col" ta="right">
                    {T.row}
                  </Table.Th>
                  <Table.Th scope="col">{T.nip}</Table.Th>
                  <Table.Th scope="col">{T.status}</Table.Th>
                  <Table.Th scope="col">{T.action}</Table.Th>
                  <Table.Th scope="col">{T.issues}</Table.Th>
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {report.rows.slice(0, 500).map((r) => (
                  <Table.Tr key={r.row} data-import-row={r.status}>
                    <Table.Th scope="row" ta="right" fw={500}>
                      {formatNumber(r.row)}
                    </Table.Th>
                    <Table.Td>{r.nip ? formatNip(r.nip) : '—'}</Table.Td>
                    <Table.Td>
                      <Badge variant="light" color={r.status === 'OK' ? 'teal' : 'red'} c="dark.9" tt="none">
                        {r.status === 'OK' ? T.statusOk : T.statusError}
                      </Badge>
                    </Table.Td>
                    <Table.Td>{r.action ? (T.actions[r.action] ?? r.action) : '—'}</Table.Td>
                    <Table.Td>
                      {r.issues.map((i) => `${column(i.path)}: ${i.message}`).join('; ') || '—'}
                    </Table.Td>
                  </Table.Tr>
                ))}
              </Table.Tbody>
            </Table>
          </Stack>
        ) : null}
      </div>
      {check.data && !commit.data ? (
        <Group>
          <Button onClick={() => commit.mutate()} loading={commit.isPending} disabled={okRows === 0}>
            {T.commit(formatNumber(okRows))}
          </Button>
          {issues.length > 0 ? (
            <Button
              variant="default"
              onClick={() => saveText(issuesCsv(issues), `masalah-${upload?.fileName ?? 'impor'}.csv`)}
            >
              {T.downloadIssues}
            </Button>
          ) : null}
        </Group>
      ) : null}
    </Stack>
  );
}
