import { describe, expect, it } from 'vitest';
import { chartRows, followUpRateMet, percent, validRateMet } from './analysis';

describe('complaint analysis figures', () => {
  it('shows rates as percentages with one decimal, and nothing when there is nothing to divide by', () => {
    expect(percent(0.0125)).toBe(1.3);
    expect(percent('0.5')).toBe(50);
    expect(percent(null)).toBeNull();
  });

  it('meets the follow-up completion target only when every piece of feedback is handled', () => {
    expect(followUpRateMet({ followUpCompletionRate: 1 })).toBe(true);
    expect(followUpRateMet({ followUpCompletionRate: '0.9' })).toBe(false);
    expect(followUpRateMet({ followUpCompletionRate: null })).toBeNull();
    expect(followUpRateMet(undefined)).toBeNull();
  });

  it('judges the valid complaint rate against its target of less than 1%', () => {
    expect(validRateMet({ validComplaintRate: 0.0099 })).toBe(true);
    expect(validRateMet({ validComplaintRate: 0.01 })).toBe(false);
    expect(validRateMet({ validComplaintRate: null })).toBeNull();
  });

  it('turns counts into chart rows, dropping empty ones when asked', () => {
    const rows = [{ name: '1栋', n: '3' }, { name: '2栋', n: 0 }];
    expect(chartRows(rows, (r) => r.name, (r) => r.n)).toEqual([{ label: '1栋', count: 3 }, { label: '2栋', count: 0 }]);
    expect(chartRows(rows, (r) => r.name, (r) => r.n, false)).toEqual([{ label: '1栋', count: 3 }]);
  });
});
