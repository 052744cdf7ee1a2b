import {
  Alert,
  Anchor,
  Button,
  Checkbox,
  Group,
  SimpleGrid,
  Stack,
  Table,
  Text,
  TextInput,
  Title,
} from '@mantine/core';
import { IconDownload } from '@tabler/icons-react';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { Link } from 'react-router';
import { api, downloadFile, ok, type Schema } from '../api/client';
import { useMe, useRoles } from '../auth/useAuth';
import { ApiErrorAlert } from '../components/ErrorDisplay';
import { FileDrop, fileToBase64, saveText } from '../components/import/FileDrop';
import { issuesCsv, RowIssues } from '../components/import/RowIssues';
import { WizardSteps } from '../components/import/WizardSteps';
import { PageHeader } from '../components/PageHeader';
import { formatDateTime, formatNumber } from '../format';
import { L } from '../i18n/labels';
import { pathTo } from '../routes';

type Report = Schema<'EmployeeImportReport'>;
interface Upload {
  fileName: string;
  contentBase64: string;
}

/**
 * Impor Pegawai (operator, BKPSDM): Unduh templat → Unggah → Pratinjau (the API's dry run: every row
 * and field checked, nothing written) → Impor (commit: valid rows, or none when "semua atau tidak sama
 * sekali") → the result, and the history of committed imports.
 */
export default function ImporPegawaiPage() {
  const me = useMe();
  const roles = useRoles();
  const bkpsdm = roles.includes('bkpsdm');
  const zone = me.data?.timeZone ?? 'Asia/Jakarta';
  const queryClient = useQueryClient();
  const [upload, setUpload] = useState<Upload>();
  const [fileError, setFileError] = useState<string>();
  const [allOrNothing, setAllOrNothing] = useState(false);
  const [newOpds, setNewOpds] = useState('');
  const P = L.employeeImport;
  const opdList = newOpds
    .split(/[,\s]+/)
    .map((s) => s.trim().toUpperCase())
    .filter(Boolean);

  const send = (mode: 'dry-run' | 'commit') => {
    if (!upload) throw new Error('no file');
    return ok(
      api.POST('/employees/imports', {
        body: { ...upload, mode, allOrNothing, newOpds: bkpsdm ? opdList : [] },
      }),
    );
  };
  const dryRun = useMutation({ mutationFn: () => send('dry-run') });
  const commit = useMutation({
    mutationFn: () => send('commit'),
    onSuccess: () => {
      void queryClient.invalidateQueries({ queryKey: ['employee-imports'] });
      void queryClient.invalidateQueries({ queryKey: ['employees'] });
    },
  });
  const history = useQuery({
    queryKey: ['employee-imports'],
    queryFn: () => ok(api.GET('/employees/imports', { params: { query: { limit: 10 } } })),
  });
  const template = useMutation({
    mutationFn: (format: 'xlsx' | 'csv') =>
      downloadFile(`/employees/import-template?format=${format}`, `templat-impor-pegawai.${format}`),
  });

  const onFile = async (file: File) => {
    setFileError(undefined);
    commit.reset();
    const next = { fileName: file.name, contentBase64: await fileToBase64(file) };
    setUpload(next);
    dryRun.reset();
  };
  const report: Report | undefined = commit.data ?? dryRun.data;
  const step = commit.data ? 4 : dryRun.data ? 3 : upload ? 2 : 1;

  return (
    <>
      <PageHeader title={L.page.titles.imporPegawai} description={P.intro} />
      <WizardSteps steps={[P.stepTemplate, P.stepUpload, P.stepPreview, P.stepImport]} active={step} />
      <Stack gap="md">
        <Group>
          <Button
            variant="default"
            leftSection={<IconDownload size={16} aria-hidden />}
            onClick={() => template.mutate('xlsx')}
            loading={template.isPending && template.variables === 'xlsx'}
          >
            {P.templateXlsx}
          </Button>
          <Button variant="default" onClick={() => template.mutate('csv')}>
            {P.templateCsv}
          </Button>
        </Group>
        {template.error ? <ApiErrorAlert error={template.error} /> : null}
        <FileDrop
          id="pegawai-berkas"
          accept={{
            'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet': ['.xlsx'],
            'text/csv': ['.csv'],
            'application/vnd.ms-excel': ['.csv'],
          }}
          maxSize={4 * 1024 * 1024}
          hint={P.dropHint}
          onFile={(f) => void onFile(f)}
          onReject={setFileError}
        />
        <div aria-live="assertive">
          {fileError ? (
            <Alert color="red" title={L.imports.rejected}>
              {fileError}
            </Alert>
          ) : null}
        </div>
        {upload ? (
          <Stack gap="sm">
            <Text data-upload-name>{P.chosen(upload.fileName)}</Text>
            <SimpleGrid cols={{ base: 1, md: 2 }}>
              <Checkbox
                label={P.allOrNothing}
                description={P.allOrNothingHint}
                checked={allOrNothing}
                onChange={(e) => setAllOrNothing(e.currentTarget.checked)}
              />
              {bkpsdm ? (
                <TextInput
                  id="pegawai-opd-baru"
                  label={P.newOpds}
                  description={P.newOpdsHint}
                  value={newOpds}
                  onChange={(e) => setNewOpds(e.currentTarget.value)}
                />
              ) : null}
            </SimpleGrid>
            <Group>
              <Button
                onClick={() => dryRun.mutate()}
                loading={dryRun.isPending}
                variant={dryRun.data ? 'default' : 'filled'}
              >
                {P.check}
              </Button>
            </Group>
          </Stack>
        ) : null}
        <div aria-live="assertive">
          {dryRun.error ? <ApiErrorAlert error={dryRun.error} title={P.refused} /> : null}
        </div>
        <div aria-live="polite">{report ? <ReportView report={report} /> : null}</div>
        {dryRun.data && !commit.data ? (
          <Group>
            <Button
              onClick={() => commit.mutate()}
              loading={commit.isPending}
              disabled={dryRun.data.counts.valid === 0 || (allOrNothing && dryRun.data.counts.invalid > 0)}
            >
              {P.commit(formatNumber(dryRun.data.counts.valid))}
            </Button>
            {dryRun.data.issues.length > 0 ? (
              <Button
                variant="default"
                onClick={() =>
                  saveText(issuesCsv(dryRun.data.issues), `masalah-${upload?.fileName ?? 'impor'}.csv`)
                }
              >
                {P.downloadIssues}
              </Button>
            ) : null}
          </Group>
        ) : null}
        <div aria-live="assertive">
          {commit.error ? <ApiErrorAlert error={commit.error} title={P.refused} /> : null}
        </div>
        <section aria-labelledby="riwayat-impor">
          <Title order={2} size="h4" id="riwayat-impor" mb="xs">
            {P.history}
          </Title>
          {history.error ? <ApiErrorAlert error={history.error} /> : null}
          {history.data && history.data.items.length === 0 ? <Text size="sm">{P.noHistory}</Text> : null}
          {history.data && history.data.items.length > 0 ? (
            <Table fz="sm" withTableBorder verticalSpacing={4}>
              <Table.Thead>
                <Table.Tr>
                  <Table.Th scope="col">{P.hWhen}</Table.Th>
                  <Table.Th scope="col">{P.hFile}</Table.Th>
                  <Table.Th scope="col">{P.hBy}</Table.Th>
                  <Table.Th scope="col" ta="right">
                    {P.hCreated}
                  </Table.Th>
                  <Table.Th scope="col" ta="right">
                    {P.hUpdated}
                  </Table.Th>
                  <Table.Th scope="col" ta="right">
                    {P.hRejected}
                  </Table.Th>
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {history.data.items.map((i) => (
                  <Table.Tr key={`${i.sha256}:${i.at}`}>
                    <Table.Th scope="row" fw={500}>
                      {formatDateTime(i.at, zone)}
                    </Table.Th>
                    <Table.Td>{i.fileName}</Table.Td>
                    <Table.Td>{i.actor.sub}</Table.Td>
                    <Table.Td ta="right">{formatNumber(i.created)}</Table.Td>
                    <Table.Td ta="right">{formatNumber(i.updated)}</Table.Td>
                    <Table.Td ta="right">{formatNumber(i.rejected)}</Table.Td>
                  </Table.Tr>
                ))}
              </Table.Tbody>
            </Table>
          ) : null}
        </section>
      </Stack>
    </>
  );
}

