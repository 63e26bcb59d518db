import type { components } from '../../api/types/directory';

export type ImportReport = components['schemas']['ImportReport'];
export type ImportRow = components['schemas']['ImportRowResult'];

/** A row's errors as "column: message" lines, the whole-row ones first, columns named in the user's words. */
export function rowErrors(row: ImportRow, columnLabel: (column: string) => string): string[] {
  return Object.entries(row.errors)
    .sort(([a], [b]) => (a === 'row' ? -1 : b === 'row' ? 1 : 0))
    .flatMap(([column, messages]) => messages.map((m) => `${columnLabel(column)}: ${m}`));
}

/** A file to start from, with the Chinese column names the import also reads. */
export const importTemplate =
  '楼栋,房号,楼层,类型,计费面积,业户名称,业户类别,电话,邮箱,入住身份,入伙日期\n' +
  'A座,1201,12,写字间,186.5,华夏智联科技有限公司,公司,010-65001234,,租户,2026-03-01\n' +
  'A座,1202,12,写字间,120,,,,,,\n';
