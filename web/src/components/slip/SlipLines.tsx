import { Badge, Box, Stack, Table, Text, Title } from '@mantine/core';
import { formatRupiah } from '../../format';
import { L } from '../../i18n/labels';
import { POTONGAN_SLIP_LABELS as P } from '../../i18n/labels-potongan';
import { postingText, slipNets, takenOf } from './slip-deductions';
import { slipSections, sumOf } from './slip-sections';
import { terbilang } from './terbilang';
import type { DeductionPosting, SlipCitation, SlipLine, SlipView } from './types';

const NUMERIC = { fontVariantNumeric: 'tabular-nums', whiteSpace: 'nowrap' } as const;

export function citationText(c: SlipCitation): string {
  return c.article ? `${c.regulation}, ${c.article}` : c.regulation;
}

/** One line: the label, the amount, and under the label its explanation and the regulation it cites. */
function LineRow(props: { line: SlipLine }) {
  const { line } = props;
  return (
    <Table.Tr data-slip-line={line.code}>
      <Table.Th scope="row" fw={500} style={{ verticalAlign: 'top' }}>
        <Stack gap={2}>
          <Text fw={600} size="sm">
            {line.label}
            {line.group === 'TPP' ? (
              <Text span size="xs" c="dimmed" ml={6}>
                {L.slip.tppTag}
              </Text>
            ) : null}
          </Text>
          <Text size="sm" data-explanation>
            {line.explanation}
          </Text>
          <Text size="xs" c="dimmed" data-citation>
            {L.slip.basedOn}: {citationText(line.citation)}
            {line.citation.confidence === 'DEMO' ? (
              <Badge ml={6} size="xs" variant="outline" color="gray" tt="none" c="gray.9">
                {L.slip.demoValue}
              </Badge>
            ) : null}
          </Text>
          {line.passThrough ? (
            <Text size="xs" c="dimmed">
              {L.slip.passThroughNote}
            </Text>
          ) : null}
        </Stack>
      </Table.Th>
      <Table.Td ta="right" style={{ ...NUMERIC, verticalAlign: 'top' }}>
        {formatRupiah(line.amount)}
      </Table.Td>
    </Table.Tr>
  );
}

/** A deduction for a third party: its name, what it is (instalment, document, arrears) and the creditor. */
function PostingRow(props: { posting: DeductionPosting }) {
  const p = props.posting;
  const text = postingText(p);
  return (
    <Table.Tr data-slip-posting={p.typeCode} data-layer={p.layer}>
      <Table.Th scope="row" fw={500} style={{ verticalAlign: 'top' }}>
        <Stack gap={2}>
          <Text fw={600} size="sm">
            {p.typeName}
          </Text>
          {text ? (
            <Text size="sm" data-explanation>
              {text}
            </Text>
          ) : null}
          {p.note ? (
            <Text size="sm" data-posting-note>
              {p.note}
            </Text>
          ) : null}
          <Text size="xs" c="dimmed">
            {P.creditor(p.creditor.name)}
          </Text>
        </Stack>
      </Table.Th>
      <Table.Td ta="right" style={{ ...NUMERIC, verticalAlign: 'top' }}>
        {formatRupiah(p.taken)}
      </Table.Td>
    </Table.Tr>
  );
}

