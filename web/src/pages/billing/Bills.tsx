import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { Alert, Button, Card, DatePicker, Select, Space, Table } from 'antd';
import dayjs from 'dayjs';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useSearchParams } from 'react-router';
import { getJson, query } from '../../api/client';
import { useSession } from '../../auth/session';
import { useProperty } from '../../components/useProperty';
import { base, lineStatuses, type BillLine, type BillLinePage } from './api';
import { LineStatusTag, Money, moneyColumn } from './format';
import { billingProblem } from './problems';
import { PrintDialog } from './Receipt';
import './texts';

/** A property's bill lines; the filters live in the URL, so a list can be bookmarked, shared and reloaded as it was. */
export function BillsPage() {
  const { t } = useTranslation();
  const { has } = useSession();
  const [params, setParams] = useSearchParams();
  const { propertyId } = useProperty();
  const period = params.get('period') ?? undefined;
  const status = params.get('status') ?? undefined;
  const page = Number(params.get('page') ?? 1);
  const pageSize = Number(params.get('pageSize') ?? 50);
  const search = query({ propertyId, period, status, page, pageSize });
  const cashier = has('finance', 'admin');
  // The payment notice (付款通知书) of a line's unit and payer, printed as the API lays it out.
  const [notice, setNotice] = useState<BillLine | null>(null);

  const list = useQuery({
    queryKey: ['billing', 'bills', search],
    queryFn: ({ signal }) => getJson<BillLinePage>(`${base}/bills${search}`, signal),
    enabled: !!propertyId,
    placeholderData: keepPreviousData,
  });

  const set = (changes: Record<string, string | undefined | null>) => {
    const next = new URLSearchParams(params);
    for (const [key, value] of Object.entries(changes)) {
      if (value) next.set(key, value);
      else next.delete(key);
    }
    if (!('page' in changes)) next.delete('page');
    setParams(next);
  };

  return (
    <>
      <h1 className="pp-page-title">{t('billing.bills.title')}</h1>
      <Card size="small" style={{ marginBottom: 12 }}>
        <Space wrap>
          <DatePicker
            picker="month" format="YYYY-MM" placeholder={t('billing.columns.period')} aria-label={t('billing.columns.period')}
            value={period ? dayjs(`${period}-01`) : null} onChange={(d) => set({ period: d ? d.format('YYYY-MM') : null })} style={{ width: 130 }}
          />
          <Select
            allowClear placeholder={t('billing.bills.allStatuses')} aria-label={t('billing.columns.status')} value={status} style={{ minWidth: 120 }}
            onChange={(v) => set({ status: v })} options={lineStatuses.map((s) => ({ value: s, label: t(`billing.lineStatus.${s}`) }))}
          />
          <Button type="link" onClick={() => setParams(new URLSearchParams())}>{t('billing.bills.reset')}</Button>
        </Space>
      </Card>
      {list.error && <Alert type="error" showIcon title={billingProblem(list.error, t)} style={{ marginBottom: 12 }} />}
      <Card size="small" styles={{ body: { padding: 0 } }}>
        <Table<BillLine>
          rowKey="id" size="middle" dataSource={list.data?.items} loading={list.isFetching} scroll={{ x: 1090 }}
          locale={{ emptyText: t('billing.bills.empty') }}
          pagination={{
            current: page, pageSize, total: Number(list.data?.total ?? 0), showSizeChanger: true, pageSizeOptions: [20, 50, 100, 200],
            showTotal: (total) => t('billing.bills.total', { total }),
            onChange: (p, s) => set({ page: String(p), pageSize: String(s) }),
          }}
          columns={[
            { title: t('billing.columns.building'), dataIndex: 'buildingName', width: 90 },
            {
              title: t('billing.columns.unit'), dataIndex: 'unitNumber', width: 100,
              render: (v, l) => (cashier ? <Link to={`/billing/cash-desk?unit=${l.unitId}`}>{v}</Link> : v),
            },
            { title: t('billing.columns.period'), dataIndex: 'period', width: 90 },
            { title: t('billing.columns.item'), dataIndex: 'item', width: 110, render: (v) => t(`billing.item.${v}`) },
            { title: t('billing.columns.description'), dataIndex: 'description', ellipsis: true },
            { title: t('billing.columns.amount'), dataIndex: 'amount', width: 120, ...moneyColumn, render: (v) => <Money value={v} /> },
            { title: t('billing.columns.paid'), dataIndex: 'amountPaid', width: 120, ...moneyColumn, render: (v) => <Money value={v} /> },
            { title: t('billing.columns.open'), dataIndex: 'amountOpen', width: 120, ...moneyColumn, render: (v) => <Money value={v} /> },
            { title: t('billing.columns.dueDate'), dataIndex: 'dueDate', width: 110 },
            { title: t('billing.columns.status'), dataIndex: 'status', width: 90, render: (v) => <LineStatusTag status={v} /> },
            {
              title: '', key: 'notice', width: 110,
              render: (_, l) => l.status === 'open' && (
                <Button type="link" size="small" onClick={() => setNotice(l)} data-testid="payment-notice">{t('billing.bills.notice')}</Button>
              ),
            },
          ]}
        />
      </Card>
      {notice && (
        <PrintDialog
          path={`/units/${notice.unitId}/payment-notice${notice.payerId ? `?payerId=${notice.payerId}` : ''}`}
          title={t('billing.bills.noticeTitle', { unit: `${notice.buildingName} ${notice.unitNumber}` })}
          printLabel={t('billing.receipts.print')} onClose={() => setNotice(null)}
        />
      )}
    </>
  );
}
