import { ReloadOutlined } from '@ant-design/icons';
import { useQuery } from '@tanstack/react-query';
import { Alert, Badge, Button, Card, Empty, Space } from 'antd';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { getJson } from '../api/client';
import { problemMessage } from '../api/problem';
import type { Board, BoardItem, WorkOrderPage } from '../api/schema';
import { OrderTable } from '../components/OrderTable';
import { formatTime, OverdueTag, PriorityTag, StatusTag } from '../components/format';
import { useProperty } from '../components/useProperty';

const sections = ['dispatchedWithoutFeedback', 'overdue', 'onHoldPastResumeTime', 'followUpsDue'] as const;
const sectionColors: Record<(typeof sections)[number], string> = {
  dispatchedWithoutFeedback: '#faad14', overdue: '#ff4d4f', onHoldPastResumeTime: '#fa8c16', followUpsDue: '#1677ff',
};

function Item({ item, section }: { item: BoardItem; section: (typeof sections)[number] }) {
  const { t } = useTranslation();
  const when =
    section === 'followUpsDue' ? `${t('board.followUpDue')} ${formatTime(item.followUpDueAt)}`
      : section === 'onHoldPastResumeTime' ? `${t('board.resumeAt')} ${formatTime(item.resumeAt)}${item.holdReason ? ` · ${item.holdReason}` : ''}`
        : section === 'dispatchedWithoutFeedback' ? `${t('board.dispatchedAt')} ${formatTime(item.dispatchedAt)}`
          : `${t('order.resolutionDue')} ${formatTime(item.resolutionDueAt)}`;
  return (
    <Link to={`/orders/${item.id}`} className="pp-board-item" data-testid="board-item">
      <div style={{ display: 'flex', justifyContent: 'space-between', gap: 8, alignItems: 'baseline' }}>
        <span style={{ fontWeight: 500 }}>
          {item.buildingName} {item.unitNumber} · {t(`category.${item.category}`)}
        </span>
        <span className="pp-muted" style={{ fontVariantNumeric: 'tabular-nums' }}>{item.number}</span>
      </div>
      <div style={{ display: 'flex', justifyContent: 'space-between', gap: 8, marginTop: 4, alignItems: 'center' }}>
        <span className="pp-muted">{when}{item.assigneeName ? ` · ${item.assigneeName}` : ''}</span>
        <span style={{ whiteSpace: 'nowrap' }}>
          <PriorityTag priority={item.priority} />
          <StatusTag status={item.status} />
          <OverdueTag show={section !== 'overdue' && (item.responseOverdue || item.resolutionOverdue || item.followUpOverdue)} />
        </span>
      </div>
    </Link>
  );
}

export function BoardPage() {
  const { t } = useTranslation();
  const { propertyId } = useProperty();
  const board = useQuery({
    queryKey: ['board', propertyId],
    queryFn: ({ signal }) => getJson<Board>(`/api/workorders/board?propertyId=${propertyId}`, signal),
    enabled: !!propertyId,
    refetchInterval: 60_000,
  });

  // Not a section of the API's board, but the desk's first job each morning: what nobody has been sent to yet.
  const waiting = useQuery({
    queryKey: ['board', 'waiting', propertyId],
    queryFn: ({ signal }) => getJson<WorkOrderPage>(`/api/workorders/work-orders?propertyId=${propertyId}&status=submitted,reopened&pageSize=50`, signal),
    enabled: !!propertyId,
    refetchInterval: 60_000,
  });

  return (
    <>
      <h1 className="pp-page-title">
        <span>{t('board.title')} <span className="pp-muted" style={{ fontWeight: 400 }}>{board.data ? formatTime(board.data.at) : ''}</span></span>
        <Space>
          <Link to="/intake"><Button type="primary">{t('nav.intake')}</Button></Link>
          <Button icon={<ReloadOutlined />} onClick={() => board.refetch()} loading={board.isFetching}>{t('board.refresh')}</Button>
        </Space>
      </h1>
      {board.error && <Alert type="error" showIcon title={problemMessage(board.error, t)} style={{ marginBottom: 12 }} />}
      <div className="pp-board">
        {sections.map((section) => {
          const data = board.data?.[section];
          const count = Number(data?.count ?? 0);
          return (
            <Card
              key={section}
              size="small"
              loading={board.isLoading}
              data-testid={`board-${section}`}
              title={<span><Badge color={sectionColors[section]} /> {t(`board.${section}`)}</span>}
              extra={<Badge count={count} showZero color={count ? sectionColors[section] : '#d9d9d9'} overflowCount={999} />}
              styles={{ body: { padding: 6, maxHeight: 440, overflowY: 'auto' } }}
            >
              {data && data.orders.length === 0 && <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('board.empty')} />}
              {data?.orders.map((item) => <Item key={item.id} item={item} section={section} />)}
              {data && count > data.orders.length && <div className="pp-muted" style={{ padding: 8 }}>{t('board.more', { count: count - data.orders.length })}</div>}
            </Card>
          );
        })}
      </div>
      <Card size="small" style={{ marginTop: 12 }} data-testid="board-waiting" styles={{ body: { padding: 0 } }}
        title={<span><Badge color="#722ed1" /> {t('board.waiting')}</span>}
        extra={<Badge count={Number(waiting.data?.total ?? 0)} showZero color={Number(waiting.data?.total ?? 0) ? '#722ed1' : '#d9d9d9'} />}>
        <OrderTable orders={waiting.data?.items} loading={waiting.isLoading} />
      </Card>
    </>
  );
}
