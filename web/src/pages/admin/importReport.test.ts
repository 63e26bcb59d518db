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

  it('speaks Chinese to a Chinese reader, keeping the numbers and names the service sent', () => {
    const row: ImportRow = {
      row: 4, status: 'rejected', building: 'A座', unitNumber: '1201', unitId: null, occupantId: null, occupancyId: null,
      errors: {
        floor: ['Enter a whole floor number from -5 to 200 (basements are negative).'],
        unitType: ["Unknown value 'loft'; use one of: office, shop (or 写字间, 商铺)."],
        row: ['华夏智联 already holds unit 1201 as tenant.'],
        email: ['Something new the console does not know.'],
      },
    };
    const labels: Record<string, string> = { floor: '楼层', unitType: '类型', row: '整行', email: '邮箱' };
    expect(rowErrors(row, (c) => labels[c], true)).toEqual([
      '整行: 华夏智联 已是 1201 的租户。', '楼层: 请填写 -5 到 200 之间的整数楼层（地下楼层为负数）。',
      '类型: 无法识别“loft”，可填：写字间, 商铺。', '邮箱: Something new the console does not know.',
    ]);
  });
});
