import { ReloadOutlined } from '@ant-design/icons';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { Alert, App, Button, Card, Form, Input, InputNumber, List, Modal, Select, Space, Table, Tabs, Tag } from 'antd';
import type { ColumnsType } from 'antd/es/table';
import dayjs from 'dayjs';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { getJson, send } from '../../api/client';
import { problemMessage } from '../../api/problem';
import { formatTime } from '../../components/format';
import { useProperty } from '../../components/useProperty';
import { useSession } from '../../auth/session';
import {
  base, deskLists, idTypes, today, type ExitPass, type ExitPassPage, type Handover, type HandoverPage, type OpenItem,
  type RegisterWalkInRequest, type Visit, type VisitPage, type VisitorCategory, visitorCategories,
} from './api';
import { DeskAccessCards, DeskBlocklist } from './DeskCards';
import { DeskEnquiries } from './Enquiries';
import { InspectionsPage } from './Inspections';
import { KeysPage } from './Keys';
import { LostFoundPage } from './LostFound';
import { useUnits } from './Visitors';
import './texts';
import './deskTexts';

/** The front desk's reception desk: today's visitors (walk-ins waiting for their host first), exit passes to verify, the handover. */
export function DeskPage() {
  const { t } = useTranslation();
  const { propertyId } = useProperty();
  const { has } = useSession();
  // The front desk does not read the blocklist's reasons (the API answers 403); supervisors and managers keep it.
  const keepsBlocklist = has('security', 'supervisor', 'manager', 'admin');
  return (
    <>
      <h1 className="pp-page-title">{t('desk.title')}</h1>
      {propertyId && (
        <Card size="small">
          <Tabs
            items={[
              { key: 'visitors', label: t('desk.visitors'), children: <DeskVisitors propertyId={propertyId} /> },
              { key: 'exit-passes', label: t('desk.exitPasses'), children: <DeskExitPasses propertyId={propertyId} /> },
              { key: 'lost-found', label: t('nav.lostFound'), children: <LostFoundPage embedded /> },
              { key: 'keys', label: t('nav.keys'), children: <KeysPage embedded /> },
              { key: 'inspections', label: t('inspections.tab'), children: <InspectionsPage embedded /> },
              { key: 'enquiries', label: t('reception.enquiries.tab'), children: <DeskEnquiries propertyId={propertyId} /> },
              { key: 'handover', label: t('desk.handover'), children: <DeskHandover propertyId={propertyId} /> },
              { key: 'access-cards', label: t('cards.tab'), children: <DeskAccessCards propertyId={propertyId} /> },
              ...(keepsBlocklist ? [{ key: 'blocklist', label: t('blocklist.tab'), children: <DeskBlocklist propertyId={propertyId} /> }] : []),
            ]}
          />
        </Card>
      )}
    </>
  );
}

