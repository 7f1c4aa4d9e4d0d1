// NIK (Nomor Induk Kependudukan), the 16-digit population number on the KTP:
//   PP KK CC DDMMYY SSSS — province, regency/city, district, birth date (+40 on the day for
//   women), serial. We check the shape, that the province exists (the KPU province codes are the
//   BPS/Kemendagri codes) and that the birth-date part is a possible date. We cannot check that
//   the person exists: that is the desk's look at the KTP scan.

export type NikProblem = 'validation.nik' | 'validation.nikProvince' | 'validation.nikBirthDate';

export function normalizeNik(raw: string): string {
  return raw.replace(/[\s.-]/g, '');
}

export function nikProblem(nik: string, provinceCodes: ReadonlySet<string>): NikProblem | undefined {
  if (!/^\d{16}$/.test(nik)) return 'validation.nik';
  if (!provinceCodes.has(nik.slice(0, 2))) return 'validation.nikProvince';
  const rawDay = Number(nik.slice(6, 8));
  const day = rawDay > 40 ? rawDay - 40 : rawDay;
  const month = Number(nik.slice(8, 10));
  if (month < 1 || month > 12 || day < 1 || day > 31) return 'validation.nikBirthDate';
  // 29 February is possible in some year of each century, so only impossible dates are refused.
  const maxDay = [31, 29, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31][month - 1]!;
  if (day > maxDay) return 'validation.nikBirthDate';
  return undefined;
}

/** "3273********0001": enough for the requester to recognise it, nothing more (receipts, desk). */
export function maskNik(nik: string): string {
  if (nik.length < 8) return '*'.repeat(nik.length);
  return `${nik.slice(0, 4)}${'*'.repeat(nik.length - 8)}${nik.slice(-4)}`;
}
