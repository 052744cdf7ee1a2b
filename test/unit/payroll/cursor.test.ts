import { afterEach, describe, expect, it, vi } from 'vitest';
import { ValidationError } from '../../../functions/http/errors';
import { decodeCursor, encodeCursor } from '../../../functions/table/cursor';

const SCOPE = 'sigap-dev-bantul|runs';
const position = { pk: 'RUN#2026-11-GAJI_TPP', sk: 'META', gsi2pk: 'RUN', gsi2sk: '2026-11-GAJI_TPP' };

function rejection(token: string, scope = SCOPE) {
  try {
    decodeCursor(token, scope);
  } catch (err) {
    return err;
  }
  return undefined;
}

describe('signed pagination cursors', () => {
  afterEach(() => {
    vi.unstubAllEnvs();
    vi.resetModules();
  });

  it('should give back the position it signed, in the same scope', () => {
    expect(decodeCursor(encodeCursor(position, SCOPE), SCOPE)).toEqual(position);
    expect(decodeCursor(undefined, SCOPE)).toBeUndefined();
  });

  it.each([
    ['an unsigned JSON position (the old format)', Buffer.from('{"s":999}').toString('base64url')],
    ['a forged key', `${Buffer.from('{"pk":{"S":"EMP#1"}}').toString('base64url')}.AAAA`],
    ['garbage', '%%%'],
    ['three parts', 'a.b.c'],
  ])('should refuse %s as a 400 on query.nextToken', (_what, token) => {
    const err = rejection(token);
    expect(err).toBeInstanceOf(ValidationError);
    expect((err as ValidationError).status).toBe(400);
    expect((err as ValidationError).issues).toEqual([expect.objectContaining({ path: 'query.nextToken' })]);
  });

  it('should refuse a genuine token on another list, partition or tenant', () => {
    const token = encodeCursor(position, SCOPE);
    expect(rejection(token, 'sigap-dev-bantul|audit|run')).toBeInstanceOf(ValidationError);
    expect(rejection(token, 'sigap-dev-binjai|runs')).toBeInstanceOf(ValidationError);
  });

  it('should refuse a token whose position was edited after signing', () => {
    const [, signature] = encodeCursor(position, SCOPE).split('.');
    const edited = Buffer.from(JSON.stringify({ ...position, pk: 'RUN#2027-01-GAJI_TPP' })).toString(
      'base64url',
    );
    expect(rejection(`${edited}.${signature}`)).toBeInstanceOf(ValidationError);
  });

  it('should refuse to load in AWS without SIGAP_CURSOR_KEY, and accept tokens across processes with it', async () => {
    vi.stubEnv('SIGAP_CURSOR_KEY', '');
    vi.stubEnv('AWS_LAMBDA_FUNCTION_NAME', 'sigap-prod-payroll-read');
    vi.resetModules();
    await expect(import('../../../functions/table/cursor')).rejects.toThrow(/SIGAP_CURSOR_KEY/);

    vi.stubEnv('SIGAP_CURSOR_KEY', 'k'.repeat(40));
    vi.resetModules();
    const a = await import('../../../functions/table/cursor');
    vi.resetModules();
    const b = await import('../../../functions/table/cursor');
    expect(a).not.toBe(b);
    expect(b.decodeCursor(a.encodeCursor(position, SCOPE), SCOPE)).toEqual(position);
  });

  it('should use a random key per process when none is configured locally', async () => {
    vi.stubEnv('SIGAP_CURSOR_KEY', '');
    vi.stubEnv('AWS_LAMBDA_FUNCTION_NAME', '');
    vi.resetModules();
    const a = await import('../../../functions/table/cursor');
    vi.resetModules();
    const b = await import('../../../functions/table/cursor');
    expect(() => b.decodeCursor(a.encodeCursor(position, SCOPE), SCOPE)).toThrow();
  });
});
