import { afterEach, beforeEach, describe, expect, it, type MockInstance, vi } from 'vitest';
import { LocalChunkQueue } from '../../../functions/payroll/local-chunk-queue';

const newQueue = () => new LocalChunkQueue({ maxReceives: 3, redeliveryDelayMs: () => 1 });

describe('LocalChunkQueue', () => {
  let errors: MockInstance<typeof console.error>;
  beforeEach(() => {
    errors = vi.spyOn(console, 'error').mockImplementation(() => {});
  });
  afterEach(() => errors.mockRestore());

  it('should start nothing before the caller has gone on, then work one job at a time in order', async () => {
    const queue = newQueue();
    const log: string[] = [];
    let running = 0;
    for (const key of ['a', 'b', 'c']) {
      queue.enqueue({
        key,
        process: async () => {
          running += 1;
          expect(running).toBe(1);
          log.push(`${key}:start`);
          await new Promise((resolve) => setTimeout(resolve, 2));
          log.push(`${key}:end`);
          running -= 1;
        },
      });
    }
    expect(log).toEqual([]);
    expect(queue.pending).toBe(3 + 1);
    await queue.drain();
    expect(log).toEqual(['a:start', 'a:end', 'b:start', 'b:end', 'c:start', 'c:end']);
    expect(queue.pending).toBe(0);
  });

  it('should not queue a chunk that is already waiting, but take it again once it has started', async () => {
    const queue = newQueue();
    const done: string[] = [];
    const job = (key: string) => ({ key, process: async () => void done.push(key) });
    queue.enqueue(job('x'));
    queue.enqueue(job('x'));
    queue.enqueue(job('y'));
    await queue.drain();
    queue.enqueue(job('x'));
    await queue.drain();
    expect(done).toEqual(['x', 'y', 'x']);
  });

  it('should drain jobs queued while it works, and start again after going idle', async () => {
    const queue = newQueue();
    const done: string[] = [];
    queue.enqueue({
      key: 'first',
      process: async () => {
        done.push('first');
        queue.enqueue({ key: 'queued-meanwhile', process: async () => void done.push('queued-meanwhile') });
      },
    });
    await queue.drain();
    expect(done).toEqual(['first', 'queued-meanwhile']);
    queue.enqueue({ key: 'later', process: async () => void done.push('later') });
    await queue.drain();
    expect(done).toEqual(['first', 'queued-meanwhile', 'later']);
  });

  it('should redeliver a failing job, park it after the last delivery, log each failure and go on', async () => {
    const queue = newQueue();
    let deliveries = 0;
    const done: string[] = [];
    queue.enqueue({
      key: 'bantul/2026-08-GAJI_TPP/4',
      process: async () => {
        deliveries += 1;
        throw new Error('ProvisionedThroughputExceededException');
      },
    });
    queue.enqueue({ key: 'next', process: async () => void done.push('next') });
    await queue.drain();
    expect(deliveries).toBe(3);
    expect(done).toEqual(['next']);
    const lines = errors.mock.calls.map(([line]) => JSON.parse(String(line)));
    expect(lines).toEqual([
      expect.objectContaining({
        level: 'ERROR',
        message: 'chunk failed',
        receive: 1,
        chunk: 'bantul/2026-08-GAJI_TPP/4',
      }),
      expect.objectContaining({ message: 'chunk failed', receive: 2 }),
      expect.objectContaining({
        message: 'chunk parked after its last delivery',
        receive: 3,
        error: expect.objectContaining({ message: 'ProvisionedThroughputExceededException' }),
      }),
    ]);
  });

  it('should succeed on a redelivery after a passing failure', async () => {
    const queue = newQueue();
    let deliveries = 0;
    queue.enqueue({
      key: 'flaky',
      process: async () => {
        deliveries += 1;
        if (deliveries === 1) throw new Error('transient');
      },
    });
    await queue.drain();
    expect(deliveries).toBe(2);
    expect(errors).toHaveBeenCalledTimes(1);
  });
});
