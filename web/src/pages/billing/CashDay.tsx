import { PrinterOutlined } from '@ant-design/icons';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { Alert, App, Button, Card, DatePicker, Descriptions, Form, Input, Modal, Popconfirm, Space, Spin, Statistic, Table, Tag, Typography } from 'antd';
import dayjs from 'dayjs';
import { useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useSearchParams } from 'react-router';
import { call, getJson, send } from '../../api/client';
import { useSession } from '../../auth/session';
import { formatTime } from '../../components/format';
import { useProperty } from '../../components/useProperty';
import {
  base, cashDifference, fenToDecimal, formatFen, parseCounted, toFen, today,
  type CashDay, type CashDepositStep, type CashReceipt, type ClosedCashDay, type CloseCashDayRequest,
} from './api';
import { Money, moneyColumn } from './format';
import { billingProblem } from './problems';
import './texts';

/** The remittance slip (现金缴款单) as the API prints it, in a frame, printed from here (as the receipt is). */
export function SlipPreview({ cashDayId, onClose }: { cashDayId: string; onClose: () => void }) {
  const { t } = useTranslation();
  const frame = useRef<HTMLIFrameElement>(null);
  const html = useQuery({
    queryKey: ['billing', 'cash-day-slip', cashDayId],
    // The slip route needs the access token, so it is fetched here rather than opened as a link.
    queryFn: async ({ signal }) => (await call(`${base}/cash-days/${cashDayId}/slip`, { signal })).text(),
    staleTime: 0,
  });
  // The page's own print button needs scripts, which the frame does not run: this dialog's button prints it.
  const page = html.data?.replace('</head>', '<style>button{display:none}</style></head>');
  return (
    <Modal
      open title={t('billing.cashDay.slip')} onCancel={onClose} width={820} destroyOnHidden
      footer={[
        <Button key="close" onClick={onClose}>{t('billing.receipt.close')}</Button>,
        <Button key="print" type="primary" icon={<PrinterOutlined />} disabled={!page} onClick={() => frame.current?.contentWindow?.print()}>
          {t('billing.cashDay.printSlip')}
        </Button>,
      ]}
    >
      {html.error && <Alert type="error" showIcon title={billingProblem(html.error, t)} />}
      {html.isLoading && <Spin />}
      {page && <iframe ref={frame} title={t('billing.cashDay.slip')} srcDoc={page} sandbox="allow-same-origin allow-modals" className="pp-receipt-frame" data-testid="slip-print" />}
    </Modal>
  );
}

/** Over (长款), short (短款) or balanced (票款相符), as a tag. */
function DifferenceTag({ fen }: { fen: number }) {
  const { t } = useTranslation();
  if (fen === 0) return <Tag color="green" variant="filled" data-testid="cash-difference">{t('billing.cashDay.balanced')}</Tag>;
  const amount = formatFen(Math.abs(fen));
  return <Tag color="red" variant="filled" data-testid="cash-difference">{fen > 0 ? t('billing.cashDay.over', { amount }) : t('billing.cashDay.short', { amount })}</Tag>;
}

interface Values { counted: string; supervisorNote: string }

