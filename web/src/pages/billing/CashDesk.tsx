import { useQuery, useQueryClient } from '@tanstack/react-query';
import { Alert, App, Button, Card, Collapse, Empty, Form, Input, Modal, Radio, Select, Space, Statistic, Table, type FormInstance } from 'antd';
import { useEffect, useMemo, useRef, useState, type MutableRefObject } from 'react';
import { useTranslation } from 'react-i18next';
import { useSearchParams } from 'react-router';
import { call, getJson } from '../../api/client';
import { searchUnits } from '../../components/unitSearch';
import { useUnitDirectory } from '../../components/unitDirectory';
import { useProperty } from '../../components/useProperty';
import { formatTime } from '../../components/format';
import {
  amountInWords, base, deskMethods, fenToDecimal, formatFen, newIdempotencyKey, openLinesOldestFirst, parseAmount, previewAllocation, toFen,
  type BillLine, type Payment, type PaymentMethod, type TakePaymentRequest, type UnitBills,
} from './api';
import { LineStatusTag, Money, moneyColumn } from './format';
import { billingProblem } from './problems';
import { ReceiptCard, useReceipt } from './Receipt';
import './texts';

interface Recent { receiptId: string; number: string; unit: string; amount: string; at: string }

const recentKey = 'pp.billing.recentReceipts';

// The receipts this cashier issued in this browser session: the API lists no receipts, so voids and reversals start here.
function loadRecent(): Recent[] {
  try {
    return JSON.parse(sessionStorage.getItem(recentKey) ?? '[]') as Recent[];
  } catch {
    return [];
  }
}

function remember(entry: Recent): Recent[] {
  const next = [entry, ...loadRecent().filter((r) => r.receiptId !== entry.receiptId)].slice(0, 30);
  sessionStorage.setItem(recentKey, JSON.stringify(next));
  return next;
}

interface Values { amount: string; method: PaymentMethod; payerName: string }

function ReceiptDialog({ receiptId, onClose }: { receiptId: string; onClose: () => void }) {
  const { t } = useTranslation();
  const receipt = useReceipt(receiptId);
  return (
    <Modal open title={t('billing.receipt.title')} onCancel={onClose} footer={null} width={760} destroyOnHidden>
      {receipt.error && <Alert type="error" showIcon title={billingProblem(receipt.error, t)} />}
      {receipt.data ? <ReceiptCard receipt={receipt.data} canUndo /> : !receipt.error && <Card loading variant="borderless" />}
    </Modal>
  );
}

interface PaymentFormProps {
  form: FormInstance<Values>;
  unitId: string;
  bills: UnitBills | undefined;
  payer: string;
  amountInput?: MutableRefObject<HTMLInputElement | null>;
  onPaid: (payment: Payment) => void | Promise<void>;
}

/**
 * Takes a payment for a unit. One idempotency key per payment the cashier means to take: a double click, or sending
 * again after a lost answer, pays once; the key is renewed only when a payment has been taken or the unit changes.
 */