function DeskVisitors({ propertyId }: { propertyId: string }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const client = useQueryClient();
  const [registering, setRegistering] = useState(false);
  const day = today();
  const visits = useQuery({
    queryKey: ['reception', 'visits', propertyId, day],
    queryFn: ({ signal }) => getJson<VisitPage>(`${base}/visits?propertyId=${propertyId}&date=${day}&pageSize=200`, signal),
    refetchInterval: 15_000,
  });
  const lists = deskLists(visits.data?.items ?? []);
  const answer = useMutation({
    mutationFn: ({ visit, action }: { visit: Visit; action: 'confirm' | 'decline' }) => send<Visit>(`${base}/visits/${visit.id}/${action}`, action === 'decline' ? {} : undefined),
    onSuccess: (visit, { action }) => {
      message.success(t(action === 'confirm' ? 'desk.confirmed' : 'desk.declined', { name: visit.visitorName }));
      client.invalidateQueries({ queryKey: ['reception', 'visits'] });
    },
    onError: (e) => message.error(problemMessage(e, t)),
  });

  const base_columns: ColumnsType<Visit> = [
    {
      title: t('reception.visitors.visitor'), key: 'visitor',
      render: (_, v) => <>
        <div>
          {v.visitorName} {v.category !== 'ordinary' && <Tag color="purple">{t(`desk.category.${v.category}`)}</Tag>}
          {v.overstaying && <Tag color="red">{t('desk.overstaying')}</Tag>}
        </div>
        <div className="pp-muted">{v.visitorPhone}</div>
      </>,
    },
    { title: t('reception.visitors.unit'), key: 'unit', render: (_, v) => `${v.buildingName} ${v.unitNumber}` },
    { title: t('reception.visitors.purpose'), dataIndex: 'purpose', responsive: ['md'] },
    { title: t('reception.visitors.passCode'), dataIndex: 'passCode', responsive: ['lg'] },
  ];
  const awaitingColumns: ColumnsType<Visit> = [
    ...base_columns,
    { title: t('desk.confirmBy'), dataIndex: 'confirmBy', render: (v) => dayjs(v).format('HH:mm') },
    {
      title: t('reception.common.actions'), key: 'actions',
      render: (_, v) => (
        <Space wrap>
          <Button size="small" type="primary" onClick={() => answer.mutate({ visit: v, action: 'confirm' })}>{t('desk.confirm')}</Button>
          <Button size="small" danger onClick={() => answer.mutate({ visit: v, action: 'decline' })}>{t('desk.decline')}</Button>
        </Space>
      ),
    },
  ];
  const expectedColumns: ColumnsType<Visit> = [
    ...base_columns,
    { title: t('reception.visitors.window'), key: 'window', render: (_, v) => `${dayjs(v.expectedFrom).format('HH:mm')} – ${dayjs(v.expectedUntil).format('HH:mm')}` },
  ];
  const onSiteColumns: ColumnsType<Visit> = [
    ...base_columns,
    { title: t('reception.visitors.arrivedAt'), dataIndex: 'checkedInAt', render: (v) => formatTime(v) },
    { title: t('desk.stayUntil'), dataIndex: 'expectedUntil', render: (v) => dayjs(v).format('HH:mm') },
  ];
  const table = (rows: Visit[], columns: ColumnsType<Visit>, testId: string) => (
    <Table rowKey="id" size="small" columns={columns} dataSource={rows} loading={visits.isFetching} pagination={false}
      scroll={{ x: 'max-content' }} locale={{ emptyText: t('desk.empty') }} data-testid={testId} />
  );

  return (
    <>
      <Space style={{ marginBottom: 12 }}>
        <Button type="primary" onClick={() => setRegistering(true)}>{t('desk.walkIn')}</Button>
        <Button icon={<ReloadOutlined />} aria-label={t('reception.common.refresh')} onClick={() => visits.refetch()} />
      </Space>
      {visits.error && <Alert type="error" showIcon title={problemMessage(visits.error, t)} style={{ marginBottom: 12 }} />}
      <h3>{t('desk.awaiting')} ({lists.awaiting.length})</h3>
      {table(lists.awaiting, awaitingColumns, 'desk-awaiting')}
      <h3 style={{ marginTop: 16 }}>{t('desk.expected')} ({lists.expected.length})</h3>
      {table(lists.expected, expectedColumns, 'desk-expected')}
      <h3 style={{ marginTop: 16 }}>{t('desk.onSite')} ({lists.onSite.length})</h3>
      {table(lists.onSite, onSiteColumns, 'desk-on-site')}
      {registering && (
        <RegisterWalkIn propertyId={propertyId} onClose={() => setRegistering(false)} onDone={(visit) => {
          setRegistering(false);
          message.success(t('desk.walkInRegistered', { code: visit.passCode }));
          client.invalidateQueries({ queryKey: ['reception', 'visits'] });
        }} />
      )}
    </>
  );
}

interface WalkInForm {
  unitId: string;
  visitorName: string;
  visitorPhone: string;
  idType: RegisterWalkInRequest['idType'];
  idNumber: string;
  plateNumber?: string;
  purpose: string;
  partySize: number;
  category: VisitorCategory;
}

