import { RightOutlined } from '@ant-design/icons';
import { Card, Empty, Skeleton } from 'antd';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import type { WorkOrderSummary } from '../api/schema';
import { formatTime, OverdueTag, PriorityTag, StatusTag } from './format';

/** Orders as cards for a phone: unit and problem first, one tap into the order. */
export function OrderCards({ orders, empty }: { orders: WorkOrderSummary[] | undefined; empty: string }) {
  const { t } = useTranslation();
  if (!orders) return <Card size="small"><Skeleton active paragraph={{ rows: 2 }} /></Card>;
  if (orders.length === 0) return <Empty description={empty} />;
  return (
    <>
      {orders.map((o) => (
        <Link key={o.id} to={`/orders/${o.id}`} style={{ display: 'block', color: 'inherit' }} className="pp-phone-card" data-testid="order-card">
          <Card size="small" hoverable>
            <div style={{ display: 'flex', justifyContent: 'space-between', alignItems: 'center', gap: 8 }}>
              <b style={{ fontSize: 15 }}>{o.buildingName} {o.unitNumber} · {t(`category.${o.category}`)}</b>
              <span><StatusTag status={o.status} /><RightOutlined className="pp-muted" /></span>
            </div>
            <div style={{ margin: '6px 0', color: '#3d434d', overflow: 'hidden', textOverflow: 'ellipsis', display: '-webkit-box', WebkitLineClamp: 2, WebkitBoxOrient: 'vertical' }}>
              {o.description}
            </div>
            <div className="pp-muted" style={{ display: 'flex', justifyContent: 'space-between', alignItems: 'center' }}>
              <span>{o.number} · {formatTime(o.submittedAt)}</span>
              <span><PriorityTag priority={o.priority} /><OverdueTag show={o.responseFlag === 'overdue' || o.resolutionFlag === 'overdue'} /></span>
            </div>
          </Card>
        </Link>
      ))}
    </>
  );
}
