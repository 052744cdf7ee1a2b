import { Button, Checkbox, Group, Paper, Select, Stack, Text, TextInput, Title } from '@mantine/core';
import { IconDownload } from '@tabler/icons-react';
import { useState } from 'react';
import { downloadFile, type Schema } from '../../api/client';
import { useRoles } from '../../auth/useAuth';
import { ApiErrorAlert, fieldId } from '../../components/ErrorDisplay';
import { useOpdOptions } from '../../components/employee/opds';
import { notifyOk, useTenantClock } from '../../components/run/hooks';
import { formatMonth, normalizeNip } from '../../format';
import { L } from '../../i18n/labels';

const T = L.pajak.files;

/** The 13 masa up to the tenant's current month, newest first. */
function recentMonths(current: string): string[] {
  const [y, m] = current.split('-').map(Number) as [number, number];
  return Array.from({ length: 13 }, (_, i) => {
    const d = new Date(Date.UTC(y, m - 1 - i, 1));
    return `${d.getUTCFullYear()}-${String(d.getUTCMonth() + 1).padStart(2, '0')}`;
  });
}

function withQuery(path: string, query: Record<string, string | undefined | false>): string {
  const q = new URLSearchParams();
  for (const [k, v] of Object.entries(query)) if (v) q.set(k, v);
  const s = q.toString();
  return s ? `${path}?${s}` : path;
}

/**
 * "Berkas pajak": BPMP (Coretax XML) and the rekap PPh 21 per masa, the 1721-A2 (CSV of all, PDF of one
 * employee) and the BPA1 XML per year — what the bendahara hands the KPP. Which buttons show follows the
 * API's roles: the rekap is open to operators, the bukti potong files to BKPSDM and auditors.
 */
export function BerkasPajak(props: { settings: Schema<'TaxSettings'> | null }) {
  const roles = useRoles();
  const exporter = roles.includes('bkpsdm') || roles.includes('auditor');
  const clock = useTenantClock();
  const months = recentMonths(clock.month);
  const thisYear = Number(clock.month.slice(0, 4));
  const opds = useOpdOptions();
  const withholders = props.settings?.withholders ?? [];
  const [month, setMonth] = useState(months[1] ?? clock.month);
  const [year, setYear] = useState(String(thisYear - (clock.month.endsWith('-12') ? 0 : 1)));
  const [withholder, setWithholder] = useState<string | null>(null);
  const [opd, setOpd] = useState<string | null>(null);
  const [nip, setNip] = useState('');
  const [nipError, setNipError] = useState<string>();
  const [preview, setPreview] = useState(false);
  const [busy, setBusy] = useState<string>();
  const [error, setError] = useState<unknown>();
  const chosenWithholder = withholder ?? withholders[0]?.id ?? null;
  const p = preview ? 'true' : undefined;

  const get = async (key: string, label: string, path: string, name: string) => {
    setBusy(key);
    setError(undefined);
    try {
      await downloadFile(path, `${preview ? 'PRATINJAU-' : ''}${name}`);
      notifyOk(T.downloaded(label));
    } catch (err) {
      setError(err);
    } finally {
      setBusy(undefined);
    }
  };
  const button = (key: string, label: string, path: string, name: string, disabled = false) => (
    <Button
      variant="default"
      size="sm"
      leftSection={<IconDownload size={16} aria-hidden />}
      loading={busy === key}
      disabled={disabled}
      onClick={() => void get(key, label, path, name)}
      data-tax-file={key}
    >
      {label}
    </Button>
  );
  const wh = chosenWithholder ?? undefined;

  return (
    <Paper withBorder p="md" radius="md" component="section" aria-labelledby="berkas-pajak-title">
      <Stack gap="md">
        <Title order={2} size="h3" id="berkas-pajak-title">
          {T.title}
        </Title>
        <Text size="sm">{T.intro}</Text>
        <Group align="flex-end" gap="sm">
          {withholders.length > 1 ? (
            <Select
              label={T.withholder}
              data={withholders.map((w) => ({ value: w.id, label: `${w.id} · ${w.name}` }))}
              value={chosenWithholder}
              onChange={setWithholder}
              allowDeselect={false}
              w={320}
            />
          ) : null}
          <Select
            label={T.opd}
            placeholder={T.allOpds}
            data={opds}
            value={opd}
            onChange={setOpd}
            clearable
            searchable
            w={220}
          />
          <Checkbox
            label={T.preview}
            checked={preview}
            onChange={(e) => setPreview(e.currentTarget.checked)}
          />
        </Group>
        {error ? <ApiErrorAlert error={error} /> : null}

        <Title order={3} size="h4">
          {T.monthlyTitle}
        </Title>
        <Group align="flex-end" gap="sm">
          <Select
            label={T.month}
            data={months.map((m) => ({ value: m, label: formatMonth(m) }))}
            value={month}
            onChange={(v) => v && setMonth(v)}
            allowDeselect={false}
            w={200}
          />
          {exporter
            ? button(
                'bpmp',
                T.bpmp,
                withQuery(`/tax/bpmp/${month}`, { withholder: wh, preview: p }),
                `BPMP-${month}${wh ? `-${wh}` : ''}.xml`,
              )
            : null}
          {button(
            'recap',
            T.recap,
            withQuery(`/tax/recap/${month}`, { opd: opd ?? undefined, preview: p }),
            `rekap-pph21-${month}${opd ? `-${opd}` : ''}.xlsx`,
          )}
        </Group>
        <Text size="xs" c="dimmed">
          {T.onRunPage}
        </Text>

        {exporter ? (
          <>
            <Title order={3} size="h4">
              {T.annualTitle}
            </Title>
            <Group align="flex-end" gap="sm">
              <Select
                label={T.year}
                data={[String(thisYear - 1), String(thisYear)]}
                value={year}
                onChange={(v) => v && setYear(v)}
                allowDeselect={false}
                w={140}
              />
              {button(
                'a2-csv',
                T.a2Csv,
                withQuery(`/tax/a2/${year}`, { opd: opd ?? undefined, preview: p }),
                `1721-A2-${year}${opd ? `-${opd}` : ''}.csv`,
              )}
              {button(
                'a1',
                T.a1,
                withQuery(`/tax/a1/${year}`, { withholder: wh, preview: p }),
                `BPA1-${year}${wh ? `-${wh}` : ''}.xml`,
              )}
            </Group>
            {props.settings ? (
              <Text size="xs" c="dimmed">
                {T.a1Hint(props.settings.pppkAnnualForm)}
              </Text>
            ) : null}
            <Group align="flex-start" gap="sm">
              <TextInput
                id={fieldId('a2-nip')}
                label={T.nip}
                inputMode="numeric"
                value={nip}
                onChange={(e) => {
                  setNip(e.currentTarget.value);
                  setNipError(undefined);
                }}
                error={nipError}
                w={240}
              />
              <Button
                mt={25}
                variant="default"
                size="sm"
                leftSection={<IconDownload size={16} aria-hidden />}
                loading={busy === 'a2-pdf'}
                data-tax-file="a2-pdf"
                onClick={() => {
                  const n = normalizeNip(nip);
                  if (!/^\d{18}$/.test(n)) {
                    setNipError(T.nipRequired);
                    return;
                  }
                  void get(
                    'a2-pdf',
                    T.a2Pdf,
                    withQuery(`/tax/a2/${year}/${n}/pdf`, { preview: p }),
                    `1721-A2-${year}-${n}.pdf`,
                  );
                }}
              >
                {T.a2Pdf}
              </Button>
            </Group>
          </>
        ) : null}
      </Stack>
    </Paper>
  );
}
