import { useQuery, useQueryClient } from '@tanstack/react-query';
import { Alert, App, Button, Card, Form, Input, Modal, Radio, Select, Space, Table, Tag } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useSearchParams } from 'react-router';
import { getJson, send } from '../../api/client';
import { useSession } from '../../auth/session';
import { formatTime } from '../../components/format';
import { useProperty } from '../../components/useProperty';
import { useUnitDirectory } from '../../components/unitDirectory';
import {
  amountInWords, base, deskMethods, depositKinds, fenToDecimal, formatFen, parseAmount, toFen,
  type Deposit, type DepositBalance, type DepositKind, type DepositStep, type PaymentMethod, type TakeDepositRequest,
} from './api';
import { Money, moneyColumn } from './format';
import { billingProblem } from './problems';
import { UnitPicker } from './UnitPicker';
import './texts';

interface TakeValues { kind: DepositKind; amount: string; method: PaymentMethod; holder: string; payerName: string }

/** Takes a deposit (押金) for a unit; the payer is one of its holders or anyone named (a renovation contractor). */
function TakeDialog({ unitId, holders, onClose }: { unitId: string; holders: { occupantId: string; name: string }[]; onClose: () => void }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const client = useQueryClient();
  const [form] = Form.useForm<TakeValues>();
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const fen = parseAmount(Form.useWatch('amount', form) ?? '');
  const submit = async (v: TakeValues) => {
    const amount = parseAmount(v.amount);
    if (amount === null || busy) return;
    setBusy(true);
    setError(null);
    try {
      const body: TakeDepositRequest = {
        unitId, occupantId: v.holder || null, payerName: v.payerName.trim(), kind: v.kind, amount: fenToDecimal(amount), method: v.method,
      };
      await send<Deposit>(`${base}/deposits`, body);
      message.success(t('billing.deposits.takenDone', { amount: formatFen(amount) }));
      await client.invalidateQueries({ queryKey: ['billing'] });
      onClose();
    } catch (e) {
      setError(billingProblem(e, t));
    } finally {
      setBusy(false);
    }
  };
  return (
    <Modal open title={t('billing.deposits.take')} onCancel={onClose} destroyOnHidden okText={t('billing.deposits.take')}
      okButtonProps={{ loading: busy }} cancelText={t('actions.dismiss')} onOk={() => form.submit()}>
      {error && <Alert type="error" showIcon title={error} style={{ marginBottom: 12 }} />}
      <Form form={form} layout="vertical" onFinish={submit} requiredMark={false}
        initialValues={{ kind: 'renovation', method: 'cash', holder: holders[0]?.occupantId ?? '', payerName: holders[0]?.name ?? '' }}
        onValuesChange={(changed: Partial<TakeValues>) => {
          // Picking a holder names them as the payer; anyone else is typed.
          if (changed.holder !== undefined) form.setFieldsValue({ payerName: holders.find((h) => h.occupantId === changed.holder)?.name ?? '' });
        }}>
        <Form.Item name="kind" label={t('billing.deposits.kind')}>
          <Radio.Group optionType="button" options={depositKinds.map((k) => ({ value: k, label: t(`billing.depositKind.${k}`) }))} />
        </Form.Item>
        <Form.Item name="amount" label={t('billing.desk.amount')}
          rules={[{ validator: (_, v: string) => (parseAmount(v ?? '') === null ? Promise.reject(new Error(t('billing.desk.badAmount'))) : Promise.resolve()) }]}
          extra={fen !== null && <span>{t('billing.desk.words')}<span className="pp-words">{amountInWords(fen)}</span></span>}>
          <Input inputMode="decimal" prefix="¥" autoFocus data-testid="deposit-amount" />
        </Form.Item>
        <Form.Item name="method" label={t('billing.desk.method')}>
          <Radio.Group optionType="button" options={deskMethods.map((m) => ({ value: m, label: t(`billing.method.${m}`) }))} />
        </Form.Item>
        <Form.Item name="holder" label={t('billing.deposits.holder')}>
          <Select options={[...holders.map((h) => ({ value: h.occupantId, label: h.name })), { value: '', label: t('billing.deposits.notHolder') }]} />
        </Form.Item>
        <Form.Item name="payerName" label={t('billing.desk.payer')} rules={[{ required: true, whitespace: true, message: t('billing.deposits.payerRequired') }, { max: 100 }]}>
          <Input maxLength={100} />
        </Form.Item>
      </Form>
    </Modal>
  );
}

