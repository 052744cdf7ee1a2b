/**
 * The demo history is played through the API in time order, on a simulated clock. The API stamps every
 * approval, rating, import and run with "now", and its rules read those stamps: an SKP counts for a
 * month only if it was approved by the month's end, an atasan who rates after the tenant's deadline
 * day is flagged "atasan tidak menilai", a punch or a rating dated after today is refused. Seeding last
 * September's history on 3 December with the real clock would break all three, so while the history
 * is played, `Date` (and only `Date`: timers and performance.now() are untouched) reads the simulated
 * instant plus the real time elapsed since it was set.
 *
 * Local runtime only, and only while seeding: the seed runs in the API's own process before the
 * banner is printed, and the real clock is back before anyone else is told the URL.
 */
const RealDate = globalThis.Date;
let offsetMs = 0;
let generation = 0;
let installed = false;

/** Same prototype as Date: `instanceof Date` holds both ways, methods are the real ones. */
function SimulatedDate(this: unknown, ...args: unknown[]): Date | string {
  if (!new.target) return new RealDate(RealDate.now() + offsetMs).toString();
  const init = args.length === 0 ? [RealDate.now() + offsetMs] : args;
  return Reflect.construct(RealDate, init, new.target) as Date;
}
SimulatedDate.prototype = RealDate.prototype;
Object.assign(SimulatedDate, {
  now: () => RealDate.now() + offsetMs,
  parse: RealDate.parse,
  UTC: RealDate.UTC,
});

export interface SeedClock {
  /** Moves the clock to `instant` (ISO), never past the real now, never backwards. */
  set(instant: string): void;
  /** Changes whenever the clock is set: tokens minted before are for another moment. */
  readonly generation: number;
  readonly now: () => string;
}

/**
 * Runs `fn` with the simulated clock installed; the real clock is restored afterwards, also on failure.
 * Not re-entrant: one history at a time per process.
 */
export async function withSeedClock<T>(fn: (clock: SeedClock) => Promise<T>): Promise<T> {
  if (installed) throw new Error('seed clock already installed');
  installed = true;
  offsetMs = 0;
  let moved = false;
  const clock: SeedClock = {
    set(instant: string) {
      const target = RealDate.parse(instant);
      if (Number.isNaN(target)) throw new RangeError(`seed clock: not an instant: ${instant}`);
      const real = RealDate.now();
      // Never in the future (the API would refuse what happens "later"); once moved, never backwards.
      const capped = Math.min(target, real);
      const at = moved ? Math.max(capped, real + offsetMs) : capped;
      offsetMs = at - real;
      moved = true;
      generation += 1;
    },
    get generation() {
      return generation;
    },
    now: () => new RealDate(RealDate.now() + offsetMs).toISOString(),
  };
  globalThis.Date = SimulatedDate as unknown as DateConstructor;
  try {
    return await fn(clock);
  } finally {
    globalThis.Date = RealDate;
    offsetMs = 0;
    installed = false;
  }
}
