import { PrinterOutlined } from '@ant-design/icons';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { Alert, App, Button, Descriptions, Form, Input, Modal, Space, Spin, Table } from 'antd';
import { useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { call, getJson, send } from '../../api/client';
import { formatTime } from '../../components/format';
import { base, type Payment, type Receipt } from './api';
import { Money, moneyColumn } from './format';
import { billingProblem } from './problems';
import './texts';

export function useReceipt(id: string | null) {
  return useQuery({
    queryKey: ['billing', 'receipt', id],
    queryFn: ({ signal }) => getJson<Receipt>(`${base}/receipts/${id}`, signal),
    enabled: !!id,
  });
}

/**
 * A printable page of the API (a receipt, a payment notice) in a frame, printed from here. The route needs the access
 * token, so the page is fetched rather than opened as a link.
 */
export function PrintDialog({ path, title, printLabel, onClose }: { path: string; title: string; printLabel?: string; onClose: () => void }) {
  const { t } = useTranslation();
  const frame = useRef<HTMLIFrameElement>(null);
  const html = useQuery({
    queryKey: ['billing', 'print', path],
    queryFn: async ({ signal }) => (await call(`${base}${path}`, { signal })).text(),
    staleTime: 0,
  });
  // The page's own print button needs scripts, which the frame does not run: this dialog's button prints it.
  const page = html.data?.replace('</head>', '<style>button{display:none}</style></head>');
  return (
    <Modal
      open title={title} onCancel={onClose} width={820} destroyOnHidden
      footer={[
        <Button key="close" onClick={onClose}>{t('billing.receipt.close')}</Button>,
        <Button key="print" type="primary" icon={<PrinterOutlined />} disabled={!page} onClick={() => frame.current?.contentWindow?.print()}>
          {printLabel ?? t('billing.receipt.print')}
        </Button>,
      ]}
    >
      {html.error && <Alert type="error" showIcon title={billingProblem(html.error, t)} />}
      {html.isLoading && <Spin />}
      {page && <iframe ref={frame} title={title} srcDoc={page} sandbox="allow-same-origin allow-modals" className="pp-receipt-frame" data-testid="receipt-print" />}
    </Modal>
  );
}

/** The receipt as the API prints it: the page the occupant is handed. */
export function PrintPreview({ receiptId, onClose }: { receiptId: string; onClose: () => void }) {
  const { t } = useTranslation();
  return <PrintDialog path={`/receipts/${receiptId}/print`} title={t('billing.receipt.printTitle')} onClose={onClose} />;
}

type Undo = 'void' | 'reverse';

/** Asks for the reason, then voids the receipt or reverses its payment; either undoes both. */
function UndoDialog({ receipt, kind, onClose }: { receipt: Receipt; kind: Undo; onClose: () => void }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const client = useQueryClient();
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const [form] = Form.useForm<{ reason: string }>();
  const submit = async ({ reason }: { reason: string }) => {
    setBusy(true);
    setError(null);
    try {
      if (kind === 'void') {
        await send<Receipt>(`${base}/receipts/${receipt.id}/void`, { reason: reason.trim() });
        message.success(t('billing.receipt.voidDone', { number: receipt.number }));
      } else {
        await send<Payment>(`${base}/payments/${receipt.paymentId}/reverse`, { reason: reason.trim() });
        message.success(t('billing.receipt.reverseDone', { number: receipt.number }));
      }
      await client.invalidateQueries({ queryKey: ['billing'] });
      onClose();
    } catch (e) {
      setError(billingProblem(e, t));
    } finally {
      setBusy(false);
    }
  };
  const title = kind === 'void' ? t('billing.receipt.void') : t('billing.receipt.reverse');
  return (
    <Modal
      open title={`${title} · ${receipt.number}`} onCancel={onClose} destroyOnHidden
      okText={title} okButtonProps={{ danger: true, loading: busy }} cancelText={t('actions.dismiss')} onOk={() => form.submit()}
    >
      <p>{kind === 'void' ? t('billing.receipt.voidConfirm') : t('billing.receipt.reverseConfirm')}</p>
      {error && <Alert type="error" showIcon title={error} style={{ marginBottom: 12 }} />}
      <Form form={form} layout="vertical" onFinish={submit} requiredMark={false}>
        <Form.Item name="reason" label={t('billing.receipt.reason')} rules={[{ required: true, whitespace: true, message: t('billing.receipt.reasonRequired') }, { max: 500 }]}>
          <Input.TextArea autoFocus rows={3} maxLength={500} showCount />
        </Form.Item>
      </Form>
    </Modal>
  );
}

/** A receipt (收据) as the desk shows it: figures and capitals, its lines, void stamp; print, void, reverse. */
export function ReceiptCard({ receipt, canUndo }: { receipt: Receipt; canUndo: boolean }) {
  const { t } = useTranslation();
  const [printing, setPrinting] = useState(false);
  const [undo, setUndo] = useState<Undo | null>(null);
  const lines = [
    ...receipt.lines.map((l, i) => ({ key: String(i), item: t(`billing.item.${l.item}`), period: l.period, description: l.description, amount: l.amount })),
    ...(Number(receipt.credit) > 0
      ? [{ key: 'credit', item: t('billing.receipt.credit'), period: '', description: t('billing.receipt.creditNote'), amount: receipt.credit }]
      : []),
  ];
  return (
    <div data-testid="receipt">
      {receipt.voided && (
        <Alert
          type="error" showIcon style={{ marginBottom: 12 }}
          title={<span className="pp-receipt-void">{t('billing.receipt.voided')}</span>}
          description={<span data-testid="receipt-void">{t('billing.receipt.voidedBy', { name: receipt.voidedBy?.name ?? '', time: formatTime(receipt.voidedAt), reason: receipt.voidReason ?? '' })}</span>}
        />
      )}
      <Descriptions
        size="small" column={{ xs: 1, sm: 2 }} bordered
        items={[
          { key: 'number', label: t('billing.receipt.number'), children: <span className="pp-money" data-testid="receipt-number">{receipt.number}</span> },
          { key: 'paidAt', label: t('billing.receipt.paidAt'), children: formatTime(receipt.paidAt) },
          { key: 'unit', label: t('billing.receipt.unit'), children: `${receipt.buildingName} ${receipt.unitNumber}` },
          { key: 'payer', label: t('billing.receipt.payer'), children: receipt.payerName },
          { key: 'method', label: t('billing.receipt.method'), children: t(`billing.method.${receipt.method}`) },
          { key: 'cashier', label: t('billing.receipt.cashier'), children: receipt.cashier.name },
        ]}
      />
      <Table
        size="small" pagination={false} dataSource={lines} style={{ marginTop: 12 }} scroll={{ x: 420 }}
        columns={[
          { title: t('billing.columns.item'), dataIndex: 'item', width: 110 },
          { title: t('billing.columns.period'), dataIndex: 'period', width: 90 },
          { title: t('billing.columns.description'), dataIndex: 'description', ellipsis: true },
          { title: t('billing.columns.amount'), dataIndex: 'amount', width: 120, ...moneyColumn, render: (v) => <Money value={v} /> },
        ]}
      />
      <Descriptions
        size="small" column={1} bordered style={{ marginTop: 12 }}
        items={[
          { key: 'amount', label: t('billing.receipt.amount'), children: <span data-testid="receipt-amount"><Money value={receipt.amount} strong /></span> },
          { key: 'words', label: t('billing.receipt.words'), children: <span className="pp-words" data-testid="receipt-words">{receipt.amountInWords}</span> },
        ]}
      />
      <Space wrap style={{ marginTop: 12 }}>
        <Button type="primary" icon={<PrinterOutlined />} onClick={() => setPrinting(true)}>{t('billing.receipt.print')}</Button>
        {canUndo && !receipt.voided && (
          <>
            <Button danger onClick={() => setUndo('reverse')}>{t('billing.receipt.reverse')}</Button>
            <Button danger onClick={() => setUndo('void')}>{t('billing.receipt.void')}</Button>
          </>
        )}
      </Space>
      {printing && <PrintPreview receiptId={receipt.id} onClose={() => setPrinting(false)} />}
      {undo && <UndoDialog receipt={receipt} kind={undo} onClose={() => setUndo(null)} />}
    </div>
  );
}