type Release = 'refund' | 'forfeit';
interface ReleaseValues { amount: string; method: PaymentMethod; reason: string }

/** Pays back (退还) or keeps (扣除) part or all of what a deposit holds; keeping needs a reason. */
function ReleaseDialog({ deposit, kind, onClose }: { deposit: Deposit; kind: Release; onClose: () => void }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const client = useQueryClient();
  const [form] = Form.useForm<ReleaseValues>();
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const held = toFen(deposit.balance);
  const fen = parseAmount(Form.useWatch('amount', form) ?? '');
  const submit = async (v: ReleaseValues) => {
    const amount = parseAmount(v.amount);
    if (amount === null || busy) return;
    setBusy(true);
    setError(null);
    try {
      const reason = v.reason?.trim() || null;
      if (kind === 'refund') await send<Deposit>(`${base}/deposits/${deposit.id}/refund`, { amount: fenToDecimal(amount), method: v.method, reason });
      else await send<Deposit>(`${base}/deposits/${deposit.id}/forfeit`, { amount: fenToDecimal(amount), reason });
      message.success(t(`billing.deposits.${kind}Done`, { amount: formatFen(amount) }));
      await client.invalidateQueries({ queryKey: ['billing'] });
      onClose();
    } catch (e) {
      setError(billingProblem(e, t));
    } finally {
      setBusy(false);
    }
  };
  const title = t(`billing.deposits.${kind}`);
  return (
    <Modal open title={`${title} · ${deposit.buildingName} ${deposit.unitNumber} ${deposit.payerName}`} onCancel={onClose} destroyOnHidden
      okText={title} okButtonProps={{ danger: kind === 'forfeit', loading: busy }} cancelText={t('actions.dismiss')} onOk={() => form.submit()}>
      <p>{t('billing.deposits.held')}：<Money value={deposit.balance} strong /></p>
      {error && <Alert type="error" showIcon title={error} style={{ marginBottom: 12 }} />}
      <Form form={form} layout="vertical" onFinish={submit} requiredMark={false} initialValues={{ amount: fenToDecimal(held), method: 'cash', reason: '' }}>
        <Form.Item name="amount" label={t('billing.desk.amount')}
          rules={[{
            validator: (_, v: string) => {
              const a = parseAmount(v ?? '');
              if (a === null) return Promise.reject(new Error(t('billing.desk.badAmount')));
              if (a > held) return Promise.reject(new Error(t('billing.deposits.overHeld', { amount: formatFen(held) })));
              return Promise.resolve();
            },
          }]}
          extra={fen !== null && <span>{t('billing.desk.words')}<span className="pp-words">{amountInWords(fen)}</span></span>}>
          <Input inputMode="decimal" prefix="¥" autoFocus data-testid="release-amount" />
        </Form.Item>
        {kind === 'refund' && (
          <Form.Item name="method" label={t('billing.desk.method')}>
            <Radio.Group optionType="button" options={deskMethods.map((m) => ({ value: m, label: t(`billing.method.${m}`) }))} />
          </Form.Item>
        )}
        <Form.Item name="reason" label={t('billing.receipt.reason')}
          rules={[{ required: kind === 'forfeit', whitespace: true, message: t('billing.receipt.reasonRequired') }, { max: 500 }]}>
          <Input.TextArea rows={3} maxLength={500} showCount placeholder={kind === 'forfeit' ? t('billing.deposits.forfeitHint') : undefined} />
        </Form.Item>
      </Form>
    </Modal>
  );
}

