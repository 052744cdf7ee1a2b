import { Text, Timeline } from '@mantine/core';
import type { Schema } from '../../api/client';
import { formatDateTime } from '../../format';
import { L } from '../../i18n/labels';

const T = L.gaji.history;

/** "Riwayat": started, computed, approved, returned to draft (with reason), locked — who and when. */
export function RunHistory(props: { run: Schema<'Run'>; timeZone: string }) {
  const { run } = props;
  const at = (iso: string) => formatDateTime(iso, props.timeZone);
  const events = [
    { key: 'started', title: T.started, at: run.startedAt, by: run.startedBy },
    ...(run.computedAt
      ? [{ key: 'computed', title: T.computed, at: run.computedAt, by: run.lastComputedBy }]
      : []),
    ...(run.approvedAt
      ? [{ key: 'approved', title: T.approved, at: run.approvedAt, by: run.approvedBy }]
      : []),
    ...(run.returnedAt
      ? [
          {
            key: 'returned',
            title: T.returned,
            at: run.returnedAt,
            by: run.returnedBy,
            note: run.returnReason,
          },
        ]
      : []),
    ...(run.lockedAt ? [{ key: 'locked', title: T.locked, at: run.lockedAt, by: run.lockedBy }] : []),
  ].sort((a, b) => a.at.localeCompare(b.at));
  return (
    <Timeline active={events.length - 1} bulletSize={16} lineWidth={2}>
      {events.map((e) => (
        <Timeline.Item key={e.key} title={e.title}>
          <Text size="sm">
            {at(e.at)}
            {e.by ? ` · ${T.by(e.by)}` : ''}
          </Text>
          {'note' in e && e.note ? <Text size="sm">{e.note}</Text> : null}
        </Timeline.Item>
      ))}
    </Timeline>
  );
}
