import { Button } from '@mantine/core';
import { Link } from 'react-router';
import { EmptyState } from '../components/EmptyState';
import { PageHeader } from '../components/PageHeader';
import { L } from '../i18n/labels';
import { HOME_PATH } from '../routes';

export function NotFoundPage() {
  return (
    <>
      <PageHeader title={L.page.notFound} />
      <EmptyState
        kind="noData"
        title={L.page.notFound}
        body={L.page.notFoundBody}
        action={
          <Button component={Link} to={HOME_PATH} variant="default">
            {L.page.backHome}
          </Button>
        }
      />
    </>
  );
}

export function ForbiddenPage() {
  return (
    <>
      <PageHeader title={L.page.forbidden} />
      <EmptyState
        kind="noData"
        title={L.page.forbidden}
        body={L.page.forbiddenBody}
        action={
          <Button component={Link} to={HOME_PATH} variant="default">
            {L.page.backHome}
          </Button>
        }
      />
    </>
  );
}