/** Counts the drawer and closes the day; a mismatch is closed only by a supervisor with a note (the API's rule). */
function CloseForm({ day, propertyId, cashierParam, onClosed }: { day: CashDay; propertyId: string; cashierParam: string | null; onClosed: (id: string) => void }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const client = useQueryClient();
  const { has } = useSession();
  const supervisor = has('manager', 'admin');
  const [form] = Form.useForm<Values>();
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const [copied, setCopied] = useState(false);
  const counted = parseCounted(Form.useWatch('counted', form) ?? '');
  const difference = counted === null ? null : cashDifference(day.expected, counted);
  const mismatch = difference !== null && difference.kind !== 'balanced';
  const link = `${window.location.origin}/billing/cash-day?day=${day.day}&cashier=${day.cashierId}`;

  const submit = async (v: Values) => {
    const fen = parseCounted(v.counted);
    if (fen === null || busy) return;
    setBusy(true);
    setError(null);
    try {
      const body: CloseCashDayRequest = {
        propertyId, day: day.day, cashierId: cashierParam, counted: fenToDecimal(fen), supervisorNote: v.supervisorNote?.trim() || null,
      };
      const closed = await send<CashDay>(`${base}/cash-days/close`, body);
      message.success(t('billing.cashDay.closedDone'));
      await client.invalidateQueries({ queryKey: ['billing'] });
      if (closed.id) onClosed(closed.id);
    } catch (e) {
      setError(billingProblem(e, t));
    } finally {
      setBusy(false);
    }
  };

  return (
    <Form form={form} layout="vertical" onFinish={submit} requiredMark={false} initialValues={{ counted: '', supervisorNote: '' }}>
      {error && <Alert type="error" showIcon title={error} style={{ marginBottom: 12 }} />}
      <Form.Item name="counted" label={t('billing.cashDay.counted')}
        rules={[{ validator: (_, v: string) => (parseCounted(v ?? '') === null ? Promise.reject(new Error(t('billing.cashDay.badCount'))) : Promise.resolve()) }]}
        extra={difference && <span>{t('billing.cashDay.difference')}：<DifferenceTag fen={difference.fen} /></span>}>
        <Input inputMode="decimal" prefix="¥" size="large" style={{ maxWidth: 260 }} data-testid="cash-counted" autoFocus />
      </Form.Item>
      {mismatch && supervisor && (
        <Form.Item name="supervisorNote" label={t('billing.cashDay.note')}
          rules={[{ required: true, whitespace: true, message: t('billing.cashDay.noteRequired') }, { max: 500 }]}>
          <Input.TextArea rows={3} maxLength={500} showCount data-testid="cash-note" />
        </Form.Item>
      )}
      {mismatch && !supervisor && (
        <Alert
          type="warning" showIcon style={{ marginBottom: 12 }} title={t('billing.cashDay.needSupervisor')}
          description={
            <Space wrap>
              <Typography.Text code>{link}</Typography.Text>
              <Button size="small" onClick={() => { void navigator.clipboard?.writeText(link); setCopied(true); }}>
                {copied ? t('billing.cashDay.copied') : t('billing.cashDay.copyLink')}
              </Button>
            </Space>
          }
        />
      )}
      <Popconfirm title={t('billing.cashDay.closeConfirm')} onConfirm={() => form.submit()} okText={t('billing.cashDay.close')} cancelText={t('actions.dismiss')}
        disabled={counted === null || (mismatch && !supervisor)}>
        <Button type="primary" size="large" loading={busy} disabled={counted === null || (mismatch && !supervisor)} data-testid="close-day">
          {t('billing.cashDay.close')}
        </Button>
      </Popconfirm>
    </Form>
  );
}

