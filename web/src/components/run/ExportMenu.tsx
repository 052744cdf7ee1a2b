import { Alert, Badge, Button, Group, Paper, Select, Stack, Table, Text, Title } from '@mantine/core';
import { IconAlertTriangle, IconDownload } from '@tabler/icons-react';
import { useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { api, downloadFile, ok, type Schema } from '../../api/client';
import { formatNip } from '../../format';
import { L } from '../../i18n/labels';
import { ApiErrorAlert } from '../ErrorDisplay';
import { exportHref } from './export-href';
import { notifyOk } from './hooks';

const T = L.ekspor;
type RunExports = Schema<'RunExports'>;
type Entry = RunExports['exports'][number];

const STATE_COLOR = { READY: 'teal', PREVIEW: 'yellow', UNAVAILABLE: 'gray' } as const;

/**
 * "Ekspor ke pihak luar": every file of the export catalog with its state — final for a locked run,
 * marked preview for an approved one, unavailable for a draft — and the employees whose data holds a
 * file back (column and reason), which the API refuses to export until they are fixed.
 */
export function ExportMenu(props: { runId: string; opds: string[] }) {
  const [opd, setOpd] = useState(props.opds[0] ?? '');
  const [account, setAccount] = useState<string | undefined>();
  const [busy, setBusy] = useState<string>();
  const [error, setError] = useState<unknown>();
  const query = useQuery({
    queryKey: ['run-exports', props.runId, opd],
    queryFn: () =>
      ok(
        api.GET('/runs/{runId}/exports', {
          params: { path: { runId: props.runId }, query: opd ? { opd } : {} },
        }),
      ),
    enabled: !!opd,
  });
  const data = query.data;
  const chosenAccount = account ?? data?.accounts[0]?.id;
  const get = async (entry: Entry, label: string) => {
    if (!data) return;
    setBusy(entry.id);
    setError(undefined);
    try {
      const ext = entry.format.toLowerCase();
      const prefix = data.menuState === 'PREVIEW' ? 'PRATINJAU-' : '';
      await downloadFile(
        exportHref(entry, data, opd, chosenAccount),
        `${prefix}${entry.id}-${data.runId}-${opd}.${ext}`,
      );
      notifyOk(T.downloaded(label));
    } catch (err) {
      setError(err);
    } finally {
      setBusy(undefined);
    }
  };
  return (
    <Paper withBorder p="md" radius="md" component="section" aria-labelledby="ekspor-title">
      <Stack gap="sm">
        <Group justify="space-between">
          <Title order={2} size="h4" id="ekspor-title">
            {T.title}
          </Title>
          {data ? (
            <Badge color={STATE_COLOR[data.menuState]} variant="light" data-export-state={data.menuState}>
              {T.state[data.menuState]}
            </Badge>
          ) : null}
        </Group>
        <Text size="sm">{T.intro}</Text>
        <Group align="flex-end" gap="sm">
          <Select
            label={T.opd}
            data={props.opds}
            value={opd}
            onChange={(v) => v && setOpd(v)}
            allowDeselect={false}
            w={260}
          />
          {data && data.accounts.length > 1 ? (
            <Select
              label={T.account}
              data={data.accounts.map((a) => ({ value: a.id, label: `${a.label} · ${a.bank}` }))}
              value={chosenAccount ?? null}
              onChange={(v) => v && setAccount(v)}
              allowDeselect={false}
              w={320}
            />
          ) : null}
        </Group>
        {query.error ? <ApiErrorAlert error={query.error} /> : null}
        {error ? <ApiErrorAlert error={error} /> : null}
        {data?.menuState === 'PREVIEW' ? (
          <Alert
            color="yellow"
            variant="light"
            icon={<IconAlertTriangle aria-hidden />}
            styles={{ message: { color: 'var(--mantine-color-black)' } }}
          >
            {T.previewNote}
          </Alert>
        ) : null}
        {data ? (
          <Table striped withTableBorder>
            <Table.Tbody>
              {data.exports.map((entry) => {
                const item = T.items[entry.id] ?? { label: entry.id, hint: '' };
                const blocked = entry.blockers > 0;
                return (
                  <Table.Tr key={entry.id} data-export={entry.id}>
                    <Table.Td>
                      <Text size="sm" fw={600}>
                        {item.label}{' '}
                        <Text span size="xs" c="dimmed">
                          ({entry.format})
                        </Text>
                      </Text>
                      <Text size="xs">
                        {entry.reason ?? (blocked ? T.blockers(entry.blockers) : item.hint)}
                      </Text>
                    </Table.Td>
                    <Table.Td w={140} ta="right">
                      <Button
                        size="xs"
                        variant="default"
                        leftSection={<IconDownload size={14} aria-hidden />}
                        disabled={!entry.available || blocked || !opd}
                        loading={busy === entry.id}
                        aria-label={`${T.download} ${item.label}`}
                        onClick={() => get(entry, item.label)}
                      >
                        {T.download}
                      </Button>
                    </Table.Td>
                  </Table.Tr>
                );
              })}
            </Table.Tbody>
          </Table>
        ) : null}
        {data && data.menuState !== 'UNAVAILABLE' ? <Issues issues={data.issues} /> : null}
        {data?.accounts.map((a) => (
          <Text size="xs" c="dimmed" key={a.id}>
            {a.label} ({a.bank}): {T.template(a.template, a.templateVersion)}
          </Text>
        ))}
      </Stack>
    </Paper>
  );
}

function Issues(props: { issues: RunExports['issues'] }) {
  if (props.issues.length === 0) return <Text size="sm">{T.issuesNone}</Text>;
  const C = T.columns;
  return (
    <Stack gap="xs">
      <Title order={3} size="h5">
        {T.issuesTitle}
      </Title>
      <Table withTableBorder striped>
        <Table.Caption>{T.issuesCaption}</Table.Caption>
        <Table.Thead>
          <Table.Tr>
            <Table.Th>{C.export}</Table.Th>
            <Table.Th>{C.nip}</Table.Th>
            <Table.Th>{C.nama}</Table.Th>
            <Table.Th>{C.column}</Table.Th>
            <Table.Th>{C.message}</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {props.issues.map((i) => (
            <Table.Tr key={`${i.exportId}/${i.nip}/${i.column}`}>
              <Table.Td>{T.items[i.exportId]?.label ?? i.exportId}</Table.Td>
              <Table.Td>{formatNip(i.nip)}</Table.Td>
              <Table.Td>{i.nama}</Table.Td>
              <Table.Td>
                <code>{i.column}</code>
              </Table.Td>
              <Table.Td>{i.message}</Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </Stack>
  );
}
