import { describe, expect, it } from 'vitest';
import { DomainError } from '../../../core/errors';
import {
  approvedRevision,
  approveSkp,
  cascadeIssues,
  editSkp,
  rejectSkp,
  reviseSkp,
  type Skp,
  submitSkp,
  validateSkp,
} from '../../../core/performance/skp';
import { anIndicator, anSkp, PEGAWAI, PENILAI } from './builders';

const AT = '2026-01-05T08:00:00+07:00';

function expectDomainError(fn: () => unknown, kind: string, code: string): void {
  try {
    fn();
  } catch (error) {
    expect(error).toBeInstanceOf(DomainError);
    expect(error).toMatchObject({ kind, code });
    return;
  }
  throw new Error(`expected ${code}`);
}

const submitted = () => submitSkp(anSkp(), PEGAWAI, AT);
const approved = () => approveSkp(submitted(), PENILAI, AT);

describe('SKP lifecycle', () => {
  it('should go DRAFT → DIAJUKAN → DISETUJUI and record each step', () => {
    const skp = approved();
    expect(skp).toMatchObject({ status: 'DISETUJUI', approvedBy: PENILAI, approvedAt: AT });
    expect(skp.history.map((h) => `${h.from}>${h.to}`)).toEqual(['DRAFT>DIAJUKAN', 'DIAJUKAN>DISETUJUI']);
  });

  it('should reject with a reason and reopen as DRAFT on edit', () => {
    const rejected = rejectSkp(submitted(), PENILAI, 'Target kuantitas terlalu rendah', AT);
    expect(rejected).toMatchObject({ status: 'DITOLAK', rejectionReason: 'Target kuantitas terlalu rendah' });
    const edited = editSkp(rejected, { unit: 'PENCATATAN SIPIL' }, PEGAWAI, AT);
    expect(edited.status).toBe('DRAFT');
    expect(edited.unit).toBe('PENCATATAN SIPIL');
    expect(edited).not.toHaveProperty('rejectionReason');
    expect(edited.history.at(-1)).toMatchObject({ from: 'DITOLAK', to: 'DRAFT' });
    expect(submitSkp(edited, PEGAWAI, AT).status).toBe('DIAJUKAN');
  });

  it('should refuse a rejection without a reason', () => {
    expectDomainError(
      () => rejectSkp(submitted(), PENILAI, '   ', AT),
      'INVALID',
      'SKP_REJECTION_REASON_REQUIRED',
    );
  });

  it('should let only the pejabat penilai approve or reject', () => {
    expectDomainError(() => approveSkp(submitted(), PEGAWAI, AT), 'FORBIDDEN', 'SKP_NOT_PENILAI');
    expectDomainError(
      () => rejectSkp(submitted(), '199001012015031001', 'x', AT),
      'FORBIDDEN',
      'SKP_NOT_PENILAI',
    );
  });

  it.each([
    ['approve a DRAFT', () => approveSkp(anSkp(), PENILAI, AT), 'SKP_NOT_SUBMITTED'],
    ['reject a DRAFT', () => rejectSkp(anSkp(), PENILAI, 'x', AT), 'SKP_NOT_SUBMITTED'],
    ['approve twice', () => approveSkp(approved(), PENILAI, AT), 'SKP_NOT_SUBMITTED'],
    ['submit twice', () => submitSkp(submitted(), PEGAWAI, AT), 'SKP_NOT_DRAFT'],
    ['submit an approved SKP', () => submitSkp(approved(), PEGAWAI, AT), 'SKP_NOT_DRAFT'],
    ['edit while submitted', () => editSkp(submitted(), {}, PEGAWAI, AT), 'SKP_LOCKED_WHILE_SUBMITTED'],
    ['edit after approval', () => editSkp(approved(), {}, PEGAWAI, AT), 'SKP_APPROVED_REVISE_INSTEAD'],
    ['revise a DRAFT', () => reviseSkp(anSkp(), PEGAWAI, 'x', AT), 'SKP_NOT_APPROVED'],
  ])('should refuse to %s with a CONFLICT', (_name, act, code) => {
    expectDomainError(act, 'CONFLICT', code);
  });

  it('should open a new DRAFT revision after approval and leave the approved one untouched', () => {
    const current = approved();
    const snapshot = structuredClone(current);
    const next = reviseSkp(current, PEGAWAI, 'mutasi ke bidang lain', '2026-06-01T08:00:00+07:00');
    expect(next).toMatchObject({ id: current.id, revision: 2, status: 'DRAFT' });
    expect(next).not.toHaveProperty('approvedBy');
    expect(next.history).toHaveLength(1);
    expect(current).toEqual(snapshot);
    expect(approvedRevision([current, next])?.revision).toBe(1);
  });

  it('should let the owner only submit', () => {
    expectDomainError(() => submitSkp(anSkp(), PENILAI, AT), 'FORBIDDEN', 'SKP_NOT_OWNER');
  });
});

