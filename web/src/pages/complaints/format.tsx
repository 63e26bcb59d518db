import { Tag } from 'antd';
import { useTranslation } from 'react-i18next';
import type { Complaint, ComplaintStatus, ComplaintTier } from '../../api/complaints';
import './i18n';

const statusColors: Record<ComplaintStatus, string> = {
  received: 'blue', investigating: 'processing', responded: 'cyan', feedback: 'green', reopened: 'magenta', closed: 'default',
};

export function ComplaintStatusTag({ status }: { status: ComplaintStatus }) {
  const { t } = useTranslation();
  return <Tag color={statusColors[status]} bordered={false}>{t(`complaints.status.${status}`)}</Tag>;
}

const tierColors: Record<ComplaintTier, string | undefined> = { general: undefined, important: 'volcano', hot: 'orange', collective: 'red' };

export function TierTag({ tier }: { tier: ComplaintTier }) {
  const { t } = useTranslation();
  return <Tag color={tierColors[tier]}>{t(`complaints.tier.${tier}`)}</Tag>;
}

/** Overdue (past the investigation or reply time while an answer is owed) or the reply time near. */
export function DeadlineTag({ complaint }: { complaint: Pick<Complaint, 'investigationOverdue' | 'replyFlag' | 'status'> }) {
  const { t } = useTranslation();
  const owed = ['received', 'investigating', 'reopened'].includes(complaint.status);
  if (owed && (complaint.investigationOverdue || complaint.replyFlag === 'overdue')) return <Tag color="red">{t('complaints.overdue')}</Tag>;
  if (owed && complaint.replyFlag === 'approaching') return <Tag color="gold">{t('complaints.approaching')}</Tag>;
  return null;
}

/** The unit, or the place, of a complaint as staff read it. */
export function placeOf(c: Pick<Complaint, 'buildingName' | 'unitNumber' | 'location'>): string {
  const unit = c.unitNumber ? `${c.buildingName ?? ''} ${c.unitNumber}`.trim() : '';
  return [unit, c.location].filter(Boolean).join(' · ') || '—';
}
