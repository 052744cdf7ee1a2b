import { Select } from '@mantine/core';
import { formatMonth } from '../../format';
import { L } from '../../i18n/labels';
import { monthsUpTo } from './kinerja';

/** The months of the year up to the tenant's current one, newest first ("Desember 2026"). */
export function MonthSelect(props: { last: string; value: string; onChange: (month: string) => void }) {
  const data = monthsUpTo(props.last)
    .reverse()
    .map((m) => ({ value: m, label: formatMonth(m) }));
  return (
    <Select
      label={L.kinerja.month}
      data={data}
      value={props.value}
      onChange={(v) => v && props.onChange(v)}
      allowDeselect={false}
      w={220}
    />
  );
}
