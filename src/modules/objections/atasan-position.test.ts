import { describe, expect, it } from 'vitest';
import { readOfficeSettings } from '../offices/office-settings.ts';
import { atasanPositionOf } from './atasan-position.ts';

describe('the position under "Atasan PPID," (issue 13 item 9)', () => {
  const office = { name: 'KPU Kota Bandung' };
  it.each([
    [undefined, 'Sekretaris KPU Kota Bandung'],
    ['Sekretaris Komisi Pemilihan Umum Kota Bandung', 'Sekretaris Komisi Pemilihan Umum Kota Bandung'],
  ])('setting %j prints %j', (setting, expected) => {
    const settings = readOfficeSettings(setting ? { objections: { atasanPosition: setting } } : {});
    expect(atasanPositionOf(office, settings)).toBe(expected);
    expect(atasanPositionOf(office, settings)).not.toBe('Atasan PPID');
  });
});
