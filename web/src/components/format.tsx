import { Tag } from 'antd';
import dayjs from 'dayjs';
import { useTranslation } from 'react-i18next';
import type { WorkOrderPriority, WorkOrderStatus } from '../api/schema';

/** Local time as staff read it: "12-06 14:30", with the year only when it is not this year. */
export function formatTime(value: string | null | undefined): string {
  if (!value) return '—';
  const time = dayjs(value);
  return time.format(time.year() === dayjs().year() ? 'MM-DD HH:mm' : 'YYYY-MM-DD HH:mm');
}

const statusColors: Record<WorkOrderStatus, string> = {
  submitted: 'blue', dispatched: 'geekblue', accepted: 'cyan', in_progress: 'processing', on_hold: 'orange',
  completed: 'green', followed_up: 'lime', closed: 'default', reopened: 'magenta', cancelled: 'default',
};

export function StatusTag({ status }: { status: WorkOrderStatus }) {
  const { t } = useTranslation();
  return <Tag color={statusColors[status]} bordered={false}>{t(`status.${status}`)}</Tag>;
}

const priorityColors: Record<WorkOrderPriority, string | undefined> = { emergency: 'red', high: 'volcano', normal: undefined, low: undefined };

export function PriorityTag({ priority }: { priority: WorkOrderPriority }) {
  const { t } = useTranslation();
  return <Tag color={priorityColors[priority]} bordered={priority === 'normal' || priority === 'low'}>{t(`priority.${priority}`)}</Tag>;
}

export function OverdueTag({ show, approaching }: { show: boolean; approaching?: boolean }) {
  const { t } = useTranslation();
  if (show) return <Tag color="red">{t('order.overdue')}</Tag>;
  if (approaching) return <Tag color="gold">{t('order.approaching')}</Tag>;
  return null;
}
