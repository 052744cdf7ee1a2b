import { Button, Card, Group, SimpleGrid, Stack, Text, Title } from '@mantine/core';
import { IconFileInvoice } from '@tabler/icons-react';
import { useQuery } from '@tanstack/react-query';
import { Link } from 'react-router';
import { api, ok } from '../../api/client';
import { useMe } from '../../auth/useAuth';
import { EmptyState } from '../../components/EmptyState';
import { ApiErrorAlert } from '../../components/ErrorDisplay';
import { PageHeader } from '../../components/PageHeader';
import { formatMonth, formatRupiah } from '../../format';
import { L, RUN_KIND_LABELS } from '../../i18n/labels';
import { pathTo } from '../../routes';

/**
 * Beranda Pegawai: the latest released slip (jumlah bersih, bulan) with the way to its explanation.
 * This year's slips, else last year's (January shows December's).
 */
export default function PegawaiHome() {
  const me = useMe();
  const year = new Date().getFullYear();
  const latest = useQuery({
    queryKey: ['my-latest-slip', me.data?.sub, year],
    enabled: !!me.data,
    queryFn: async () => {
      for (const y of [year, year - 1]) {
        const page = await ok(api.GET('/me/slips', { params: { query: { year: String(y) } } }));
        if (page.items.length > 0) return page.items[0]!;
      }
      return null;
    },
  });
  const H = L.homes.pegawai;
  const slip = latest.data;
  return (
    <>
      <PageHeader title={L.page.titles.beranda} description={H.intro} />
      {latest.error ? <ApiErrorAlert error={latest.error} /> : null}
      <SimpleGrid cols={{ base: 1, md: 2 }} spacing="lg">
        <Card withBorder radius="md" padding="lg" component="section" aria-labelledby="slip-terakhir">
          <Title order={2} size="h4" id="slip-terakhir" mb="sm">
            {H.latestSlip}
          </Title>
          {latest.isLoading ? (
            <Text role="status">{L.app.loading}</Text>
          ) : slip ? (
            <Stack gap={4}>
              <Text c="dimmed">{`${RUN_KIND_LABELS[slip.kind]} ${formatMonth(slip.month)}`}</Text>
              <Text size="xl" fw={700} data-latest-net>
                {formatRupiah(slip.bersih)}
              </Text>
              <Text size="sm">{H.netLabel}</Text>
              <Group mt="sm">
                <Button
                  component={Link}
                  to={pathTo('rincianSlip', { runId: slip.runId, nip: me.data?.sub ?? '' })}
                  leftSection={<IconFileInvoice size={16} aria-hidden />}
                >
                  {H.openSlip}
                </Button>
                <Button component={Link} to={pathTo('slipSaya')} variant="default">
                  {H.allSlips}
                </Button>
              </Group>
            </Stack>
          ) : (
            <EmptyState kind="noData" body={H.noSlip} />
          )}
        </Card>
        <Card withBorder radius="md" padding="lg" component="section" aria-labelledby="tentang-tpp">
          <Title order={2} size="h4" id="tentang-tpp" mb="sm">
            {H.tppTitle}
          </Title>
          <Text size="sm">{H.tppBody}</Text>
        </Card>
      </SimpleGrid>
    </>
  );
}
