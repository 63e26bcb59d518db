import type { TFunction } from 'i18next';
import { ApiError } from '../../api/client';
import { problemMessage } from '../../api/problem';
import i18n from '../../i18n';

// Billing's refusals the cash desk meets, by the problem's English detail, told in the user's language.
const known: { pattern: RegExp; zh: string; en: string }[] = [
  { pattern: /reversed already/i, zh: '这笔收款已冲正，不能再次冲正。', en: 'This payment is reversed already.' },
  { pattern: /void already/i, zh: '这张收据已作废，不能再次作废。', en: 'This receipt is void already.' },
  { pattern: /issued at the same moment/i, zh: '有人同时开具了本期账单，请重新预览后再开具其余账单。', en: 'Bills of this period were issued at the same moment: preview again and issue the rest.' },
  { pattern: /idempotency key is being taken/i, zh: '这笔收款正在处理中，请稍候查看结果，不要重复收款。', en: 'This payment is being taken right now: wait for its answer, do not take it again.' },
  { pattern: /No property with this id is known/i, zh: '该物业项目还没有登记单元，无法生成账单。', en: 'This property has no registered unit: nothing can be billed.' },
  { pattern: /No unit with this id is known/i, zh: '收费系统中没有这个房号（可能尚未同步），请稍后再试。', en: 'Billing does not know this unit yet (it may not be synchronised): try again shortly.' },
  { pattern: /is closed \(日清日缴 done\)/i, zh: '今天的现金已日结（日清日缴），不能再收付现金；请改用其他付款方式，或明天再办。', en: 'Today\'s cash is closed (日清日缴): no more cash today. Use another method, or come back tomorrow.' },
  { pattern: /is closed already/i, zh: '这一天已经日结过了。', en: 'This day is closed already.' },
  { pattern: /A supervisor \(manager\) closes it/i, zh: '票款不符：须由主管（经理）填写说明后日结。', en: 'Cash and receipts differ: a supervisor (manager) closes the day with a note.' },
  { pattern: /Write a note on the difference/i, zh: '票款不符：请填写主管说明后再日结。', en: 'Cash and receipts differ: write a note on the difference to close the day.' },
  { pattern: /Nothing of this deposit is held/i, zh: '这笔押金已全部退还或扣除。', en: 'Nothing of this deposit is held any more.' },
  { pattern: /of this deposit is held: no more/i, zh: '金额超过了这笔押金的在押余额。', en: 'That is more than this deposit still holds.' },
];

/** What to tell the user of a failed billing call: a known refusal in their words, else the console's usual message. */
export function billingProblem(error: unknown, t: TFunction): string {
  if (error instanceof ApiError && error.problem) {
    const texts = [error.problem.detail ?? '', ...Object.values(error.problem.errors ?? {}).flat()];
    const english = i18n.language.startsWith('en');
    for (const k of known) {
      if (texts.some((text) => k.pattern.test(text))) return english ? k.en : k.zh;
    }
  }
  return problemMessage(error, t);
}
