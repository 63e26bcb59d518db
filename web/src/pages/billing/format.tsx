import { Tag } from 'antd';
import { useTranslation } from 'react-i18next';
import type { BillLineStatus } from './api';
import { formatMoney } from './api';
import './texts';

/** Money to the fen, in tabular figures so columns of amounts line up. */
export function Money({ value, strong }: { value: number | string | null | undefined; strong?: boolean }) {
  const text = formatMoney(value);
  return <span className="pp-money">{strong ? <b>{text}</b> : text}</span>;
}

export function LineStatusTag({ status }: { status: BillLineStatus }) {
  const { t } = useTranslation();
  return <Tag color={status === 'open' ? 'orange' : 'green'} variant="filled">{t(`billing.lineStatus.${status}`)}</Tag>;
}

/** A money column's settings: right-aligned, never wrapped. */
export const moneyColumn = { align: 'right' as const, className: 'pp-nowrap' };