/** Takes the money of an access card's deposit the front desk issued (owed until now). */
function TakeOwedDialog({ deposit, onClose }: { deposit: Deposit; onClose: () => void }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const client = useQueryClient();
  const [method, setMethod] = useState<PaymentMethod>('cash');
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const submit = async () => {
    if (busy) return;
    setBusy(true);
    setError(null);
    try {
      await send<Deposit>(`${base}/deposits/${deposit.id}/take`, { method });
      message.success(t('billing.deposits.takenDone', { amount: formatFen(toFen(deposit.amount)) }));
      await client.invalidateQueries({ queryKey: ['billing'] });
      onClose();
    } catch (e) {
      setError(billingProblem(e, t));
    } finally {
      setBusy(false);
    }
  };
  return (
    <Modal open title={`${t('billing.deposits.takeOwedTitle', { card: deposit.cardNumber ?? '' })} · ${deposit.buildingName} ${deposit.unitNumber}`}
      onCancel={onClose} destroyOnHidden okText={t('billing.deposits.takeOwed')} okButtonProps={{ loading: busy }} cancelText={t('actions.dismiss')} onOk={submit}>
      <p>{deposit.payerName}：<Money value={deposit.amount} strong /></p>
      {deposit.cardLost && <Alert type="warning" showIcon title={t('billing.deposits.cardLost')} style={{ marginBottom: 12 }} />}
      {error && <Alert type="error" showIcon title={error} style={{ marginBottom: 12 }} />}
      <Radio.Group optionType="button" value={method} onChange={(e) => setMethod(e.target.value as PaymentMethod)}
        options={deskMethods.map((m) => ({ value: m, label: t(`billing.method.${m}`) }))} />
    </Modal>
  );
}

function Steps({ steps }: { steps: DepositStep[] }) {
  const { t } = useTranslation();
  return (
    <>
      <Table<DepositStep>
        className="pp-desk-only" rowKey={(s) => `${s.at}-${s.kind}`} size="small" pagination={false} dataSource={steps} scroll={{ x: 'max-content' }}
        columns={[
          { title: t('billing.deposits.at'), dataIndex: 'at', width: 150, render: (v: string) => formatTime(v) },
          { title: t('billing.deposits.step'), dataIndex: 'kind', width: 80, render: (v: string) => t(`billing.depositStep.${v}`) },
          { title: t('billing.columns.amount'), dataIndex: 'amount', width: 110, ...moneyColumn, render: (v: number) => <Money value={v} /> },
          { title: t('billing.desk.method'), dataIndex: 'method', width: 90, render: (v: PaymentMethod | null) => (v ? t(`billing.method.${v}`) : '—') },
          { title: t('billing.columns.reason'), dataIndex: 'reason', render: (v: string | null) => v ?? '' },
          { title: t('billing.deposits.by'), dataIndex: ['by', 'name'], width: 100 },
        ]}
      />
      {/* On a phone a step is two lines of text instead of a six-column table. */}
      <ul className="pp-plain-list pp-phone-only" data-testid="deposit-steps-phone">
        {steps.map((s) => (
          <li key={`${s.at}-${s.kind}`}>
            <div>
              <div>{t(`billing.depositStep.${s.kind}`)} <Money value={s.amount} />{s.method && ` · ${t(`billing.method.${s.method}`)}`}</div>
              <div className="pp-muted">{formatTime(s.at)} · {s.by.name}{s.reason && ` · ${s.reason}`}</div>
            </div>
          </li>
        ))}
      </ul>
    </>
  );
}

