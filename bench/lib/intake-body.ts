// The submission the intake benchmarks post, the i-th one, and a forwarded address per
// request (the public API's per-IP rate limits are not what is measured).

export function intakeBody(i: number) {
  return {
    requesterType: 'PERORANGAN',
    name: `Pemohon Uji ${i}`,
    nik: '3273010501900001',
    address: 'Jl. Asia Afrika No. 1, Kota Bandung',
    phone: '0812 0000 0000',
    email: `pemohon${i}@bench.terbuka.test`,
    informationRequested: 'Daftar lokasi TPS dan jumlah pemilih per TPS di Kecamatan Sumur Bandung.',
    purpose: 'Uji beban.',
    category: 'TAHAPAN_PEMILU',
    accessMethods: ['SALINAN_SOFTCOPY'],
    deliveryMethod: 'EMAIL',
    consent: true,
  };
}

export const bodyOf = (i: number): string => JSON.stringify(intakeBody(i));

export const ip = (i: number) => ({
  'x-forwarded-for': `10.${(i >> 16) & 255}.${(i >> 8) & 255}.${i & 255}`,
});
