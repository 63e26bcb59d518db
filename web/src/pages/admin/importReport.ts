import type { components } from '../../api/types/directory';

export type ImportReport = components['schemas']['ImportReport'];
export type ImportRow = components['schemas']['ImportRowResult'];

/**
 * Directory words its row errors in English; the reader of a Chinese console gets them in Chinese. Each known
 * message is a pattern (its numbers and names captured) and its Chinese wording; an unknown one is shown as sent.
 */
const chineseRowErrors: [RegExp, (...parts: string[]) => string][] = [
  [/^Required\.$/, () => '必填。'],
  [/^At most (\d+) characters\.$/, (n) => `最多 ${n} 个字符。`],
  [/^Enter a whole floor number from (-?\d+) to (-?\d+) \(basements are negative\)\.$/, (lo, hi) => `请填写 ${lo} 到 ${hi} 之间的整数楼层（地下楼层为负数）。`],
  [/^Enter the chargeable area in m², above 0 and at most ([\d.]+), with at most two decimals\.$/, (max) => `计费面积（m²）须大于 0、不超过 ${max}，最多两位小数。`],
  [/^Give a phone number or an email address\.$/, () => '请填写电话或邮箱。'],
  [/^Enter a mainland mobile/, () => '请填写 11 位手机号、带区号的固定电话（如 010-12345678）或以 + 开头的国际号码。'],
  [/^Enter an email address like/, () => '请填写有效的邮箱地址，如 name@example.com。'],
  [/^Only a person can be a resident/, () => '只有个人可以是住户；公司只能作为业主或租户。'],
  [/^Enter the date as yyyy-mm-dd/, () => '日期格式为 yyyy-mm-dd，如 2026-03-01。'],
  [/^The move-in date cannot be later than today \((.+)\)/, (today) => `入伙日期不能晚于今天（${today}），请在当天登记。`],
  [/^Unknown value '(.*)'; use one of: (.*) \(or (.*)\)\.$/s, (value, _codes, words) => `无法识别“${value}”，可填：${words}。`],
  [/^Row (\d+) already imported unit (.+) of (.+) with another floor, type or area\.$/, (row, unit, building) => `第 ${row} 行已导入 ${building} ${unit}，但楼层、类型或面积不同。`],
  [/^(.+) already holds unit (.+) as (owner|tenant|resident)\.$/, (who, unit, role) => `${who} 已是 ${unit} 的${{ owner: '业主', tenant: '租户', resident: '住户' }[role]}。`],
  [/^Another change stored the same unit or occupancy at the same time/, () => '另一操作同时保存了同一房屋或入伙记录，请重新导入此行。'],
  [/^The row's quoting is malformed/, () => '此行引号格式有误：含引号的单元格须整体加引号，且引号成对书写。'],
];

/** One row error in the reader's language. */
export function rowErrorText(message: string, chinese: boolean): string {
  if (!chinese) return message;
  for (const [pattern, wording] of chineseRowErrors) {
    const match = pattern.exec(message);
    if (match) return wording(...match.slice(1));
  }
  return message;
}

/** A row's errors as "column: message" lines, the whole-row ones first, columns and messages in the user's words. */
export function rowErrors(row: ImportRow, columnLabel: (column: string) => string, chinese = false): string[] {
  return Object.entries(row.errors)
    .sort(([a], [b]) => (a === 'row' ? -1 : b === 'row' ? 1 : 0))
    .flatMap(([column, messages]) => messages.map((m) => `${columnLabel(column)}: ${rowErrorText(m, chinese)}`));
}

/** A file to start from, with the Chinese column names the import also reads. */
export const importTemplate =
  '楼栋,房号,楼层,类型,计费面积,业户名称,业户类别,电话,邮箱,入住身份,入伙日期\n' +
  'A座,1201,12,写字间,186.5,华夏智联科技有限公司,公司,010-65001234,,租户,2026-03-01\n' +
  'A座,1202,12,写字间,120,,,,,,\n';
