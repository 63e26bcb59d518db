import dayjs, { type Dayjs } from 'dayjs';
import type { components } from '../api/types/workorders';

export type Figures = components['schemas']['WorkOrderStatistics'];

/** A rate (0–1) as a percentage with one decimal; null when nothing was measured. */
export const percent = (rate: number | string | null | undefined): number | null =>
  rate === null || rate === undefined ? null : Math.round(Number(rate) * 1000) / 10;

/** Minutes as staff read them: "45 min" below two hours, "3.5 h" above. */
export const minutes = (value: number | string | null | undefined): string =>
  value === null || value === undefined ? '—' : Number(value) >= 120 ? `${(Number(value) / 60).toFixed(1)} h` : `${Number(value).toFixed(0)} min`;

/** The months a trend shows: the chosen one and the five before it, oldest first. */
export function trendMonths(month: Dayjs, count = 6): string[] {
  return Array.from({ length: count }, (_, i) => month.subtract(count - 1 - i, 'month').format('YYYY-MM'));
}

export interface TrendRow {
  month: string;
  submitted: number;
  responseOnTime: number | null;
  resolutionOnTime: number | null;
  satisfaction: number | null;
}

/** One chart row per month; a month whose figures did not come keeps its place with no values. */
export function trendRows(months: string[], figures: (Figures | undefined)[]): TrendRow[] {
  return months.map((month, i) => {
    const f = figures[i];
    return {
      month: dayjs(`${month}-01`).format('YY/MM'),
      submitted: f ? Number(f.volume.submitted) : 0,
      responseOnTime: percent(f?.response.onTimeRate),
      resolutionOnTime: percent(f?.resolution.onTimeRate),
      satisfaction: f?.followUp.averageSatisfaction != null ? Math.round(Number(f.followUp.averageSatisfaction) * 100) / 100 : null,
    };
  });
}