/** Deposits (押金): a unit's deposits with every step, take one, refund or forfeit part of it; what each occupant has on deposit. */
export function DepositsPage() {
  const { t } = useTranslation();
  const { has } = useSession();
  const canAct = has('finance', 'admin');
  const { propertyId } = useProperty();
  const directory = useUnitDirectory(propertyId);
  const [params, setParams] = useSearchParams();
  const unitId = params.get('unit');
  const [showClosed, setShowClosed] = useState(false);
  const choice = directory.data?.find((c) => c.unit.id === unitId);
  const [taking, setTaking] = useState(false);
  const [release, setRelease] = useState<{ deposit: Deposit; kind: Release } | null>(null);
  const [takingOwed, setTakingOwed] = useState<Deposit | null>(null);

  const query = unitId ? `unitId=${unitId}` : `propertyId=${propertyId}`;
  const deposits = useQuery({
    queryKey: ['billing', 'deposits', query],
    queryFn: ({ signal }) => getJson<Deposit[]>(`${base}/deposits?${query}`, signal),
    enabled: !!propertyId,
  });
  const balances = useQuery({
    queryKey: ['billing', 'deposit-balances', propertyId],
    queryFn: ({ signal }) => getJson<DepositBalance[]>(`${base}/deposits/balances?propertyId=${propertyId}`, signal),
    enabled: !!propertyId,
  });
  const unitName = (id: string) => {
    const u = directory.data?.find((c) => c.unit.id === id)?.unit;
    return u ? `${u.buildingName} ${u.number}` : '';
  };
  const totalHeld = (balances.data ?? []).reduce((sum, b) => sum + toFen(b.balance), 0);
  const kindText = (d: Deposit) => (d.cardNumber ? `${t(`billing.depositKind.${d.kind}`)} ${d.cardNumber}` : t(`billing.depositKind.${d.kind}`));
  const actions = (d: Deposit) => (d.status === 'owed' ? (
    <Button type="link" size="small" onClick={(e) => { e.stopPropagation(); setTakingOwed(d); }} data-testid="take-owed">{t('billing.deposits.takeOwed')}</Button>
  ) : (d.status === 'held' || d.status === 'refund_due') && (
    <Space size={0} onClick={(e) => e.stopPropagation()}>
      <Button type="link" size="small" onClick={() => setRelease({ deposit: d, kind: 'refund' })}>{t('billing.deposits.refund')}</Button>
      <Button type="link" size="small" danger onClick={() => setRelease({ deposit: d, kind: 'forfeit' })}>{t('billing.deposits.forfeit')}</Button>
    </Space>
  ));

  return (
    <>
      <h1 className="pp-page-title">{t('billing.deposits.title')}</h1>
      <Card size="small" style={{ marginBottom: 12 }}>
        <label htmlFor="deposit-unit" className="pp-muted" style={{ display: 'block', marginBottom: 4 }}>{t('billing.desk.find')}</label>
        <Space wrap style={{ width: '100%' }}>
          <div style={{ minWidth: 320, flex: 1 }}>
            <UnitPicker id="deposit-unit" choices={directory.data ?? []} loading={directory.isLoading} value={unitId} onChange={(id) => setParams(id ? { unit: id } : {})} />
          </div>
          {canAct && unitId && <Button type="primary" onClick={() => setTaking(true)} data-testid="take-deposit">{t('billing.deposits.take')}</Button>}
        </Space>
      </Card>
      <Card
        size="small" style={{ marginBottom: 12 }} styles={{ body: { padding: 0 } }}
        title={unitId ? `${t('billing.deposits.ofUnit')} · ${choice ? `${choice.unit.buildingName} ${choice.unit.number}` : ''}` : t('billing.deposits.ofProperty')}
        extra={<Radio.Group size="small" optionType="button" value={showClosed} onChange={(e) => setShowClosed(e.target.value as boolean)}
          options={[{ value: false, label: t('billing.deposits.onlyHeld') }, { value: true, label: t('billing.deposits.all') }]} />}
      >
        {deposits.error && <Alert type="error" showIcon title={billingProblem(deposits.error, t)} />}
        <Table<Deposit>
          rowKey="id" size="small" dataSource={(deposits.data ?? []).filter((d) => showClosed || d.status === 'held' || d.status === 'owed' || d.status === 'refund_due')} loading={deposits.isFetching} scroll={{ x: 'max-content' }}
          pagination={{ pageSize: 20, hideOnSinglePage: true }} locale={{ emptyText: t('billing.deposits.none') }} data-testid="deposits"
          expandable={{
            expandedRowRender: (d) => (
              <>
                {canAct && <div className="pp-phone-only">{actions(d)}</div>}
                <Steps steps={d.steps} />
              </>
            ),
            expandRowByClick: true,
          }}
          columns={[
            // On a phone (360 px) the unit, what is held and the status stay; the payer and kind go under the unit, the rest
            // gives way (a tap on the row shows its steps).
            {
              title: t('billing.columns.unit'), key: 'unit', width: 110,
              render: (_, d) => (
                <>
                  <span className="pp-nowrap">{d.buildingName} {d.unitNumber}</span>
                  <div className="pp-muted pp-phone-only">{d.payerName} · {kindText(d)}</div>
                </>
              ),
            },
            { title: t('billing.desk.payer'), dataIndex: 'payerName', width: 120, responsive: ['sm' as const] },
            { title: t('billing.deposits.kind'), dataIndex: 'kind', width: 100, responsive: ['sm' as const], render: (_: DepositKind, d) => kindText(d) },
            { title: t('billing.deposits.takenAt'), dataIndex: 'takenAt', width: 150, responsive: ['md' as const], render: (v: string) => formatTime(v) },
            { title: t('billing.deposits.amount'), dataIndex: 'amount', width: 110, ...moneyColumn, responsive: ['sm' as const], render: (v: number) => <Money value={v} /> },
            { title: t('billing.deposits.refunded'), dataIndex: 'refunded', width: 110, ...moneyColumn, responsive: ['md' as const], render: (v: number) => <Money value={v} /> },
            { title: t('billing.deposits.forfeited'), dataIndex: 'forfeited', width: 110, ...moneyColumn, responsive: ['md' as const], render: (v: number) => <Money value={v} /> },
            { title: t('billing.deposits.held'), dataIndex: 'balance', width: 110, ...moneyColumn, render: (v: number) => <Money value={v} strong /> },
            {
              title: t('billing.columns.status'), dataIndex: 'status', width: 70,
              render: (v: string) => <Tag color={v === 'held' ? 'blue' : v === 'owed' || v === 'refund_due' ? 'orange' : 'default'} variant="filled">{t(`billing.depositStatus.${v}`)}</Tag>,
            },
            // On a phone the actions are under the row, opened with its steps.
            ...(canAct ? [{ title: '', key: 'actions', width: 150, responsive: ['sm' as const], render: (_: unknown, d: Deposit) => actions(d) }] : []),
          ]}
        />
      </Card>
      <Card size="small" title={t('billing.deposits.balances')} styles={{ body: { padding: 0 } }}
        extra={<span>{t('billing.deposits.totalHeld')} <Money value={fenToDecimal(totalHeld)} strong /></span>}>
        {balances.error && <Alert type="error" showIcon title={billingProblem(balances.error, t)} />}
        <Table<DepositBalance>
          rowKey={(b) => b.occupantId ?? `payer-${b.payerName}`} size="small" dataSource={balances.data ?? []} loading={balances.isFetching}
          pagination={{ pageSize: 20, hideOnSinglePage: true }} locale={{ emptyText: t('billing.deposits.none') }}
          columns={[
            { title: t('billing.desk.payer'), dataIndex: 'payerName', render: (v: string, b) => (b.occupantId ? v : <span>{v} <span className="pp-muted">{t('billing.deposits.notHolder')}</span></span>) },
            // Without a horizontal scroll: a payer's many units wrap rather than push what is held off a phone's screen.
            { title: t('billing.columns.unit'), dataIndex: 'unitIds', render: (ids: string[]) => ids.map(unitName).filter(Boolean).join('、') },
            { title: t('billing.deposits.count'), dataIndex: 'deposits', width: 80, align: 'right' as const, responsive: ['sm' as const] },
            { title: t('billing.deposits.held'), dataIndex: 'balance', width: 120, ...moneyColumn, render: (v: number) => <Money value={v} strong /> },
          ]}
        />
      </Card>
      {taking && unitId && <TakeDialog unitId={unitId} holders={choice?.holders ?? []} onClose={() => setTaking(false)} />}
      {takingOwed && <TakeOwedDialog deposit={takingOwed} onClose={() => setTakingOwed(null)} />}
      {release && <ReleaseDialog deposit={release.deposit} kind={release.kind} onClose={() => setRelease(null)} />}
    </>
  );
}
