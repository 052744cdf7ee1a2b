import { Accordion, Badge, Button, Group, Select, SimpleGrid, Stack, Text, TextInput } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { type FormEvent, useState } from 'react';
import { api, ok, type Schema } from '../api/client';
import { fieldErrors } from '../api/errors';
import { useMe } from '../auth/useAuth';
import { AuditDiff } from '../components/audit/AuditDiff';
import { EmptyState } from '../components/EmptyState';
import { ApiErrorAlert, RequestId } from '../components/ErrorDisplay';
import { useCursorPages } from '../components/PagedTable';
import { PageHeader } from '../components/PageHeader';
import { formatDateTime } from '../format';
import { AUDIT_ACTION_LABELS, AUDIT_ENTITY_LABELS, L } from '../i18n/labels';

type AuditRecord = Schema<'AuditRecord'>;
interface Filters {
  type: string;
  id: string;
  actor: string;
  action: string;
  from: string;
  to: string;
}
const NO_FILTER: Filters = { type: 'run', id: '', actor: '', action: '', from: '', to: '' };
const PAGE = 25;

/**
 * Jejak Audit (auditor, BKPSDM): the audit records of an object type or one object, filtered by who,
 * what and when (GET /audit), each with its before/after as a field-by-field diff. Read-only.
 */
export default function JejakAuditPage() {
  const me = useMe();
  const zone = me.data?.timeZone ?? 'Asia/Jakarta';
  const [draft, setDraft] = useState<Filters>(NO_FILTER);
  const [applied, setApplied] = useState<Filters>(NO_FILTER);
  const pages = useCursorPages(PAGE);
  const A = L.audit;
  const query = {
    entity: applied.id.trim() ? `${applied.type}:${applied.id.trim()}` : applied.type,
    limit: PAGE,
    ...(applied.actor.trim() ? { actor: applied.actor.trim() } : {}),
    ...(applied.action ? { action: applied.action } : {}),
    ...(applied.from ? { from: applied.from } : {}),
    ...(applied.to ? { to: applied.to } : {}),
    ...(pages.token ? { nextToken: pages.token } : {}),
  };
  const list = useQuery({
    queryKey: ['audit', query],
    queryFn: () => ok(api.GET('/audit', { params: { query } })),
  });
  const errors = fieldErrors(list.error, 'query');
  const filtered = JSON.stringify({ ...applied, type: '' }) !== JSON.stringify({ ...NO_FILTER, type: '' });
  const apply = (e: FormEvent) => {
    e.preventDefault();
    pages.reset();
    setApplied(draft);
  };
  const clear = () => {
    pages.reset();
    setDraft({ ...NO_FILTER, type: applied.type });
    setApplied({ ...NO_FILTER, type: applied.type });
  };
  const set = (k: keyof Filters) => (v: string) => setDraft((d) => ({ ...d, [k]: v }));
  const items = list.data?.items ?? [];
  const paging = pages.paging(list.data?.nextToken);

  return (
    <>
      <PageHeader title={L.page.titles.jejakAudit} description={A.intro} />
      <form onSubmit={apply} aria-label={A.filters}>
        <SimpleGrid cols={{ base: 1, sm: 2, lg: 3 }} spacing="sm" mb="sm">
          <Select
            id="audit-type"
            label={A.entityType}
            data={Object.entries(AUDIT_ENTITY_LABELS).map(([value, label]) => ({ value, label }))}
            value={draft.type}
            onChange={(v) => v && set('type')(v)}
            allowDeselect={false}
          />
          <TextInput
            id="audit-id"
            label={A.entityId}
            description={A.entityIdHint}
            value={draft.id}
            onChange={(e) => set('id')(e.currentTarget.value)}
            error={errors.entity}
          />
          <TextInput
            id="audit-actor"
            label={A.actor}
            description={A.actorHint}
            value={draft.actor}
            onChange={(e) => set('actor')(e.currentTarget.value)}
            error={errors.actor}
          />
          <Select
            id="audit-action"
            label={A.action}
            data={[
              { value: '', label: A.anyAction },
              ...Object.entries(AUDIT_ACTION_LABELS).map(([value, label]) => ({ value, label })),
            ]}
            value={draft.action}
            onChange={(v) => set('action')(v ?? '')}
            allowDeselect={false}
          />
          <TextInput
            id="audit-from"
            type="date"
            label={A.from}
            value={draft.from}
            onChange={(e) => set('from')(e.currentTarget.value)}
            error={errors.from}
          />
          <TextInput
            id="audit-to"
            type="date"
            label={A.to}
            value={draft.to}
            onChange={(e) => set('to')(e.currentTarget.value)}
            error={errors.to}
          />
        </SimpleGrid>
        <Group mb="md">
          <Button type="submit">{A.apply}</Button>
          {filtered ? (
            <Button variant="default" onClick={clear}>
              {L.empty.clearFilter}
            </Button>
          ) : null}
        </Group>
      </form>
      {list.error && Object.keys(errors).length === 0 ? <ApiErrorAlert error={list.error} /> : null}
      <Text size="sm" c="dimmed" mb="xs" role="status">
        {list.isFetching ? L.app.loading : A.shown(items.length, zone)}
      </Text>
      {!list.isLoading && items.length === 0 && !list.error ? (
        filtered || pages.token ? (
          <EmptyState
            kind="noResults"
            onClearFilter={clear}
            body={list.data?.nextToken ? A.filteredPageEmpty : undefined}
          />
        ) : (
          <EmptyState kind="noData" body={A.empty} />
        )
      ) : null}
      {items.length > 0 ? (
        <Accordion variant="separated" multiple chevronPosition="left" data-audit-list>
          {items.map((r) => (
            <AuditItem key={`${r.at}#${r.requestId}#${r.entityType}#${r.entityId}`} record={r} zone={zone} />
          ))}
        </Accordion>
      ) : null}
      <Group justify="flex-end" mt="md">
        <Button variant="default" size="xs" disabled={!paging.hasPrevious} onClick={paging.onPrevious}>
          {L.table.previous}
        </Button>
        <Button variant="default" size="xs" disabled={!paging.hasNext} onClick={paging.onNext}>
          {L.table.next}
        </Button>
      </Group>
    </>
  );
}

function AuditItem(props: { record: AuditRecord; zone: string }) {
  const r = props.record;
  const A = L.audit;
  const entity = AUDIT_ENTITY_LABELS[r.entityType as keyof typeof AUDIT_ENTITY_LABELS] ?? r.entityType;
  const action = AUDIT_ACTION_LABELS[r.action as keyof typeof AUDIT_ACTION_LABELS] ?? r.action;
  return (
    <Accordion.Item value={`${r.at}#${r.requestId}#${r.entityId}`} data-audit-record={r.action}>
      <Accordion.Control>
        <Group gap="sm" wrap="wrap">
          <Text size="sm" fw={600}>
            {formatDateTime(r.at, props.zone)}
          </Text>
          <Badge variant="outline" color="gray" tt="none" c="gray.9">
            {action}
          </Badge>
          <Text size="sm">
            {entity} {r.entityId}
          </Text>
          <Text size="sm" c="dimmed">
            {A.by(r.actor.sub)}
          </Text>
        </Group>
      </Accordion.Control>
      <Accordion.Panel>
        <Stack gap="xs">
          {r.reason ? (
            <Text size="sm">
              {A.reason}: {r.reason}
            </Text>
          ) : null}
          <AuditDiff before={r.before} after={r.after} caption={A.diffCaption(entity, r.entityId)} />
          <RequestId id={r.requestId} />
        </Stack>
      </Accordion.Panel>
    </Accordion.Item>
  );
}
