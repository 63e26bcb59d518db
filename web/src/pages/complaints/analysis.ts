import type { ComplaintStatistics } from '../../api/complaints';

type Figures = ComplaintStatistics['figures'];

/** A rate (0..1, null when nothing to divide by) as a percentage with one decimal, or null. */
export function percent(rate: number | string | null | undefined): number | null {
  return rate === null || rate === undefined ? null : Math.round(Number(rate) * 1000) / 10;
}

/** Whether the valid complaint rate (有效投诉率) meets its target (< 1%); null when there are no occupied units. */
export function validRateMet(figures: Pick<Figures, 'validComplaintRate'>): boolean | null {
  return figures.validComplaintRate === null || figures.validComplaintRate === undefined ? null : Number(figures.validComplaintRate) < 0.01;
}

/** Whether every piece of feedback raised on the month's visits is handled (回访处理率 100%); null when none was raised. */
export function followUpRateMet(followUps: Pick<ComplaintStatistics['followUps'], 'followUpCompletionRate'> | undefined): boolean | null {
  const rate = followUps?.followUpCompletionRate;
  return rate === null || rate === undefined ? null : Number(rate) >= 1;
}

/** The rows a bar chart draws: label and count, the ones with complaints first, zero rows kept only when asked. */
export function chartRows<T>(items: T[], label: (item: T) => string, count: (item: T) => number | string, keepZeros = true): { label: string; count: number }[] {
  return items
    .map((item) => ({ label: label(item), count: Number(count(item)) }))
    .filter((row) => keepZeros || row.count > 0);
}
