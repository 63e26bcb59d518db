import { describe, expect, it } from 'vitest';
import {
  amountInWords, arrearsCsv, csvField, fenToDecimal, formatFen, formatMoney, formatRate, monthOf, openLinesOldestFirst, parseAmount,
  previewAllocation, toFen, totalsByItem, type Arrears, type BillLine, type BillRunLine,
} from './api';

describe('money on screen', () => {
  it.each([
    [0, '¥0.00'], [0.5, '¥0.50'], ['1234.5', '¥1,234.50'], [1234567.89, '¥1,234,567.89'], [-12.3, '-¥12.30'], ['0.07', '¥0.07'],
    // 1.005 is 1.00499… in binary: the API never sends it, but it must not print three decimals.
    [850.1, '¥850.10'], [null, '¥0.00'],
  ])('%s is shown as %s', (value, shown) => {
    expect(formatMoney(value)).toBe(shown);
  });

  it('adds amounts in fen, so 0.1 + 0.2 yuan is exactly 0.30', () => {
    expect(formatFen(toFen('0.1') + toFen(0.2))).toBe('¥0.30');
    expect(toFen(0.1 + 0.2)).toBe(30);
  });
});

describe('an amount the cashier types', () => {
  it.each([
    ['123.45', 12345], ['100', 10000], ['0.5', 50], ['1,200.00', 120000], ['¥ 88.8', 8880], ['  7 ', 700],
  ])('%s is %i fen', (typed, fen) => {
    expect(parseAmount(typed)).toBe(fen);
  });

  it.each(['', '0', '0.00', '-5', '1.234', 'abc', '12.3.4', '1e3'])('%s is refused', (typed) => {
    expect(parseAmount(typed)).toBeNull();
  });

  it('is sent as decimal text, never as a floating-point number', () => {
    expect(fenToDecimal(12345)).toBe('123.45');
    expect(fenToDecimal(5)).toBe('0.05');
    expect(fenToDecimal(100000)).toBe('1000.00');
  });
});

describe('amounts in capitals (大写)', () => {
  it.each([
    [12345, '壹佰贰拾叁元肆角伍分'],
    [10000, '壹佰元整'],
    [0, '零元整'],
    [1, '壹分'],
    [50, '伍角'],
    [110, '壹元壹角'],
    [101, '壹元零壹分'],
    [1005, '壹拾元零伍分'],
    [1050, '壹拾元零伍角'],
    [168032, '壹仟陆佰捌拾元零叁角贰分'],
    [200020, '贰仟元零贰角'],
    [100507, '壹仟零伍元零柒分'],
    [140950, '壹仟肆佰零玖元伍角'],
    [10100, '壹佰零壹元整'],
    [101000, '壹仟零壹拾元整'],
    [1000100, '壹万零壹元整'],
    [1640902, '壹万陆仟肆佰零玖元零贰分'],
    [10700053, '壹拾万柒仟元零伍角叁分'],
    [10000000, '壹拾万元整'],
    [100000000000, '壹拾亿元整'],
    [10000050000, '壹亿零伍佰元整'],
  ])('%i fen is %s', (fen, words) => {
    expect(amountInWords(fen)).toBe(words);
  });
});

const line = (id: string, dueDate: string, period: string, amountOpen: number, status: BillLine['status'] = 'open') =>
  ({ id, dueDate, period, item: 'property_service', amountOpen, status }) as BillLine;

describe('a payment on the open lines', () => {
  const lines = [line('may', '2026-05-01', '2026-05', 500), line('mar', '2026-03-01', '2026-03', 300), line('apr', '2026-04-01', '2026-04', 400),
    line('feb', '2026-02-01', '2026-02', 0, 'settled')];

  it('lists open lines oldest first and leaves settled ones out', () => {
    expect(openLinesOldestFirst(lines).map((l) => l.id)).toEqual(['mar', 'apr', 'may']);
  });

  it('pays the oldest line first and leaves the line it reaches part-paid', () => {
    const { shares, credit } = previewAllocation(lines, 50000);
    expect([...shares]).toEqual([['mar', 30000], ['apr', 20000]]);
    expect(credit).toBe(0);
  });

  it('keeps what no line needs as credit', () => {
    const { shares, credit } = previewAllocation(lines, 130000);
    expect([...shares.values()].reduce((a, b) => a + b, 0)).toBe(120000);
    expect(credit).toBe(10000);
  });
});

describe('a bill run preview', () => {
  it('totals the lines to issue per fee item, leaving out what was billed already', () => {
    const runLines = [
      { item: 'property_service', amount: 850.5, alreadyBilled: false },
      { item: 'property_service', amount: '0.1', alreadyBilled: false },
      { item: 'property_service', amount: 999, alreadyBilled: true },
      { item: 'parking', amount: 300, alreadyBilled: false },
    ] as BillRunLine[];
    expect(totalsByItem(runLines)).toEqual([
      { item: 'property_service', lines: 2, fen: 85060 },
      { item: 'parking', lines: 1, fen: 30000 },
    ]);
  });
});

describe('the arrears export', () => {
  const aging = (a: number, b: number, c: number, d: number) => ({ days0To30: a, days31To90: b, days91To180: c, over180Days: d, total: a + b + c + d });
  const arrears = {
    propertyId: 'p', asOf: '2026-12-06', total: aging(100, 200.5, 0, 0),
    buildings: [{
      buildingId: 'b', buildingName: 'A座', aging: aging(100, 200.5, 0, 0),
      units: [{ unitId: 'u1', unitNumber: '301', oldestDueDate: '2026-09-01', aging: aging(100, 200.5, 0, 0) }],
    }],
  } as Arrears;

  it('writes a row per unit, a total per building and one for the property, amounts to the fen', () => {
    const csv = arrearsCsv(arrears, ['楼栋', '房号', '最早到期', '0-30', '31-90', '91-180', '180+', '合计'], '合计');
    expect(csv.split('\r\n')).toEqual([
      '楼栋,房号,最早到期,0-30,31-90,91-180,180+,合计',
      'A座,301,2026-09-01,100.00,200.50,0.00,0.00,300.50',
      'A座,合计,,100.00,200.50,0.00,0.00,300.50',
      '合计,,,100.00,200.50,0.00,0.00,300.50',
      '',
    ]);
  });

  it('quotes commas and quotes, and defuses formulas', () => {
    expect(csvField('a,b')).toBe('"a,b"');
    expect(csvField('say "hi"')).toBe('"say ""hi"""');
    expect(csvField('=1+1')).toBe("'=1+1");
    expect(csvField('-12.50')).toBe('-12.50');
  });
});

describe('periods and rates', () => {
  it('names this and next month as yyyy-MM, across a year end', () => {
    expect(monthOf(0, new Date(2026, 11, 6))).toBe('2026-12');
    expect(monthOf(1, new Date(2026, 11, 6))).toBe('2027-01');
  });

  it('shows a collection rate as a percentage to two decimals', () => {
    expect(formatRate(0.9532)).toBe('95.32%');
    expect(formatRate('1')).toBe('100.00%');
    expect(formatRate(null)).toBe('—');
  });
});