export function PaymentForm({ form, unitId, bills, payer, amountInput, onPaid }: PaymentFormProps) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const amountText = Form.useWatch('amount', form) ?? '';
  const fen = parseAmount(amountText);
  const preview = useMemo(() => previewAllocation(bills?.lines ?? [], fen ?? 0), [bills, fen]);
  const key = useRef(newIdempotencyKey());
  const sending = useRef(false);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);

  // A new unit is a new payment: a fresh key, the unit's holder as the payer.
  useEffect(() => {
    key.current = newIdempotencyKey();
    setError(null);
    form.setFieldsValue({ amount: '', method: 'cash', payerName: payer });
  }, [unitId, payer, form]);

  const submit = async (values: Values) => {
    const amount = parseAmount(values.amount);
    if (amount === null || sending.current) return;
    sending.current = true;
    setBusy(true);
    setError(null);
    try {
      const body: TakePaymentRequest = {
        unitId, method: values.method, amount: fenToDecimal(amount), payerName: values.payerName.trim(), idempotencyKey: key.current,
      };
      const response = await call(`${base}/payments`, { method: 'POST', body });
      const payment = (await response.json()) as Payment;
      // 200 instead of 201: this key paid before (a resend); the earlier payment's receipt is the answer.
      if (response.status === 200) message.info(t('billing.desk.duplicate'));
      else message.success(t('billing.desk.received', { number: payment.receiptNumber }));
      key.current = newIdempotencyKey();
      form.setFieldsValue({ amount: '' });
      await onPaid(payment);
    } catch (e) {
      setError(billingProblem(e, t));
    } finally {
      sending.current = false;
      setBusy(false);
    }
  };

  return (
    <Form
      form={form} layout="vertical" onFinish={submit} requiredMark={false} initialValues={{ method: 'cash' }}
      onKeyDown={(e) => { if (e.key === 'Enter' && (e.ctrlKey || e.metaKey)) { e.preventDefault(); form.submit(); } }}
    >
      <Form.Item
        label={t('billing.desk.amount')} htmlFor="desk-amount" required
        extra={
          <div aria-live="polite" style={{ marginTop: 4 }}>
            {fen !== null && (
              <>
                <div>{t('billing.desk.words')}<span className="pp-words" style={{ marginInlineStart: 4 }} data-testid="amount-words">{amountInWords(fen)}</span></div>
                {preview.credit > 0 && <div>{t('billing.desk.willCredit', { amount: formatFen(preview.credit) })}</div>}
              </>
            )}
          </div>
        }
      >
        <Space.Compact style={{ width: '100%' }}>
          <Form.Item
            name="amount" noStyle
            rules={[{ validator: (_, v: string) => (parseAmount(v ?? '') === null ? Promise.reject(new Error(t('billing.desk.badAmount'))) : Promise.resolve()) }]}
          >
            <Input
              id="desk-amount" ref={(i) => { if (amountInput) amountInput.current = i?.input ?? null; }} inputMode="decimal" prefix="¥" size="large"
              autoComplete="off" style={{ fontVariantNumeric: 'tabular-nums' }} data-testid="pay-amount"
            />
          </Form.Item>
          <Button size="large" disabled={toFen(bills?.outstanding) <= 0}
            onClick={() => form.setFieldsValue({ amount: fenToDecimal(toFen(bills?.outstanding)) })}>
            {t('billing.desk.payAll')}
          </Button>
        </Space.Compact>
      </Form.Item>
      <Form.Item name="method" label={t('billing.desk.method')}>
        <Radio.Group optionType="button" options={deskMethods.map((m) => ({ value: m, label: t(`billing.method.${m}`) }))} />
      </Form.Item>
      <Form.Item name="payerName" label={t('billing.desk.payer')} rules={[{ required: true, whitespace: true, message: t('common.required') }, { max: 100 }]}>
        <Input maxLength={100} autoComplete="off" />
      </Form.Item>
      {error && <Alert type="error" showIcon title={error} style={{ marginBottom: 12 }} />}
      <Button type="primary" htmlType="submit" size="large" block loading={busy} disabled={!bills}>{t('billing.desk.submit')}</Button>
    </Form>
  );
}

