import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { Alert, App, Button, Card, Form, Input, Modal, Select, Space, Switch, Table, Tag, TimePicker } from 'antd';
import type { ColumnsType } from 'antd/es/table';
import dayjs, { type Dayjs } from 'dayjs';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { getJson, query, send } from '../../api/client';
import { problemMessage } from '../../api/problem';
import { useSession } from '../../auth/session';
import { formatTime } from '../../components/format';
import { useProperty } from '../../components/useProperty';
import { base, type UnitKey, type UnitKeyPage } from './api';
import { useUnits } from './Visitors';
import './texts';

type Dialog = { kind: 'register' } | { kind: 'sign-out'; key: UnitKey } | null;

/** Keys of vacant units (空置房钥匙): the register, sign-out for the day, return; overdue keys stand out. */
export function KeysPage({ embedded = false }: { embedded?: boolean }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const { propertyId } = useProperty();
  const { has } = useSession();
  const client = useQueryClient();
  const [overdue, setOverdue] = useState(false);
  const [page, setPage] = useState(1);
  const [dialog, setDialog] = useState<Dialog>(null);
  const search = query({ propertyId, overdue: overdue || undefined, page, pageSize: 50 });

  const keys = useQuery({
    queryKey: ['reception', 'keys', search],
    queryFn: ({ signal }) => getJson<UnitKeyPage>(`${base}/keys${search}`, signal),
    enabled: !!propertyId,
    refetchInterval: 60_000,
  });
  const refresh = () => client.invalidateQueries({ queryKey: ['reception', 'keys'] });
  const giveBack = useMutation({
    mutationFn: (key: UnitKey) => send<UnitKey>(`${base}/keys/${key.id}/return`),
    onSuccess: () => {
      message.success(t('reception.keys.returned'));
      refresh();
    },
    onError: (e) => message.error(problemMessage(e, t)),
  });

  const columns: ColumnsType<UnitKey> = [
    { title: t('reception.keys.unit'), key: 'unit', render: (_, k) => `${k.buildingName} ${k.unitNumber}` },
    { title: t('reception.keys.label'), dataIndex: 'label' },
    {
      title: t('reception.keys.status'), key: 'status',
      render: (_, k) => <>
        <Tag color={k.status === 'signed_out' ? 'blue' : undefined}>{t(`reception.keys.statusValues.${k.status}`)}</Tag>
        {k.overdue && <Tag color="red">{t('reception.keys.overdue')}</Tag>}
      </>,
    },
    { title: t('reception.keys.holder'), key: 'holder', render: (_, k) => k.holderName ? <><div>{k.holderName}</div><div className="pp-muted">{k.holderPhone}</div></> : '—' },
    { title: t('reception.keys.reason'), dataIndex: 'reason', responsive: ['md'], render: (r) => r ?? '—' },
    { title: t('reception.keys.expectedReturn'), dataIndex: 'expectedReturnAt', responsive: ['md'], render: (v) => formatTime(v) },
    {
      title: t('reception.common.actions'), key: 'actions',
      render: (_, k) => k.status === 'available'
        ? <Button size="small" onClick={() => setDialog({ kind: 'sign-out', key: k })}>{t('reception.keys.signOut')}</Button>
        : <Button size="small" type="primary" ghost loading={giveBack.isPending && giveBack.variables?.id === k.id} onClick={() => giveBack.mutate(k)}>{t('reception.keys.return')}</Button>,
    },
  ];

  return (
    <>
      {/* On the reception desk a tab, without the page's heading. */}
      {embedded
        ? has('frontdesk', 'supervisor', 'manager', 'admin') && <div style={{ marginBottom: 12 }}><Button type="primary" onClick={() => setDialog({ kind: 'register' })}>{t('reception.keys.register')}</Button></div>
        : <h1 className="pp-page-title">
          {t('reception.keys.title')}
          {has('frontdesk', 'supervisor', 'manager', 'admin') && <Button type="primary" onClick={() => setDialog({ kind: 'register' })}>{t('reception.keys.register')}</Button>}
        </h1>}
      <Card size="small" style={{ marginBottom: 12 }}>
        <Space>
          <Switch checked={overdue} onChange={(on) => { setOverdue(on); setPage(1); }} aria-label={t('reception.keys.overdueOnly')} />
          {t('reception.keys.overdueOnly')}
        </Space>
      </Card>
      {keys.error && <Alert type="error" showIcon title={problemMessage(keys.error, t)} style={{ marginBottom: 12 }} />}
      <Card size="small" styles={{ body: { padding: 0 } }} data-testid="unit-keys">
        <Table rowKey="id" size="small" columns={columns} dataSource={keys.data?.items} loading={keys.isFetching} scroll={{ x: 'max-content' }}
          rowClassName={(k) => (k.overdue ? 'pp-row-overdue' : '')}
          pagination={{ current: page, pageSize: 50, total: Number(keys.data?.total ?? 0), onChange: setPage, showSizeChanger: false }} />
      </Card>
      {dialog?.kind === 'register' && propertyId && (
        <RegisterKey propertyId={propertyId} onClose={() => setDialog(null)} onDone={() => { setDialog(null); message.success(t('reception.keys.registered')); refresh(); }} />
      )}
      {dialog?.kind === 'sign-out' && (
        <SignOutKey unitKey={dialog.key} onClose={() => setDialog(null)}
          onDone={(k) => { setDialog(null); message.success(t('reception.keys.signedOut', { name: k.holderName })); refresh(); }} />
      )}
    </>
  );
}

