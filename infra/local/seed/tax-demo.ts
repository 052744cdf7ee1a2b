/**
 * Demo withholders (pemotong PPh 21) of a seeded tenant, so the tax exports of a locked demo month work
 * from a clean clone: one BPKAD bendahara for the gaji and TPP of every OPD. The NPWP and NITKU are the
 * illustrative ones of pajak-pelaporan.md §8, marked DEMO: a real tenant sets its own (PUT /tax/settings).
 */
export function demoTaxSettings(tenantId: string) {
  return {
    expectedVersion: 0,
    withholders: [
      {
        id: 'BPKAD',
        name: `Bendahara Pengeluaran BPKAD ${tenantId} (DEMO)`,
        npwp: '0001234567890000',
        nitku: '0001234567890000000000',
        bendahara: { nama: 'Bendahara Gaji (DEMO)', nip: '198001012005012001' },
        opds: [],
        lists: ['GAJI', 'TPP'],
      },
    ],
    pnsDtpCertificate: 'N/A',
    pppkAnnualForm: 'A2',
    source: 'DEMO: NPWP/NITKU ilustratif pajak-pelaporan.md §8; A1/A2 untuk PPPK belum dikonfirmasi KPP',
  };
}

/** PUT /tax/settings once: a 409 (already set, e.g. a persisted database seeded again) is left as it is. */
export async function seedDemoTaxSettings(baseUrl: string, token: string, tenantId: string): Promise<void> {
  const response = await fetch(`${baseUrl}/tax/settings`, {
    method: 'PUT',
    headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' },
    body: JSON.stringify(demoTaxSettings(tenantId)),
  });
  const text = await response.text();
  if (response.status !== 201 && response.status !== 409) {
    throw new Error(`seed: PUT /tax/settings answered ${response.status}: ${text.slice(0, 500)}`);
  }
}
