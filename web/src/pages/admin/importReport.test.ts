import { describe, expect, it } from 'vitest';
import { rowErrors, type ImportRow } from './importReport';

describe('an import row', () => {
  it('lists its errors with the whole-row ones first, columns in the reader\'s words', () => {
    const row: ImportRow = {
      row: 3, status: 'rejected', building: 'A座', unitNumber: '1201', unitId: null, occupantId: null, occupancyId: null,
      errors: { floor: ['Floor is -10 … 200.'], row: ['The row has more cells than the header.'], phone: ['Give a phone or an email.', 'Not a phone number.'] },
    };
    const labels: Record<string, string> = { floor: '楼层', row: '整行', phone: '电话' };
    expect(rowErrors(row, (c) => labels[c])).toEqual([
      '整行: The row has more cells than the header.', '楼层: Floor is -10 … 200.', '电话: Give a phone or an email.', '电话: Not a phone number.',
    ]);
  });
});
