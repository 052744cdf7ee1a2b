import { Button, Card, SimpleGrid, Text, Title } from '@mantine/core';
import { Link } from 'react-router';
import { PageHeader } from '../../components/PageHeader';
import { L } from '../../i18n/labels';
import { pathTo } from '../../routes';

/** Beranda Auditor: where an audit starts — the audit trail, the runs and the employee records. */
export default function AuditorHome() {
  const H = L.homes.auditor;
  const cards = [
    { id: 'jejakAudit' as const, title: H.auditTitle, body: H.auditBody, action: H.auditAction },
    { id: 'proses' as const, title: H.runsTitle, body: H.runsBody, action: H.runsAction },
    { id: 'pegawai' as const, title: H.employeesTitle, body: H.employeesBody, action: H.employeesAction },
  ];
  return (
    <>
      <PageHeader title={L.page.titles.beranda} description={H.intro} />
      <SimpleGrid cols={{ base: 1, md: 3 }} spacing="lg">
        {cards.map((c) => (
          <Card
            key={c.id}
            withBorder
            radius="md"
            padding="lg"
            component="section"
            aria-labelledby={`kartu-${c.id}`}
          >
            <Title order={2} size="h4" id={`kartu-${c.id}`} mb="xs">
              {c.title}
            </Title>
            <Text size="sm" mb="md">
              {c.body}
            </Text>
            <Button component={Link} to={pathTo(c.id)} variant="default">
              {c.action}
            </Button>
          </Card>
        ))}
      </SimpleGrid>
    </>
  );
}