/** The cash desk (收银台): find a unit, see what it owes oldest first, take a payment and hand over the receipt. */
export function CashDeskPage() {
  const { t } = useTranslation();
  const client = useQueryClient();
  const { propertyId } = useProperty();
  const directory = useUnitDirectory(propertyId);
  const [params, setParams] = useSearchParams();
  const unitId = params.get('unit');
  const [search, setSearch] = useState('');
  const matches = useMemo(() => searchUnits(directory.data ?? [], search), [directory.data, search]);
  const choice = directory.data?.find((c) => c.unit.id === unitId);

  const bills = useQuery({
    queryKey: ['billing', 'unit-bills', unitId],
    queryFn: ({ signal }) => getJson<UnitBills>(`${base}/units/${unitId}/bills`, signal),
    enabled: !!unitId,
  });

  const [form] = Form.useForm<Values>();
  const amountText = Form.useWatch('amount', form) ?? '';
  const fen = parseAmount(amountText);
  const open = useMemo(() => openLinesOldestFirst(bills.data?.lines ?? []), [bills.data]);
  const settled = useMemo(() => (bills.data?.lines ?? []).filter((l) => l.status === 'settled').reverse(), [bills.data]);
  const preview = useMemo(() => previewAllocation(open, fen ?? 0), [open, fen]);

  const [receiptId, setReceiptId] = useState<string | null>(null);
  const [recent, setRecent] = useState<Recent[]>(loadRecent);
  const amountInput = useRef<HTMLInputElement>(null);

  const pickUnit = (id: string) => {
    setParams(id ? { unit: id } : {});
    setTimeout(() => amountInput.current?.focus(), 0);
  };

  const paid = async (payment: Payment) => {
    setRecent(remember({
      receiptId: payment.receiptId, number: payment.receiptNumber, unit: `${payment.buildingName} ${payment.unitNumber}`,
      amount: String(payment.amount), at: payment.receivedAt,
    }));
    setReceiptId(payment.receiptId);
    await client.invalidateQueries({ queryKey: ['billing'] });
  };

  const lineColumns = [
    { title: t('billing.columns.period'), dataIndex: 'period', width: 80 },
    { title: t('billing.columns.item'), dataIndex: 'item', render: (v: string) => t(`billing.item.${v}`) },
    // On a phone the open amount and this payment's share matter; the due date and billed amount give way.
    { title: t('billing.columns.dueDate'), dataIndex: 'dueDate', width: 105, responsive: ['sm' as const] },
    { title: t('billing.columns.amount'), dataIndex: 'amount', width: 110, ...moneyColumn, responsive: ['sm' as const], render: (v: number) => <Money value={v} /> },
  ];

  const recentCard = (
    <Card size="small" title={t('billing.desk.recent')} extra={<span className="pp-muted">{t('billing.desk.recentHint')}</span>}>
      {recent.length === 0 ? (
        <div className="pp-muted" style={{ textAlign: 'center', padding: 12 }}>{t('billing.desk.noRecent')}</div>
      ) : (
        <ul className="pp-plain-list">
          {recent.map((r) => (
            <li key={r.receiptId}>
              <Space wrap size={6}>
                <span className="pp-money">{r.number}</span>
                <span>{r.unit}</span>
                <Money value={r.amount} />
                <span className="pp-muted">{formatTime(r.at)}</span>
              </Space>
              <Button type="link" size="small" onClick={() => setReceiptId(r.receiptId)}>{t('billing.receipt.title')}</Button>
            </li>
          ))}
        </ul>
      )}
    </Card>
  );

  return (
    <>
      <h1 className="pp-page-title">{t('billing.desk.title')}</h1>
      <Card size="small" style={{ marginBottom: 12 }}>
        <label htmlFor="desk-unit" className="pp-muted" style={{ display: 'block', marginBottom: 4 }}>{t('billing.desk.find')}</label>
        <Select
          id="desk-unit" autoFocus={!unitId} showSearch filterOption={false} onSearch={setSearch} value={unitId ?? undefined} onChange={pickUnit}
          loading={directory.isLoading} placeholder={t('billing.desk.findPlaceholder')} notFoundContent={t('billing.desk.noMatch')}
          style={{ width: '100%', maxWidth: 560 }} data-testid="desk-unit" aria-label={t('billing.desk.find')}
          options={matches.map(({ unit, holders }) => ({
            value: unit.id,
            label: (
              <span>
                <b>{unit.buildingName} {unit.number}</b>
                <span className="pp-muted"> {holders.map((h) => `${h.name}${h.phone ? ` ${h.phone}` : ''}`).join('；')}</span>
              </span>
            ),
          }))}
        />
      </Card>
      {!unitId && (
        <>
          <Card size="small" style={{ marginBottom: 12 }}><Empty description={t('billing.desk.pick')} /></Card>
          {recentCard}
        </>
      )}
      {unitId && (
        <div className="pp-desk">
          <div>
            {bills.error && <Alert type="error" showIcon title={billingProblem(bills.error, t)} style={{ marginBottom: 12 }} />}
            <Card
              size="small" loading={bills.isLoading} style={{ marginBottom: 12 }}
              title={bills.data ? `${bills.data.buildingName} ${bills.data.unitNumber}` : choice ? `${choice.unit.buildingName} ${choice.unit.number}` : ''}
            >
              <Space size="large" wrap>
                <Statistic title={t('billing.desk.outstanding')} value={formatFen(toFen(bills.data?.outstanding))} styles={{ content: { color: '#cf1322', fontVariantNumeric: 'tabular-nums' } }} />
                <Statistic title={t('billing.desk.credit')} value={formatFen(toFen(bills.data?.credit))} styles={{ content: { fontVariantNumeric: 'tabular-nums' } }} />
                {toFen(bills.data?.lateFeeDue) > 0 && (
                  <Statistic title={<span title={t('billing.lateFee.hint')}>{t('billing.lateFee.due')}</span>} value={formatFen(toFen(bills.data?.lateFeeDue))}
                    styles={{ content: { color: '#d46b08', fontVariantNumeric: 'tabular-nums' } }} />
                )}
              </Space>
            </Card>
            <Card size="small" title={t('billing.desk.openLines')} styles={{ body: { padding: 0 } }} style={{ marginBottom: 12 }}>
              <Table<BillLine>
                rowKey="id" size="small" pagination={false} dataSource={open} loading={bills.isFetching} scroll={{ x: 'max-content' }}
                locale={{ emptyText: t('billing.desk.noOpen') }} data-testid="open-lines"
                rowClassName={(l) => (preview.shares.has(l.id) ? 'pp-line-paying' : '')}
                columns={[
                  ...lineColumns,
                  { title: t('billing.columns.open'), dataIndex: 'amountOpen', width: 110, ...moneyColumn, render: (v: number) => <Money value={v} strong /> },
                  {
                    // On a phone this column stays away until an amount is typed: empty, it only pushed the open amount off screen.
                    title: t('billing.desk.willPay'), key: 'share', width: 110, ...moneyColumn,
                    responsive: preview.shares.size > 0 ? undefined : ['sm' as const],
                    render: (_: unknown, l: BillLine) => (preview.shares.has(l.id) ? <span className="pp-money">{formatFen(preview.shares.get(l.id)!)}</span> : null),
                  },
                ]}
              />
            </Card>
            {settled.length > 0 && (
              <Collapse
                size="small" style={{ marginBottom: 12, background: '#fff' }}
                items={[{
                  key: 'settled', label: `${t('billing.desk.history')} (${settled.length})`,
                  children: (
                    <Table<BillLine>
                      rowKey="id" size="small" dataSource={settled} pagination={{ pageSize: 12, hideOnSinglePage: true }} scroll={{ x: 'max-content' }}
                      columns={[...lineColumns, { title: t('billing.columns.status'), dataIndex: 'status', width: 90, render: (v) => <LineStatusTag status={v} /> }]}
                    />
                  ),
                }]}
              />
            )}
          </div>
          <div>
            <Card size="small" title={t('billing.desk.take')} style={{ marginBottom: 12 }}>
              <PaymentForm form={form} unitId={unitId} bills={bills.data} payer={choice?.holders[0]?.name ?? ''} amountInput={amountInput} onPaid={paid} />
            </Card>
            {recentCard}
          </div>
        </div>
      )}
      {receiptId && <ReceiptDialog receiptId={receiptId} onClose={() => setReceiptId(null)} />}
    </>
  );
}
