import dayjs from 'dayjs';
import { describe, expect, it } from 'vitest';
import { minutes, percent, trendMonths, trendRows, type Figures } from './statisticsData';

const figures = (submitted: number, responseRate: number | null): Figures => ({
  propertyId: 'p', month: '2026-12', from: '', to: '',
  volume: { submitted, cancelled: 0, byCategory: [] },
  response: { count: 4, onTime: 3, onTimeRate: responseRate, averageMinutes: 30, p90Minutes: 50 },
  resolution: { count: 4, onTime: 4, onTimeRate: 1, averageMinutes: 300, p90Minutes: 600 },
  followUp: { completed: 4, followedUp: 2, rate: 0.5, rated: 2, averageSatisfaction: 4.5 },
  reopen: { submitted, reopened: 0, rate: 0 },
});

describe('monthly figures', () => {
  it('shows rates as percentages and nothing measured as a dash', () => {
    expect(percent(0.8333)).toBe(83.3);
    expect(percent(null)).toBeNull();
    expect(minutes(45)).toBe('45 min');
    expect(minutes(210)).toBe('3.5 h');
    expect(minutes(null)).toBe('—');
  });

  it('trends over the chosen month and the five before it, across a new year', () => {
    expect(trendMonths(dayjs('2027-02-15'))).toEqual(['2026-09', '2026-10', '2026-11', '2026-12', '2027-01', '2027-02']);
  });

  it('keeps a month without figures in its place with no values', () => {
    const rows = trendRows(['2026-11', '2026-12'], [undefined, figures(12, 0.75)]);
    expect(rows).toEqual([
      { month: '26/11', submitted: 0, responseOnTime: null, resolutionOnTime: null, satisfaction: null },
      { month: '26/12', submitted: 12, responseOnTime: 75, resolutionOnTime: 100, satisfaction: 4.5 },
    ]);
  });
});
