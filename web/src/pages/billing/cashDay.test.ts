import { describe, expect, it } from 'vitest';
import { cashDifference, expectedFen, parseCounted, parseReading, today } from './api';

describe('the cash counted at the close', () => {
  it.each([
    ['0', 0], ['0.00', 0], ['1,234.5', 123450], ['¥88.08', 8808], ['12.345', null], ['-5', null], ['', null], ['abc', null],
  ])('reads %j as %j fen', (text, fen) => {
    expect(parseCounted(text)).toBe(fen);
  });
});

describe('counted against expected (票款相符)', () => {
  it('is balanced only when equal to the fen', () => {
    expect(cashDifference('1234.50', 123450)).toEqual({ fen: 0, kind: 'balanced' });
    expect(cashDifference(1234.5, 123451)).toEqual({ fen: 1, kind: 'over' });
    expect(cashDifference('1234.50', 123400)).toEqual({ fen: -50, kind: 'short' });
  });

  it('compares in whole fen, so 0.1 + 0.2 yuan of receipts is 0.30', () => {
    expect(cashDifference(0.1 + 0.2, 30).kind).toBe('balanced');
  });
});

describe("the day's expected cash", () => {
  it('adds valid receipts and deposits taken, takes away deposits refunded, ignores voided receipts', () => {
    const fen = expectedFen({
      receipts: [
        { receiptId: 'a', number: 'R1', unitNumber: '101', payerName: '甲', amount: '100.10', voided: false },
        { receiptId: 'b', number: 'R2', unitNumber: '102', payerName: '乙', amount: 50, voided: true },
        { receiptId: 'c', number: 'R3', unitNumber: '103', payerName: '丙', amount: 0.2, voided: false },
      ],
      deposits: [
        { depositId: 'd', unitNumber: '101', payerName: '甲', kind: 'taken', amount: '2000.00' },
        { depositId: 'e', unitNumber: '104', payerName: '丁', kind: 'refunded', amount: 500 },
      ],
    });
    expect(fen).toBe(10010 + 20 + 200000 - 50000);
  });
});

describe('today', () => {
  it('is the local calendar day as yyyy-MM-dd', () => {
    expect(today(new Date(2026, 0, 5, 23, 59))).toBe('2026-01-05');
  });
});

describe('a meter reading as typed', () => {
  it.each([['0', '0'], ['1,234.567', '1234.567'], [' 88 ', '88'], ['1.2345', null], ['-1', null], ['', null]])('reads %j as %j', (text, sent) => {
    expect(parseReading(text)).toBe(sent);
  });
});
