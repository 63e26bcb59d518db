import { CheckCircleFilled, CloseCircleFilled } from '@ant-design/icons';
import { useQuery } from '@tanstack/react-query';
import { Alert, Button, Card, Descriptions, Skeleton, Tag } from 'antd';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import { getJson } from '../api/client';
import { problemMessage } from '../api/problem';
import type { PatrolRecord } from '../api/patrols';
import { formatTime, PriorityTag } from '../components/format';
import { usePatrolRoles } from './Patrols';

/** One walked patrol: every item as answered, and for a failed one where it was and the order it raised. */
export function PatrolRecordPage() {
  const { t } = useTranslation();
  const { id } = useParams();
  const { canOpenOrders } = usePatrolRoles();
  const record = useQuery({
    queryKey: ['patrol-record', id],
    queryFn: ({ signal }) => getJson<PatrolRecord>(`/api/workorders/patrol-records/${id}`, signal),
  });
  const r = record.data;
  return (
    <div style={{ maxWidth: 720, margin: '0 auto' }}>
      <h1 className="pp-page-title">
        {r?.routeName ?? t('patrol.records')}
        <Link to="/patrols"><Button type="text" size="small">{t('patrol.back')}</Button></Link>
      </h1>
      {record.error && <Alert type="error" showIcon title={problemMessage(record.error, t)} />}
      {record.isLoading && <Card><Skeleton active /></Card>}
      {r && (
        <>
          <Card size="small">
            <Descriptions size="small" column={{ xs: 1, sm: 2 }} items={[
              { key: 'at', label: t('patrol.patrolledAt'), children: formatTime(r.patrolledAt) },
              { key: 'who', label: t('patrol.patroller'), children: r.patroller.name },
              {
                key: 'result', label: t('patrol.summary'),
                children: Number(r.failedItems) > 0
                  ? <Tag color="red">{t('patrol.failed', { count: Number(r.failedItems) })}</Tag>
                  : <Tag color="green">{t('patrol.allPassed')}</Tag>,
              },
              { key: 'version', label: t('patrol.checklistVersion'), children: t('patrol.version', { version: r.checklistVersion }) },
            ]} />
          </Card>
          <ol className="pp-record-items">
            {r.items.map((item) => (
              <li key={item.item} data-testid="patrol-record-item" className={item.passed ? undefined : 'pp-record-failed'}>
                <div style={{ display: 'flex', gap: 8, alignItems: 'baseline' }}>
                  {item.passed
                    ? <CheckCircleFilled style={{ color: '#52c41a' }} aria-label={t('patrol.passed')} />
                    : <CloseCircleFilled style={{ color: '#ff4d4f' }} aria-label={t('patrol.notPassed')} />}
                  <span style={{ flex: 1 }}>{item.item}. {item.text}</span>
                </div>
                {!item.passed && (
                  <div className="pp-record-detail">
                    <div>{item.note}</div>
                    <div className="pp-muted">
                      {[item.unitNumber, item.location].filter(Boolean).join(' · ')}
                      {item.category && ` · ${t(`category.${item.category}`)}`}
                    </div>
                    {item.workOrderId ? (
                      <div style={{ marginTop: 4 }} data-testid="patrol-order">
                        <span className="pp-muted">{t('patrol.order')}：</span>
                        {canOpenOrders ? <Link to={`/orders/${item.workOrderId}`}>{item.workOrderNumber}</Link> : <b>{item.workOrderNumber}</b>}
                        {item.priority && <> <PriorityTag priority={item.priority} /></>}
                      </div>
                    ) : (
                      <div className="pp-muted" style={{ marginTop: 4 }}>{t('patrol.noOrder')}</div>
                    )}
                  </div>
                )}
              </li>
            ))}
          </ol>
        </>
      )}
    </div>
  );
}