function RegisterKey({ propertyId, onClose, onDone }: { propertyId: string; onClose: () => void; onDone: () => void }) {
  const { t } = useTranslation();
  const [form] = Form.useForm<{ unitId: string; label: string }>();
  const units = useUnits(propertyId);
  const register = useMutation({ mutationFn: (v: { unitId: string; label: string }) => send<UnitKey>(`${base}/keys`, v), onSuccess: onDone });
  const required = [{ required: true, message: t('reception.common.required') }];
  return (
    <Modal open title={t('reception.keys.register')} onCancel={onClose} onOk={() => form.submit()} confirmLoading={register.isPending}
      okText={t('reception.common.ok')} cancelText={t('reception.common.cancel')} destroyOnHidden>
      {register.error && <Alert type="error" showIcon title={problemMessage(register.error, t)} style={{ marginBottom: 12 }} />}
      <Form form={form} layout="vertical" onFinish={(v) => register.mutate(v)}>
        <Form.Item name="unitId" label={t('reception.keys.unit')} rules={required}>
          <Select showSearch optionFilterProp="label" loading={units.isLoading}
            options={units.data?.map((u) => ({ value: u.id, label: `${u.buildingName} ${u.number}` }))} />
        </Form.Item>
        <Form.Item name="label" label={t('reception.keys.label')} rules={required}><Input maxLength={100} /></Form.Item>
      </Form>
    </Modal>
  );
}

/** Two hours from now, to the end of that hour, but no later than today's end: a key goes back the same day. */
function defaultReturn(): Dayjs {
  const proposed = dayjs().add(2, 'hour').endOf('hour');
  const endOfDay = dayjs().endOf('day');
  return proposed.isAfter(endOfDay) ? endOfDay : proposed;
}

interface SignOutForm { holderName: string; holderPhone?: string; reason: string; expectedReturn: Dayjs }

function SignOutKey({ unitKey, onClose, onDone }: { unitKey: UnitKey; onClose: () => void; onDone: (key: UnitKey) => void }) {
  const { t } = useTranslation();
  const [form] = Form.useForm<SignOutForm>();
  const signOut = useMutation({
    // The time is today's: a key goes back to the register the same day.
    mutationFn: (v: SignOutForm) => send<UnitKey>(`${base}/keys/${unitKey.id}/sign-out`, {
      holderName: v.holderName, holderPhone: v.holderPhone || null, reason: v.reason,
      expectedReturnAt: dayjs().hour(v.expectedReturn.hour()).minute(v.expectedReturn.minute()).second(0).toISOString(),
    }),
    onSuccess: onDone,
  });
  const required = [{ required: true, message: t('reception.common.required') }];
  return (
    <Modal open title={`${t('reception.keys.signOut')} · ${unitKey.buildingName} ${unitKey.unitNumber} ${unitKey.label}`} onCancel={onClose}
      onOk={() => form.submit()} confirmLoading={signOut.isPending} okText={t('reception.common.ok')} cancelText={t('reception.common.cancel')} destroyOnHidden>
      {signOut.error && <Alert type="error" showIcon title={problemMessage(signOut.error, t)} style={{ marginBottom: 12 }} />}
      <Form form={form} layout="vertical" onFinish={(v) => signOut.mutate(v)} initialValues={{ expectedReturn: defaultReturn() }}>
        <Space wrap>
          <Form.Item name="holderName" label={t('reception.keys.holder')} rules={required}><Input maxLength={100} /></Form.Item>
          <Form.Item name="holderPhone" label={t('reception.keys.holderPhone')}><Input inputMode="tel" maxLength={32} /></Form.Item>
        </Space>
        <Form.Item name="reason" label={t('reception.keys.reason')} rules={required}><Input maxLength={500} /></Form.Item>
        <Form.Item name="expectedReturn" label={t('reception.keys.expectedReturn')} extra={t('reception.keys.sameDay')} rules={required}>
          <TimePicker format="HH:mm" minuteStep={5} />
        </Form.Item>
      </Form>
    </Modal>
  );
}