/** 日清日缴: the cashier's cash of the day against the receipts and deposits, counted, closed, and the remittance slip. */
export function CashDayPage() {
  const { t } = useTranslation();
  const { propertyId } = useProperty();
  const { me } = useSession();
  const [params, setParams] = useSearchParams();
  // Without a day the API takes the property's today (its calendar, not this browser's clock).
  const dayParam = params.get('day');
  const cashierParam = params.get('cashier');
  const [slipId, setSlipId] = useState<string | null>(null);

  const query = `propertyId=${propertyId}${dayParam ? `&day=${dayParam}` : ''}${cashierParam ? `&cashierId=${cashierParam}` : ''}`;
  const day = useQuery({
    queryKey: ['billing', 'cash-day', query],
    queryFn: ({ signal }) => getJson<CashDay>(`${base}/cash-days?${query}`, signal),
    enabled: !!propertyId,
  });
  const closedDays = useQuery({
    queryKey: ['billing', 'cash-days-closed', propertyId],
    queryFn: ({ signal }) => getJson<ClosedCashDay[]>(`${base}/cash-days/closed?propertyId=${propertyId}`, signal),
    enabled: !!propertyId,
  });
  const pick = (next: { day?: string; cashier?: string | null }) => {
    const values: Record<string, string> = {};
    const d = next.day ?? dayParam;
    if (d) values.day = d;
    const c = next.cashier === undefined ? cashierParam : next.cashier;
    if (c) values.cashier = c;
    setParams(values);
  };
  const d = day.data;
  const shownDay = dayParam ?? d?.day ?? today();
  const other = !!cashierParam && cashierParam !== me.id;

  return (
    <>
      <h1 className="pp-page-title">{t('billing.cashDay.title')}</h1>
      <Card size="small" style={{ marginBottom: 12 }}>
        <Space wrap>
          <span className="pp-muted">{t('billing.cashDay.day')}</span>
          <DatePicker value={dayjs(shownDay)} allowClear={false} disabledDate={(v) => v.isAfter(dayjs(), 'day')}
            onChange={(v) => v && pick({ day: v.format('YYYY-MM-DD') })} data-testid="cash-day-date" />
          {d && <span>{t('billing.cashDay.cashier')}：<b>{d.cashierName}</b></span>}
          {other && <Tag color="orange">{t('billing.cashDay.otherCashier')}</Tag>}
          {other && <Button size="small" onClick={() => pick({ cashier: null })}>{me.name}</Button>}
        </Space>
      </Card>
      {day.error && <Alert type="error" showIcon title={billingProblem(day.error, t)} style={{ marginBottom: 12 }} />}
      <Card size="small" loading={day.isLoading} style={{ marginBottom: 12 }}
        title={d?.closed ? <Space><Tag color="green" variant="filled">{t('billing.cashDay.closed')}</Tag>{d.closedBy && t('billing.cashDay.closedBy', { name: d.closedBy.name, time: formatTime(d.closedAt) })}</Space> : t('billing.cashDay.title')}>
        {d && (
          <>
            <Space size="large" wrap style={{ marginBottom: 12 }}>
              <Statistic title={t('billing.cashDay.receiptsTotal')} value={formatFen(toFen(d.receiptsTotal))} styles={{ content: { fontVariantNumeric: 'tabular-nums' } }} />
              <Statistic title={t('billing.cashDay.depositsIn')} value={formatFen(toFen(d.depositsIn))} styles={{ content: { fontVariantNumeric: 'tabular-nums' } }} />
              <Statistic title={t('billing.cashDay.depositsOut')} value={formatFen(toFen(d.depositsOut))} styles={{ content: { fontVariantNumeric: 'tabular-nums' } }} />
              <Statistic title={t('billing.cashDay.expected')} value={formatFen(toFen(d.expected))} styles={{ content: { fontWeight: 600, fontVariantNumeric: 'tabular-nums' } }} data-testid="cash-expected" />
            </Space>
            {d.closed ? (
              <>
                <Descriptions
                  size="small" column={{ xs: 1, sm: 2 }} bordered style={{ marginBottom: 12 }}
                  items={[
                    { key: 'counted', label: t('billing.cashDay.counted'), children: <Money value={d.counted} strong /> },
                    { key: 'difference', label: t('billing.cashDay.difference'), children: <DifferenceTag fen={toFen(d.difference)} /> },
                    ...(d.supervisorNote ? [{ key: 'note', label: t('billing.cashDay.note'), span: 2, children: d.supervisorNote }] : []),
                  ]}
                />
                {d.id && <Button type="primary" icon={<PrinterOutlined />} onClick={() => setSlipId(d.id)} data-testid="show-slip">{t('billing.cashDay.slip')}</Button>}
              </>
            ) : (
              propertyId && <CloseForm day={d} propertyId={propertyId} cashierParam={cashierParam} onClosed={setSlipId} />
            )}
          </>
        )}
      </Card>
      {d && (
        <div className="pp-desk">
          <Card size="small" title={`${t('billing.cashDay.receipts')} (${d.receipts.length})`} styles={{ body: { padding: 0 } }} style={{ marginBottom: 12 }}>
            <Table<CashReceipt>
              rowKey="receiptId" size="small" pagination={false} dataSource={d.receipts} scroll={{ x: 'max-content', y: 360 }}
              locale={{ emptyText: t('billing.cashDay.noReceipts') }}
              columns={[
                { title: t('billing.cashDay.number'), dataIndex: 'number', render: (v: string, r) => <span className="pp-money">{v}{r.voided && <Tag color="red" style={{ marginInlineStart: 6 }}>{t('billing.cashDay.voided')}</Tag>}</span> },
                { title: t('billing.columns.unit'), dataIndex: 'unitNumber' },
                { title: t('billing.desk.payer'), dataIndex: 'payerName' },
                { title: t('billing.columns.amount'), dataIndex: 'amount', ...moneyColumn, render: (v: number, r) => (r.voided ? <s><Money value={v} /></s> : <Money value={v} />) },
              ]}
            />
          </Card>
          <Card size="small" title={`${t('billing.cashDay.deposits')} (${d.deposits.length})`} styles={{ body: { padding: 0 } }} style={{ marginBottom: 12 }}>
            <Table<CashDepositStep>
              rowKey={(s, i) => `${s.depositId}-${s.kind}-${i}`} size="small" pagination={false} dataSource={d.deposits} scroll={{ x: 'max-content', y: 360 }}
              locale={{ emptyText: t('billing.cashDay.noDeposits') }}
              columns={[
                { title: t('billing.columns.unit'), dataIndex: 'unitNumber' },
                { title: t('billing.desk.payer'), dataIndex: 'payerName' },
                { title: t('billing.deposits.step'), dataIndex: 'kind', render: (v: string) => t(`billing.depositStep.${v}`) },
                { title: t('billing.columns.amount'), dataIndex: 'amount', ...moneyColumn, render: (v: number, s) => <Money value={s.kind === 'refunded' ? -toFen(v) / 100 : v} /> },
              ]}
            />
          </Card>
        </div>
      )}
      <Card size="small" title={t('billing.cashDay.closedDays')} styles={{ body: { padding: 0 } }}>
        {closedDays.error && <Alert type="error" showIcon title={billingProblem(closedDays.error, t)} />}
        <Table<ClosedCashDay>
          rowKey="id" size="small" dataSource={closedDays.data ?? []} loading={closedDays.isFetching} scroll={{ x: 'max-content' }}
          pagination={{ pageSize: 10, hideOnSinglePage: true }}
          onRow={(c) => ({ onClick: () => pick({ day: c.day, cashier: c.cashierId === me.id ? null : c.cashierId }), style: { cursor: 'pointer' } })}
          columns={[
            { title: t('billing.cashDay.day'), dataIndex: 'day', width: 110 },
            { title: t('billing.cashDay.cashier'), dataIndex: 'cashierName', width: 100 },
            { title: t('billing.cashDay.count'), dataIndex: 'receipts', width: 70, align: 'right' as const },
            { title: t('billing.cashDay.expected'), dataIndex: 'expected', width: 120, ...moneyColumn, render: (v: number) => <Money value={v} /> },
            { title: t('billing.cashDay.counted'), dataIndex: 'counted', width: 120, ...moneyColumn, render: (v: number) => <Money value={v} /> },
            { title: t('billing.cashDay.difference'), dataIndex: 'difference', width: 130, render: (v: number) => <DifferenceTag fen={toFen(v)} /> },
            { title: t('billing.cashDay.note'), dataIndex: 'supervisorNote', ellipsis: true, responsive: ['md' as const] },
            {
              title: '', key: 'slip', width: 120,
              render: (_, c) => <Button type="link" size="small" icon={<PrinterOutlined />} onClick={(e) => { e.stopPropagation(); setSlipId(c.id); }}>{t('billing.cashDay.slip')}</Button>,
            },
          ]}
        />
      </Card>
      {slipId && <SlipPreview cashDayId={slipId} onClose={() => setSlipId(null)} />}
    </>
  );
}
