import { Table, Text } from '@mantine/core';
import { formatRupiah } from '../format';

const NUMERIC = { fontVariantNumeric: 'tabular-nums', whiteSpace: 'nowrap' } as const;

/** Rupiah inline: "Rp4.491.800", tabular figures so columns of amounts line up. */
export function Rupiah(props: { value: number }) {
  return (
    <Text span inherit style={NUMERIC}>
      {formatRupiah(props.value)}
    </Text>
  );
}

/** A right-aligned rupiah table cell; `null`/`undefined` shows an em dash (absent, not zero). */
export function RupiahCell(props: { value: number | null | undefined }) {
  return (
    <Table.Td ta="right" style={NUMERIC}>
      {props.value === null || props.value === undefined ? '—' : formatRupiah(props.value)}
    </Table.Td>
  );
}

/** A right-aligned number cell ("1.284"). */
export function NumberCell(props: { children: string | number }) {
  return (
    <Table.Td ta="right" style={NUMERIC}>
      {props.children}
    </Table.Td>
  );
}
