/**
 * Memos for the bases, trace texts and small results that thousands of slips of one run share. Each is a
 * pure function of a few inputs (a gaji pokok, a kelas jabatan, a count of lateness) and the rules of
 * the month, and those inputs recur across a payroll: building each once per month's rules, and sharing
 * the (read-only) object, is what keeps a run's slips cheap. Nothing here changes a result, only how
 * often it is built.
 */

/**
 * One value per object (typically a month's resolved rules), dropped with the object. The last key is
 * also held directly: a run asks with the same rules object for every employee, and a pointer compare
 * is far cheaper than a WeakMap lookup.
 */
export function perObject<K extends object, V>(build: (key: K) => V): (key: K) => V {
  const cache = new WeakMap<K, V>();
  let lastKey: K | undefined;
  let lastValue: V | undefined;
  return (key: K): V => {
    if (key === lastKey) return lastValue as V;
    let value = cache.get(key);
    if (value === undefined) {
      value = build(key);
      cache.set(key, value);
    }
    lastKey = key;
    lastValue = value;
    return value;
  };
}

const DEFAULT_LIMIT = 50_000;

/**
 * A Map that empties itself when full: a warm Lambda or the local server lives for many runs, and a
 * memo must not grow with them. Emptying costs only rebuilding what recurs.
 */
export class BoundedMemo<K, V> {
  private readonly entries = new Map<K, V>();

  constructor(private readonly limit = DEFAULT_LIMIT) {}

  get(key: K): V | undefined {
    return this.entries.get(key);
  }

  set(key: K, value: V): V {
    if (this.entries.size >= this.limit) this.entries.clear();
    this.entries.set(key, value);
    return value;
  }
}
