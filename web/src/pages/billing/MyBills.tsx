import { useQueries, useQuery } from '@tanstack/react-query';
import { Alert, Button, Card, Empty, Space, Spin, Statistic, Tag, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { getJson } from '../../api/client';
import type { UnitPage } from '../../api/schema';
import { formatTime } from '../../components/format';
import { base, formatFen, toFen, type BillLine, type ReceiptPage, type UnitBills } from './api';
import { LineStatusTag, Money } from './format';
import { billingProblem } from './problems';
import { PrintDialog, PrintPreview } from './Receipt';
import './texts';

function Line({ line }: { line: BillLine }) {
  const { t } = useTranslation();
  const part = line.status === 'open' && toFen(line.amountPaid) > 0;
  return (
    <li>
      <div style={{ minWidth: 0 }}>
        <div><b>{line.period}</b> {t(`billing.item.${line.item}`)}</div>
        <div className="pp-muted">{line.description}</div>
        <div className="pp-muted">
          {t('billing.columns.dueDate')} {line.dueDate}
          {part && <> · {t('billing.columns.amount')} {formatFen(toFen(line.amount))} · {t('billing.columns.paid')} {formatFen(toFen(line.amountPaid))}</>}
        </div>
      </div>
      <div style={{ textAlign: 'right', flex: 'none' }}>
        <Money value={line.status === 'open' ? line.amountOpen : line.amount} strong />
        <div><LineStatusTag status={line.status} /></div>
      </div>
    </li>
  );
}

/** The receipts the desk issued for a unit, newest first, each to see and print again (void ones marked). */
function UnitReceipts({ unitId }: { unitId: string }) {
  const { t } = useTranslation();
  const [shown, setShown] = useState<string | null>(null);
  const receipts = useQuery({
    queryKey: ['billing', 'unit-receipts', unitId],
    queryFn: ({ signal }) => getJson<ReceiptPage>(`${base}/units/${unitId}/receipts?pageSize=20`, signal),
  });
  if (receipts.error) return <Alert type="error" showIcon title={billingProblem(receipts.error, t)} />;
  if (!receipts.data || receipts.data.items.length === 0) return null;
  return (
    <div data-testid="portal-receipts">
      <Typography.Title level={5} style={{ marginTop: 16 }}>{t('billing.portal.receipts')}</Typography.Title>
      <ul className="pp-plain-list">
        {receipts.data.items.map((r) => (
          <li key={r.id}>
            <div style={{ minWidth: 0 }}>
              <div><b>{r.number}</b> {r.voided && <Tag color="red">{t('billing.receipts.voided')}</Tag>}</div>
              <div className="pp-muted">{formatTime(r.paidAt)} · {t(`billing.method.${r.method}`)}</div>
            </div>
            <div style={{ textAlign: 'right', flex: 'none' }}>
              <Money value={r.amount} strong />
              <div><Button size="small" type="link" onClick={() => setShown(r.id)}>{t('billing.receipts.view')}</Button></div>
            </div>
          </li>
        ))}
      </ul>
      {shown && <PrintPreview receiptId={shown} onClose={() => setShown(null)} />}
    </div>
  );
}

/** The occupant's bills (their own units only, as the API allows), open ones first, and the receipts they were given. */
export function MyBillsPage() {
  const { t } = useTranslation();
  const [notice, setNotice] = useState<{ id: string; name: string } | null>(null);
  const units = useQuery({
    queryKey: ['my-units'],
    queryFn: ({ signal }) => getJson<UnitPage>('/api/directory/units?pageSize=200', signal),
  });
  const bills = useQueries({
    queries: (units.data?.items ?? []).map((u) => ({
      queryKey: ['billing', 'unit-bills', u.id],
      queryFn: ({ signal }: { signal: AbortSignal }) => getJson<UnitBills>(`${base}/units/${u.id}/bills`, signal),
    })),
  });
  return (
    <div style={{ maxWidth: 640, margin: '0 auto' }}>
      <h1 className="pp-page-title">{t('billing.portal.title')}</h1>
      {units.error && <Alert type="error" showIcon title={billingProblem(units.error, t)} />}
      {units.isLoading && <Spin />}
      {units.data && units.data.items.length === 0 && <Card><Empty description={t('billing.portal.noUnits')} /></Card>}
      {bills.map((q, i) => {
        const unit = units.data!.items[i];
        const open = q.data?.lines.filter((l) => l.status === 'open') ?? [];
        const settled = (q.data?.lines.filter((l) => l.status === 'settled') ?? []).reverse();
        return (
          <Card key={unit.id} title={`${unit.buildingName} ${unit.number}`} loading={q.isLoading} className="pp-phone-card" size="small">
            {q.error && <Alert type="error" showIcon title={billingProblem(q.error, t)} />}
            {q.data && (
              <>
                <Space size="large" wrap style={{ marginBottom: 8 }}>
                  <Statistic title={t('billing.portal.outstanding')} value={formatFen(toFen(q.data.outstanding))}
                    styles={{ content: { color: toFen(q.data.outstanding) > 0 ? '#cf1322' : undefined, fontVariantNumeric: 'tabular-nums' } }} />
                  {toFen(q.data.credit) > 0 && <Statistic title={t('billing.portal.credit')} value={formatFen(toFen(q.data.credit))} />}
                  {toFen(q.data.lateFeeDue) > 0 && <Statistic title={t('billing.lateFee.due')} value={formatFen(toFen(q.data.lateFeeDue))} />}
                  {open.length > 0 && (
                    <Button onClick={() => setNotice({ id: unit.id, name: `${unit.buildingName} ${unit.number}` })}>{t('billing.bills.notice')}</Button>
                  )}
                </Space>
                {open.length + settled.length === 0
                  ? <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('billing.portal.none')} />
                  : <ul className="pp-plain-list">{[...open, ...settled].map((l) => <Line key={l.id} line={l} />)}</ul>}
                <UnitReceipts unitId={unit.id} />
              </>
            )}
          </Card>
        );
      })}
      {notice && (
        <PrintDialog path={`/units/${notice.id}/payment-notice`} title={t('billing.bills.noticeTitle', { unit: notice.name })}
          printLabel={t('billing.receipts.print')} onClose={() => setNotice(null)} />
      )}
      <p className="pp-muted" style={{ marginTop: 12 }}>{t('billing.portal.payAtDesk')}</p>
    </div>
  );
}
