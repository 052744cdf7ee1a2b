import { Skeleton, Stack } from '@mantine/core';
import { type ComponentType, lazy, Suspense } from 'react';
import { useRoles } from '../auth/useAuth';
import { Placeholder } from '../components/Placeholder';
import { L } from '../i18n/labels';

/**
 * Beranda: "what needs me now", one home per role, each in its own file under ./beranda/ (the first of
 * the user's roles that has one wins). Operator and BKPSDM: the payroll month; pegawai and auditor
 * homes are added beside them.
 */
const HOMES: { role: string; Home: ComponentType }[] = [
  { role: 'bkpsdm', Home: lazy(() => import('./beranda/BkpsdmHome')) },
  { role: 'operator', Home: lazy(() => import('./beranda/OperatorHome')) },
  { role: 'auditor', Home: lazy(() => import('./beranda/AuditorHome')) },
  { role: 'pegawai', Home: lazy(() => import('./beranda/PegawaiHome')) },
];

export default function BerandaPage() {
  const roles = useRoles();
  const home = HOMES.find((h) => roles.includes(h.role));
  if (!home) return <Placeholder title={L.page.titles.beranda} />;
  return (
    <Suspense
      fallback={
        <Stack>
          <Skeleton height={200} />
        </Stack>
      }
    >
      <home.Home />
    </Suspense>
  );
}
