import { L } from '../i18n/labels';
import { EmptyState } from './EmptyState';
import { PageHeader } from './PageHeader';

/** A page that exists in the navigation but is not built yet. */
export function Placeholder(props: { title: string }) {
  return (
    <>
      <PageHeader title={props.title} />
      <EmptyState kind="noData" title={L.page.notYet} body={L.page.notYetBody} />
    </>
  );
}