function RegisterWalkIn({ propertyId, onClose, onDone }: { propertyId: string; onClose: () => void; onDone: (visit: Visit) => void }) {
  const { t } = useTranslation();
  const [form] = Form.useForm<WalkInForm>();
  const units = useUnits(propertyId);
  const register = useMutation({
    mutationFn: (v: WalkInForm) => send<Visit>(`${base}/visits/walk-ins`, {
      unitId: v.unitId, visitorName: v.visitorName, visitorPhone: v.visitorPhone, idType: v.idType, idNumber: v.idNumber,
      plateNumber: v.plateNumber || null, purpose: v.purpose, partySize: v.partySize, expectedUntil: null, category: v.category,
    } satisfies RegisterWalkInRequest),
    onSuccess: onDone,
  });
  const required = [{ required: true, message: t('reception.common.required') }];
  return (
    <Modal open title={t('desk.walkIn')} onCancel={onClose} onOk={() => form.submit()} confirmLoading={register.isPending}
      okText={t('reception.common.ok')} cancelText={t('reception.common.cancel')} destroyOnHidden>
      {register.error && <Alert type="error" showIcon title={problemMessage(register.error, t)} style={{ marginBottom: 12 }} />}
      <Form form={form} layout="vertical" onFinish={(v) => register.mutate(v)} initialValues={{ idType: 'resident_id_card', partySize: 1, category: 'ordinary' }}>
        <Form.Item name="unitId" label={t('reception.visitors.unit')} rules={required}>
          <Select showSearch optionFilterProp="label" loading={units.isLoading}
            options={units.data?.map((u) => ({ value: u.id, label: `${u.buildingName} ${u.number}` }))} />
        </Form.Item>
        <Form.Item name="visitorName" label={t('reception.visitors.visitor')} rules={required}><Input maxLength={100} /></Form.Item>
        <Form.Item name="visitorPhone" label={t('reception.visitors.phone')} rules={required}><Input inputMode="tel" maxLength={32} /></Form.Item>
        <Space.Compact style={{ width: '100%' }}>
          <Form.Item name="idType" label={t('reception.visitors.idType')} style={{ width: '40%' }}>
            <Select options={idTypes.map((i) => ({ value: i, label: t(`reception.idType.${i}`) }))} />
          </Form.Item>
          <Form.Item name="idNumber" label={t('reception.visitors.idNumber')} style={{ width: '60%' }} rules={required}><Input maxLength={64} /></Form.Item>
        </Space.Compact>
        <Form.Item name="purpose" label={t('reception.visitors.purpose')} rules={required}><Input maxLength={200} /></Form.Item>
        <Space wrap>
          <Form.Item name="partySize" label={t('reception.visitors.partySize')}><InputNumber min={1} max={50} /></Form.Item>
          <Form.Item name="plateNumber" label={t('reception.visitors.plate')}><Input maxLength={16} style={{ width: 140 }} /></Form.Item>
          {/* VIP, government and media visits are told to the manager. */}
          <Form.Item name="category" label={t('desk.categoryLabel')} extra={t('desk.categoryHint')}>
            <Select style={{ width: 120 }} options={visitorCategories.map((c) => ({ value: c, label: t(`desk.category.${c}`) }))} />
          </Form.Item>
        </Space>
      </Form>
    </Modal>
  );
}

/** Exit passes of the property: those to verify first, then the archive, searchable. */
function DeskExitPasses({ propertyId }: { propertyId: string }) {
  const { t } = useTranslation();
  const { message, modal } = App.useApp();
  const client = useQueryClient();
  const [q, setQ] = useState('');
  const passes = useQuery({
    queryKey: ['reception', 'exit-passes', propertyId, q],
    queryFn: ({ signal }) => getJson<ExitPassPage>(`${base}/exit-passes?propertyId=${propertyId}&pageSize=100${q ? `&q=${encodeURIComponent(q)}` : ''}`, signal),
  });
  const act = useMutation({
    mutationFn: ({ pass, action, reason }: { pass: ExitPass; action: 'verify' | 'reject'; reason?: string }) =>
      send<ExitPass>(`${base}/exit-passes/${pass.id}/${action}`, action === 'reject' ? { reason } : undefined),
    onSuccess: (_, { action }) => {
      message.success(t(action === 'verify' ? 'desk.pass.verified' : 'desk.pass.rejected'));
      client.invalidateQueries({ queryKey: ['reception', 'exit-passes'] });
    },
    onError: (e) => message.error(problemMessage(e, t)),
  });
  const reject = (pass: ExitPass) => {
    let reason = '';
    modal.confirm({
      title: t('desk.pass.reject'),
      content: <Input.TextArea aria-label={t('desk.pass.reason')} placeholder={t('desk.pass.reason')} maxLength={500} onChange={(e) => { reason = e.target.value; }} />,
      okText: t('reception.common.ok'), cancelText: t('reception.common.cancel'),
      onOk: () => act.mutateAsync({ pass, action: 'reject', reason }),
    });
  };
  const columns: ColumnsType<ExitPass> = [
    { title: t('desk.pass.unit'), key: 'unit', render: (_, p) => `${p.buildingName} ${p.unitNumber}` },
    { title: t('desk.pass.date'), dataIndex: 'exitDate' },
    { title: t('desk.pass.items'), key: 'items', render: (_, p) => p.items.map((i) => `${i.name} ×${i.quantity}`).join('，') },
    { title: t('desk.pass.carrier'), dataIndex: 'carrierName', responsive: ['md'] },
    { title: t('desk.pass.signer'), dataIndex: 'signerName' },
    { title: t('desk.pass.status'), dataIndex: 'status', render: (s: ExitPass['status']) => <Tag color={s === 'submitted' ? 'gold' : s === 'rejected' || s === 'refused' ? 'red' : 'green'}>{t(`desk.pass.statusValues.${s}`)}</Tag> },
    {
      title: t('reception.common.actions'), key: 'actions',
      render: (_, p) => p.status === 'submitted' && (
        <Space wrap>
          <Button size="small" type="primary" onClick={() => act.mutate({ pass: p, action: 'verify' })}>{t('desk.pass.verify')}</Button>
          <Button size="small" onClick={() => reject(p)}>{t('desk.pass.reject')}</Button>
        </Space>
      ),
    },
  ];
  return (
    <>
      <Input.Search allowClear placeholder={t('desk.pass.search')} style={{ maxWidth: 360, marginBottom: 12 }} onSearch={setQ} />
      {passes.error && <Alert type="error" showIcon title={problemMessage(passes.error, t)} style={{ marginBottom: 12 }} />}
      <Table rowKey="id" size="small" columns={columns} dataSource={passes.data?.items ?? []} loading={passes.isFetching}
        pagination={false} scroll={{ x: 'max-content' }} locale={{ emptyText: t('desk.empty') }} data-testid="desk-exit-passes" />
    </>
  );
}

