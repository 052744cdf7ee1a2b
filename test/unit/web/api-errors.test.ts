import { describe, expect, it } from 'vitest';
import { ApiError, fieldErrors, issueKey, otherIssues } from '../../../web/src/api/errors';

const response = (status: number, requestId?: string) => ({
  status,
  headers: new Headers(requestId ? { 'apigw-requestid': requestId } : {}),
});

describe('console ApiError', () => {
  const body = {
    error: {
      code: 'VALIDATION_FAILED',
      message: 'Input tidak valid',
      requestId: 'req-1',
      issues: [
        { path: 'body.rekening.nomor', message: 'hanya angka' },
        { path: 'body.rekening.nomor', message: 'paling sedikit 10 digit' },
        { path: 'body.keluarga[0].nama', message: 'wajib diisi' },
        { path: 'body', message: 'field tidak dikenal' },
        { path: 'query.limit', message: 'paling banyak 100' },
      ],
    },
  };

  it("should read the API's error shape", () => {
    const err = ApiError.fromResponse(response(400, 'hdr'), body);
    expect(err).toMatchObject({ status: 400, code: 'VALIDATION_FAILED', message: 'Input tidak valid' });
    expect(err.requestId).toBe('req-1');
    expect(err.issues).toHaveLength(5);
  });

  it('should map issues under the prefix onto Mantine form keys, joining several per field', () => {
    const err = ApiError.fromResponse(response(400), body);
    expect(fieldErrors(err, 'body')).toEqual({
      'rekening.nomor': 'hanya angka; paling sedikit 10 digit',
      'keluarga.0.nama': 'wajib diisi',
    });
    expect(fieldErrors(err, 'query')).toEqual({ limit: 'paling banyak 100' });
    expect(otherIssues(err, 'body').map((i) => i.path)).toEqual(['body', 'query.limit']);
    expect(fieldErrors(new Error('x'))).toEqual({});
  });

  it('should not take a field whose name only starts like the prefix', () => {
    expect(issueKey('bodyweight', 'body')).toBeUndefined();
    expect(issueKey('body.nama', 'body')).toBe('nama');
  });

  it('should still give a message and the header request id for an answer without the shape', () => {
    const err = ApiError.fromResponse(response(502, 'gw-9'), { message: 'Internal Server Error' });
    expect(err).toMatchObject({ status: 502, code: 'UNEXPECTED', requestId: 'gw-9' });
    expect(err.message).toBe('Server memberikan jawaban yang tidak dikenali.');
    expect(ApiError.network(new TypeError('fetch failed'))).toMatchObject({ status: 0, code: 'NETWORK' });
  });
});