function ReportView(props: { report: Report }) {
  const r = props.report;
  const P = L.employeeImport;
  const c = r.counts;
  return (
    <Stack gap="sm" data-import-report={r.mode}>
      <Title order={2} size="h4">
        {r.mode === 'commit' ? P.resultTitle : P.previewTitle}
      </Title>
      <Text fw={600} data-import-counts>
        {P.counts(formatNumber(c.valid), formatNumber(c.invalid))}
      </Text>
      <Text size="sm">
        {P.actions(
          formatNumber(c.create),
          formatNumber(c.update),
          formatNumber(c.unchanged),
          formatNumber(c.withWarnings),
        )}
      </Text>
      {r.commit ? (
        <Alert color={r.commit.complete ? 'teal' : 'yellow'} title={P.committed} data-import-committed>
          {P.commitResult(
            formatNumber(r.commit.created),
            formatNumber(r.commit.updated),
            formatNumber(r.commit.unchanged),
            formatNumber(r.commit.rejected),
          )}{' '}
          {r.commit.message}
        </Alert>
      ) : null}
      {r.ignoredColumns.length > 0 ? (
        <Text size="sm" c="dimmed">
          {P.ignored(r.ignoredColumns.map((i) => i.header).join(', '))}
        </Text>
      ) : null}
      {r.issues.length > 0 ? (
        <RowIssues issues={r.issues} caption={P.issuesCaption(formatNumber(r.issues.length))} />
      ) : null}
      {r.issuesTruncated ? <Text size="sm">{P.truncated}</Text> : null}
      {r.mode === 'commit' ? (
        <Anchor component={Link} to={pathTo('pegawai')}>
          {P.toList}
        </Anchor>
      ) : null}
    </Stack>
  );
}
