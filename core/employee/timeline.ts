import type { EmployeeIdentity, EmployeeView, TimelineAspect, Timelines } from './employee';
import { TIMELINE_ASPECTS } from './employee';

export interface TimelineEntry<A extends TimelineAspect = TimelineAspect> {
  aspect: A;
  /** First day the value applies (YYYY-MM-DD), e.g. the TMT of the SK. */
  from: string;
  value: Timelines[A];
  recordedAt: string;
  recordedBy: string;
}

export type TimelineSet = { [A in TimelineAspect]: TimelineEntry<A>[] };

export function groupTimelines(entries: readonly TimelineEntry[]): TimelineSet {
  const set = Object.fromEntries(
    TIMELINE_ASPECTS.map((a) => [a, [] as TimelineEntry[]]),
  ) as unknown as TimelineSet;
  for (const e of entries) (set[e.aspect] as TimelineEntry[]).push(e);
  for (const a of TIMELINE_ASPECTS) set[a].sort((x, y) => (x.from < y.from ? -1 : x.from > y.from ? 1 : 0));
  return set;
}

/** The value in force on `date`: the entry with the latest `from` not after it. */
export function valueAsOf<A extends TimelineAspect>(entries: readonly TimelineEntry<A>[], date: string) {
  let found: TimelineEntry<A> | undefined;
  for (const e of entries) {
    if (e.from <= date) found = e;
    else break;
  }
  return found?.value;
}

/** The latest known value of every aspect (what the CURRENT item holds), including future-dated SKs. */
export function latestValues(set: TimelineSet): Timelines {
  const out: Partial<Timelines> = {};
  for (const a of TIMELINE_ASPECTS) {
    const list = set[a];
    const last = list[list.length - 1];
    if (!last) throw new Error(`timeline ${a} is empty`);
    (out as Record<string, unknown>)[a] = last.value;
  }
  return out as Timelines;
}

/** The employee as they were on `date`, or undefined when not yet in service then. */
export function viewAsOf(
  identity: EmployeeIdentity,
  set: TimelineSet,
  version: number,
  date: string,
): EmployeeView | undefined {
  if (date < identity.tmtStart) return undefined;
  const values: Partial<Timelines> = {};
  for (const a of TIMELINE_ASPECTS) {
    const v = valueAsOf(set[a] as TimelineEntry[], date) ?? set[a][0]?.value;
    if (v === undefined) return undefined;
    (values as Record<string, unknown>)[a] = v;
  }
  return { ...identity, ...(values as Timelines), version, asOf: date };
}
