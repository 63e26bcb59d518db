import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { Alert, Button, Card, Checkbox, DatePicker, Select, Space, Table, Tag } from 'antd';
import dayjs from 'dayjs';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useSearchParams } from 'react-router';
import { getJson, query } from '../../api/client';
import { useSession } from '../../auth/session';
import { formatTime } from '../../components/format';
import { useProperty } from '../../components/useProperty';
import { useUnitDirectory } from '../../components/unitDirectory';
import { base, paymentMethods, type Receipt, type ReceiptPage } from './api';
import { Money, moneyColumn } from './format';
import { billingProblem } from './problems';
import { PrintPreview } from './Receipt';
import { UnitPicker } from './UnitPicker';
import './texts';

/**
 * Payments and their receipts (收款记录 / 收据) for the cashier and their supervisor: by day, cashier, unit and method,
 * a page at a time, each receipt printable as the API prints it. The filters live in the URL.
 */
export function ReceiptsPage() {
  const { t } = useTranslation();
  const { me } = useSession();
  const [params, setParams] = useSearchParams();
  const { propertyId } = useProperty();
  const directory = useUnitDirectory(propertyId);
  const [printing, setPrinting] = useState<string | null>(null);
  const day = params.get('day') ?? undefined;
  const unitId = params.get('unit') ?? undefined;
  const method = params.get('method') ?? undefined;
  const voided = params.get('voided') ?? undefined;
  const mine = params.get('mine') === '1';
  const page = Number(params.get('page') ?? 1);
  const pageSize = Number(params.get('pageSize') ?? 50);
  const search = query({ propertyId, day, unitId, method, voided, cashierId: mine ? me.id : undefined, page, pageSize });

  const list = useQuery({
    queryKey: ['billing', 'receipts', search],
    queryFn: ({ signal }) => getJson<ReceiptPage>(`${base}/receipts${search}`, signal),
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
      <h1 className="pp-page-title">{t('billing.receipts.title')}</h1>
      <Card size="small" style={{ marginBottom: 12 }}>
        <Space wrap>
          <DatePicker
            format="YYYY-MM-DD" placeholder={t('billing.receipts.day')} aria-label={t('billing.receipts.day')} style={{ width: 140 }}
            value={day ? dayjs(day) : null} onChange={(d) => set({ day: d ? d.format('YYYY-MM-DD') : null })}
          />
          <Select
            allowClear placeholder={t('billing.receipts.allMethods')} aria-label={t('billing.desk.method')} value={method} style={{ minWidth: 130 }}
            onChange={(v) => set({ method: v })} options={paymentMethods.map((m) => ({ value: m, label: t(`billing.method.${m}`) }))}
          />
          <Select
            allowClear placeholder={t('billing.receipts.allReceipts')} aria-label={t('billing.columns.status')} value={voided} style={{ minWidth: 120 }}
            onChange={(v) => set({ voided: v })}
            options={[{ value: 'false', label: t('billing.receipts.valid') }, { value: 'true', label: t('billing.receipts.voided') }]}
          />
          <Checkbox checked={mine} onChange={(e) => set({ mine: e.target.checked ? '1' : null })}>{t('billing.receipts.onlyMine')}</Checkbox>
          <div style={{ minWidth: 280 }}>
            <UnitPicker id="receipts-unit" choices={directory.data ?? []} loading={directory.isLoading} value={unitId ?? null} onChange={(id) => set({ unit: id })} />
          </div>
          <Button type="link" onClick={() => setParams(new URLSearchParams())}>{t('billing.bills.reset')}</Button>
        </Space>
      </Card>
      {list.error && <Alert type="error" showIcon title={billingProblem(list.error, t)} style={{ marginBottom: 12 }} />}
      <Card size="small" styles={{ body: { padding: 0 } }}>
        <Table<Receipt>
          rowKey="id" size="middle" dataSource={list.data?.items} loading={list.isFetching} scroll={{ x: 'max-content' }}
          locale={{ emptyText: t('billing.receipts.empty') }} data-testid="receipts"
          pagination={{
            current: page, pageSize, total: Number(list.data?.total ?? 0), showSizeChanger: true, pageSizeOptions: [20, 50, 100, 200],
            showTotal: (total) => t('billing.receipts.total', { total }),
            onChange: (p, s) => set({ page: String(p), pageSize: String(s) }),
          }}
          columns={[
            {
              title: t('billing.receipts.number'), dataIndex: 'number', width: 150,
              render: (v: string, r) => <span className="pp-money">{v} {r.voided && <Tag color="red">{t('billing.receipts.voided')}</Tag>}</span>,
            },
            { title: t('billing.receipts.paidAt'), dataIndex: 'paidAt', width: 150, render: (v: string) => formatTime(v) },
            { title: t('billing.columns.unit'), key: 'unit', width: 110, render: (_, r) => `${r.buildingName} ${r.unitNumber}` },
            { title: t('billing.receipts.payer'), dataIndex: 'payerName', width: 120, responsive: ['sm' as const] },
            { title: t('billing.desk.method'), dataIndex: 'method', width: 100, render: (v: string) => t(`billing.method.${v}`) },
            { title: t('billing.columns.amount'), dataIndex: 'amount', width: 120, ...moneyColumn, render: (v) => <Money value={v} strong /> },
            { title: t('billing.receipts.cashier'), key: 'cashier', width: 110, responsive: ['md' as const], render: (_, r) => r.cashier.name },
            {
              title: '', key: 'print', width: 80,
              render: (_, r) => <Button type="link" size="small" onClick={() => setPrinting(r.id)}>{t('billing.receipts.print')}</Button>,
            },
          ]}
        />
      </Card>
      {printing && <PrintPreview receiptId={printing} onClose={() => setPrinting(null)} />}
    </>
  );
}