/** The shift's open items, handing them over with notes, and acknowledging the previous shift's handover. */
function DeskHandover({ propertyId }: { propertyId: string }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const client = useQueryClient();
  const [notes, setNotes] = useState('');
  const open = useQuery({
    queryKey: ['reception', 'open-items', propertyId],
    queryFn: ({ signal }) => getJson<OpenItem[]>(`${base}/handovers/open-items?propertyId=${propertyId}`, signal),
  });
  const pending = useQuery({
    queryKey: ['reception', 'handovers', propertyId],
    queryFn: ({ signal }) => getJson<HandoverPage>(`${base}/handovers?propertyId=${propertyId}&acknowledged=false&pageSize=20`, signal),
  });
  const handOver = useMutation({
    mutationFn: () => send<Handover>(`${base}/handovers`, { propertyId, notes: notes || null }),
    onSuccess: (h) => {
      message.success(t('desk.open.handedOver', { count: h.items.length }));
      setNotes('');
      client.invalidateQueries({ queryKey: ['reception', 'handovers'] });
    },
    onError: (e) => message.error(problemMessage(e, t)),
  });
  const acknowledge = useMutation({
    mutationFn: (h: Handover) => send<Handover>(`${base}/handovers/${h.id}/acknowledge`, {}),
    onSuccess: () => {
      message.success(t('desk.open.acknowledged'));
      client.invalidateQueries({ queryKey: ['reception', 'handovers'] });
    },
    onError: (e) => message.error(problemMessage(e, t)),
  });
  const item = (i: { kind: OpenItem['kind']; summary: string; since: string; overdue: boolean }) => (
    <List.Item>
      <Space wrap>
        <Tag>{t(`desk.open.kinds.${i.kind}`)}</Tag>
        <span>{i.summary}</span>
        <span className="pp-muted">{formatTime(i.since)}</span>
        {i.overdue && <Tag color="red">{t('desk.open.overdue')}</Tag>}
      </Space>
    </List.Item>
  );
  return (
    <div style={{ display: 'grid', gap: 16 }}>
      {(pending.data?.items ?? []).map((h) => (
        <Card key={h.id} size="small" title={`${t('desk.open.pending')} · ${t('desk.open.by')} ${h.handedOverByName} · ${formatTime(h.handedOverAt)}`}
          extra={<Button type="primary" size="small" loading={acknowledge.isPending} onClick={() => acknowledge.mutate(h)}>{t('desk.open.acknowledge')}</Button>}
          data-testid="handover-pending">
          {h.notes && <p>{h.notes}</p>}
          <List size="small" dataSource={h.items} renderItem={item} locale={{ emptyText: t('desk.open.none') }} />
        </Card>
      ))}
      <Card size="small" title={t('desk.open.title')} data-testid="handover-open-items">
        {open.error && <Alert type="error" showIcon title={problemMessage(open.error, t)} />}
        <List size="small" loading={open.isFetching} dataSource={open.data ?? []} renderItem={item} locale={{ emptyText: t('desk.open.none') }} />
        <Input.TextArea rows={3} maxLength={2000} value={notes} onChange={(e) => setNotes(e.target.value)}
          placeholder={t('desk.open.notes')} aria-label={t('desk.open.notes')} style={{ margin: '12px 0' }} />
        <Button type="primary" loading={handOver.isPending} onClick={() => handOver.mutate()}>{t('desk.open.handOver')}</Button>
      </Card>
    </div>
  );
}
