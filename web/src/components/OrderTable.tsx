import { Table, type TablePaginationConfig } from 'antd';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate } from 'react-router';
import type { WorkOrderSummary } from '../api/schema';
import { formatTime, OverdueTag, PriorityTag, StatusTag } from './format';

/** Orders as a dense table for the desk; a row (or its number, by keyboard) opens the order. */
export function OrderTable({ orders, loading, pagination = false }: { orders: WorkOrderSummary[] | undefined; loading: boolean; pagination?: TablePaginationConfig | false }) {
  const { t } = useTranslation();
  const navigate = useNavigate();
  return (
    <Table<WorkOrderSummary>
      rowKey="id" size="small" loading={loading} dataSource={orders} scroll={{ x: 960 }} pagination={pagination}
      onRow={(row) => ({ onClick: () => navigate(`/orders/${row.id}`), style: { cursor: 'pointer' } })}
      columns={[
        { title: t('order.number'), dataIndex: 'number', width: 150, render: (v, row) => <Link to={`/orders/${row.id}`} onClick={(e) => e.stopPropagation()}>{v}</Link> },
        { title: t('order.unit'), width: 110, render: (_, row) => `${row.buildingName} ${row.unitNumber}` },
        { title: t('order.category'), dataIndex: 'category', width: 90, render: (v) => t(`category.${v}`) },
        { title: t('order.description'), dataIndex: 'description', ellipsis: true },
        { title: t('order.priority'), dataIndex: 'priority', width: 80, render: (v) => <PriorityTag priority={v} /> },
        {
          title: t('order.status'), dataIndex: 'status', width: 150,
          render: (v, row) => <><StatusTag status={v} /><OverdueTag show={row.responseFlag === 'overdue' || row.resolutionFlag === 'overdue'} approaching={row.responseFlag === 'approaching' || row.resolutionFlag === 'approaching'} /></>,
        },
        { title: t('order.assignee'), dataIndex: 'assigneeName', width: 120, render: (v) => v ?? <span className="pp-muted" style={{ whiteSpace: 'nowrap' }}>{t('order.unassigned')}</span> },
        { title: t('order.submittedAt'), dataIndex: 'submittedAt', width: 120, render: formatTime },
      ]}
    />
  );
}