describe('validateSkp', () => {
  it('should accept the weights 33.33 + 33.33 + 33.34', () => {
    const indicators = [33.33, 33.33, 33.34].map((w, i) => anIndicator({ id: `i${i}`, weightPercent: w }));
    const skp = anSkp({ results: [{ id: 'r', jenis: 'UTAMA', description: 'x', indicators }] });
    expect(validateSkp(skp)).toEqual([]);
  });

  it('should refuse to submit when the weights do not add up to 100', () => {
    const skp = anSkp({
      results: [
        { id: 'r', jenis: 'UTAMA', description: 'x', indicators: [anIndicator({ weightPercent: 90 })] },
      ],
    });
    expect(validateSkp(skp)).toEqual([
      { path: 'results', message: 'jumlah bobot indikator harus 100, saat ini 90' },
    ]);
    try {
      submitSkp(skp, PEGAWAI, AT);
      throw new Error('expected SKP_INVALID');
    } catch (error) {
      expect(error).toMatchObject({ kind: 'INVALID', code: 'SKP_INVALID', issues: [{ path: 'results' }] });
    }
  });

  it('should require a hasil kerja utama, targets above zero, the seven BerAKHLAK values and a penilai other than the pegawai', () => {
    const { kolaboratif: _dropped, ...perilaku } = anSkp().perilaku;
    const skp = anSkp({
      pejabatPenilai: { nip: PEGAWAI },
      results: [
        {
          id: 'r',
          jenis: 'TAMBAHAN',
          description: 'x',
          indicators: [anIndicator({ target: { aspect: 'KUALITAS', percent: 0 } })],
        },
      ],
      perilaku: perilaku as Skp['perilaku'],
    });
    expect(validateSkp(skp).map((i) => i.path)).toEqual([
      'pejabatPenilai.nip',
      'results',
      'results[0].indicators[0].target',
      'perilaku.kolaboratif',
    ]);
  });
});

describe('cascadeIssues', () => {
  const atasan = anSkp({
    id: 'skp-atasan',
    nip: PENILAI,
    pejabatPenilai: { nip: '197001012000031001' },
    results: [{ ...anSkp().results[0]!, id: 'r1' }],
  });
  const cascaded = (resultId: string, skpId = 'skp-atasan') =>
    anSkp({ results: [{ ...anSkp().results[0]!, cascadedFrom: { skpId, resultId } }] });

  it('should accept a result cascaded from a hasil kerja of the pejabat penilai’s SKP', () => {
    expect(cascadeIssues(cascaded('r1'), [atasan])).toEqual([]);
  });

  it('should name the resultId that does not exist in the atasan’s plan', () => {
    expect(cascadeIssues(cascaded('NOPE'), [atasan], 'body.')).toEqual([
      {
        path: 'body.results[0].cascadedFrom.resultId',
        message: 'hasil kerja NOPE tidak ada di SKP pejabat penilai (r1)',
      },
    ]);
  });

  it('should name the skpId when it is not the atasan’s SKP, or when the atasan has none', () => {
    expect(cascadeIssues(cascaded('r1', 'skp-lain'), [atasan])).toEqual([
      {
        path: 'results[0].cascadedFrom.skpId',
        message: 'SKP pejabat penilai adalah skp-atasan, bukan skp-lain',
      },
    ]);
    expect(cascadeIssues(cascaded('r1'), []).map((i) => i.path)).toEqual(['results[0].cascadedFrom.skpId']);
    // An SKP of somebody else is not the pejabat penilai's.
    expect(cascadeIssues(cascaded('r1'), [{ ...atasan, nip: '197001012000031001' }])).toHaveLength(1);
  });
});