function Section(props: {
  id: string;
  title: string;
  note?: string;
  lines: SlipLine[];
  postings?: readonly DeductionPosting[];
  totalLabel: string;
}) {
  const postings = props.postings ?? [];
  if (props.lines.length === 0 && postings.length === 0) return null;
  return (
    <Box component="section" aria-labelledby={props.id} mb="lg">
      <Title order={2} size="h4" id={props.id} mb={4}>
        {props.title}
      </Title>
      {props.note ? (
        <Text size="sm" c="dimmed" mb={4}>
          {props.note}
        </Text>
      ) : null}
      <Table verticalSpacing={8} horizontalSpacing="sm" fz="sm" withRowBorders>
        <Table.Thead>
          <Table.Tr>
            <Table.Th scope="col">{L.slip.component}</Table.Th>
            <Table.Th scope="col" ta="right">
              {L.slip.amount}
            </Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {props.lines.map((l) => (
            <LineRow key={`${l.kind}:${l.code}`} line={l} />
          ))}
          {postings.map((p) => (
            <PostingRow key={`${p.layer}:${p.entryId}`} posting={p} />
          ))}
        </Table.Tbody>
        <Table.Tfoot>
          <Table.Tr>
            <Table.Th scope="row">{props.totalLabel}</Table.Th>
            <Table.Td ta="right" fw={700} style={NUMERIC}>
              {formatRupiah(sumOf(props.lines) + takenOf(postings))}
            </Table.Td>
          </Table.Tr>
        </Table.Tfoot>
      </Table>
    </Box>
  );
}

/**
 * The slip as on paper: Penghasilan, Potongan, Jumlah bersih with terbilang; the employer's premiums
 * (not on the printed slip) in their own block after it, so nobody adds them to their pay.
 */
export function SlipLines(props: { view: SlipView }) {
  const s = slipSections(props.view);
  const d = props.view.deductions;
  const nets = slipNets(props.view);
  const net = nets.bersih;
  const notes = [...props.view.slip.warnings, ...(d?.notes ?? [])];
  return (
    <Box>
      <Section
        id="penghasilan"
        title={L.slip.penghasilan}
        lines={s.penghasilan}
        totalLabel={L.slip.totalPenghasilan}
      />
      <Section
        id="potongan"
        title={L.slip.potongan}
        lines={s.potongan}
        postings={d?.inList ?? []}
        totalLabel={L.slip.totalPotongan}
      />
      <Box
        component="section"
        aria-labelledby="bersih"
        mb="lg"
        p="md"
        style={{ border: '1px solid var(--mantine-color-gray-5)', borderRadius: 8 }}
        data-net
      >
        <Title order={2} size="h4" id="bersih">
          {L.slip.bersih}
        </Title>
        <Text size="xl" fw={700} style={NUMERIC}>
          {formatRupiah(net)}
        </Text>
        <Text size="sm" fs="italic" data-terbilang>
          {L.slip.terbilang}: {terbilang(net)}
        </Text>
      </Box>
      {d && d.postList.length > 0 ? (
        <>
          <Section
            id="potongan-lain"
            title={P.potonganLain}
            note={P.potonganLainNote}
            lines={[]}
            postings={d.postList}
            totalLabel={P.totalPotonganLain}
          />
          <Box
            component="section"
            aria-labelledby="diterima"
            mb="lg"
            p="md"
            style={{ border: '1px solid var(--mantine-color-gray-5)', borderRadius: 8 }}
            data-take-home
          >
            <Title order={2} size="h4" id="diterima">
              {P.diterima}
            </Title>
            <Text size="xl" fw={700} style={NUMERIC}>
              {formatRupiah(nets.diterima ?? net)}
            </Text>
            <Text size="sm" c="dimmed">
              {P.diterimaNote}
            </Text>
            <Text size="sm" fs="italic">
              {L.slip.terbilang}: {terbilang(nets.diterima ?? net)}
            </Text>
          </Box>
        </>
      ) : null}
      <Section
        id="iuran-pemberi-kerja"
        title={L.slip.iuranPemberiKerja}
        note={L.slip.iuranPemberiKerjaNote}
        lines={s.iuranPemberiKerja}
        totalLabel={L.slip.totalIuran}
      />
      <Section
        id="informasi"
        title={L.slip.informasi}
        lines={s.informasi}
        totalLabel={L.slip.totalInformasi}
      />
      {notes.length > 0 ? (
        <Box component="section" aria-labelledby="catatan">
          <Title order={2} size="h4" id="catatan">
            {L.slip.warnings}
          </Title>
          <Stack gap={4} component="ul">
            {notes.map((w) => (
              <Text component="li" size="sm" key={w}>
                {w}
              </Text>
            ))}
          </Stack>
        </Box>
      ) : null}
    </Box>
  );
}
