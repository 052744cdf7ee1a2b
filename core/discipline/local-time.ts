/**
 * "Today" for a tenant: the local date and time of an instant in the tenant's time zone (WIB, WITA or
 * WIT). The instant arrives as an argument (the handler's clock), so the domain stays clock-free; a
 * punch, a realisasi or an evaluation dated after it has not happened yet and is refused.
 */
export interface LocalNow {
  /** 'YYYY-MM-DD' */
  readonly date: string;
  /** 'HH:MM:SS' */
  readonly time: string;
  /** 'YYYY-MM' */
  readonly month: string;
}

export function localNow(instant: string, timeZone: string): LocalNow {
  const at = new Date(instant);
  if (Number.isNaN(at.getTime())) throw new RangeError(`not an instant: ${JSON.stringify(instant)}`);
  const parts = new Intl.DateTimeFormat('en-CA', {
    timeZone,
    year: 'numeric',
    month: '2-digit',
    day: '2-digit',
    hour: '2-digit',
    minute: '2-digit',
    second: '2-digit',
    hourCycle: 'h23',
  }).formatToParts(at);
  const part = (type: Intl.DateTimeFormatPartTypes) => parts.find((p) => p.type === type)?.value ?? '';
  const month = `${part('year')}-${part('month')}`;
  return {
    date: `${month}-${part('day')}`,
    time: `${part('hour')}:${part('minute')}:${part('second')}`,
    month,
  };
}

/** Where a month stands against today: over (results may be final), running, or not begun. */
export function monthStanding(month: string, now: LocalNow): 'ENDED' | 'CURRENT' | 'FUTURE' {
  if (month < now.month) return 'ENDED';
  return month === now.month ? 'CURRENT' : 'FUTURE';
}
