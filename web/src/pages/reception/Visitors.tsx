import { ReloadOutlined } from '@ant-design/icons';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { Alert, App, Button, Card, DatePicker, Form, Input, InputNumber, Modal, Select, Space, Table, Tabs, Tag } from 'antd';
import type { ColumnsType } from 'antd/es/table';
import dayjs, { type Dayjs } from 'dayjs';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ApiError, getJson, send } from '../../api/client';
import { getAll } from '../../api/pages';
import { problemMessage } from '../../api/problem';
import type { Unit } from '../../api/schema';
import { formatTime } from '../../components/format';
import { useProperty } from '../../components/useProperty';
import { base, idTypes, splitVisits, today, type RegisterVisitRequest, type Visit, type VisitPage } from './api';
import './texts';

/** The gate and the front desk: today's expected, on-site and departed visitors; check in by pass code, check out, register. */
export function VisitorsPage() {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const { propertyId } = useProperty();
  const client = useQueryClient();
  const [code, setCode] = useState('');
  const [found, setFound] = useState<Visit | null>(null);
  const [registering, setRegistering] = useState(false);
  const day = today();

  const visits = useQuery({
    queryKey: ['reception', 'visits', propertyId, day],
    queryFn: ({ signal }) => getJson<VisitPage>(`${base}/visits?propertyId=${propertyId}&date=${day}&pageSize=200`, signal),
    enabled: !!propertyId,
    refetchInterval: 30_000,
  });
  const lists = splitVisits(visits.data?.items ?? []);

  const lookUp = useMutation({
    mutationFn: (value: string) => getJson<Visit>(`${base}/visits/by-pass-code/${encodeURIComponent(value)}?propertyId=${propertyId}`),
    onSuccess: setFound,
    onError: (e) => {
      setFound(null);
      message.error(e instanceof ApiError && e.status === 404 ? t('reception.visitors.notFound') : problemMessage(e, t));
    },
  });
  const act = useMutation({
    mutationFn: ({ visit, action }: { visit: Visit; action: 'check-in' | 'check-out' }) => send<Visit>(`${base}/visits/${visit.id}/${action}`),
    onSuccess: (visit, { action }) => {
      message.success(t(action === 'check-in' ? 'reception.visitors.checkedIn' : 'reception.visitors.checkedOut', { name: visit.visitorName }));
      setFound(null);
      setCode('');
      client.invalidateQueries({ queryKey: ['reception', 'visits'] });
    },
    onError: (e) => message.error(problemMessage(e, t)),
  });

  const columns: ColumnsType<Visit> = [
    { title: t('reception.visitors.visitor'), key: 'visitor', render: (_, v) => <><div>{v.visitorName}</div><div className="pp-muted">{v.visitorPhone}</div></> },
    { title: t('reception.visitors.unit'), key: 'unit', render: (_, v) => `${v.buildingName} ${v.unitNumber}` },
    { title: t('reception.visitors.window'), key: 'window', responsive: ['md'], render: (_, v) => `${formatTime(v.expectedFrom)} – ${dayjs(v.expectedUntil).format('HH:mm')}` },
    { title: t('reception.visitors.purpose'), dataIndex: 'purpose', responsive: ['lg'] },
    { title: t('reception.visitors.partySize'), dataIndex: 'partySize', responsive: ['lg'] },
    { title: t('reception.visitors.plate'), dataIndex: 'plateNumber', responsive: ['lg'], render: (p) => p ?? '—' },
    { title: t('reception.visitors.arrivedAt'), dataIndex: 'checkedInAt', responsive: ['md'], render: (v) => formatTime(v) },
    {
      title: t('reception.common.actions'), key: 'actions',
      render: (_, v) => v.status === 'expected'
        ? <Button size="small" onClick={() => act.mutate({ visit: v, action: 'check-in' })}>{t('reception.visitors.checkIn')}</Button>
        : v.status === 'checked_in'
          ? <Button size="small" onClick={() => act.mutate({ visit: v, action: 'check-out' })}>{t('reception.visitors.checkOut')}</Button>
          : v.checkedOutAt ? <span className="pp-muted">{formatTime(v.checkedOutAt)}</span> : null,
    },
  ];
  const table = (rows: Visit[]) => (
    <Table rowKey="id" size="small" columns={columns} dataSource={rows} loading={visits.isFetching} pagination={false}
      scroll={{ x: 'max-content' }} locale={{ emptyText: t('reception.visitors.empty') }} />
  );

  return (
    <>
      <h1 className="pp-page-title">
        {t('reception.visitors.title')}
        <Space>
          <Button icon={<ReloadOutlined />} aria-label={t('reception.common.refresh')} onClick={() => visits.refetch()} />
          <Button type="primary" onClick={() => setRegistering(true)}>{t('reception.visitors.register')}</Button>
        </Space>
      </h1>
      <Card size="small" style={{ marginBottom: 12 }}>
        <Space.Compact style={{ width: '100%', maxWidth: 360 }}>
          <Input
            inputMode="numeric" maxLength={8} value={code} placeholder={t('reception.visitors.passCodePlaceholder')}
            aria-label={t('reception.visitors.passCode')} onChange={(e) => setCode(e.target.value.replace(/\D/g, ''))}
            onPressEnter={() => code.length === 8 && lookUp.mutate(code)}
          />
          <Button type="primary" disabled={code.length !== 8} loading={lookUp.isPending} onClick={() => lookUp.mutate(code)}>
            {t('reception.visitors.find')}
          </Button>
        </Space.Compact>
        {found && (
          <Card size="small" style={{ marginTop: 12 }} data-testid="pass-code-visit">
            <div style={{ display: 'grid', gap: 4 }}>
              <div><strong>{found.visitorName}</strong> · {found.buildingName} {found.unitNumber} <Tag>{t(`reception.visitors.status.${found.status}`)}</Tag></div>
              <div className="pp-muted">{t(`reception.idType.${found.idType}`)} {found.idNumberMasked} · {found.partySize} · {found.purpose}</div>
              <div className="pp-muted">{formatTime(found.expectedFrom)} – {formatTime(found.expectedUntil)}</div>
              <div className="pp-actions">
                {found.status === 'expected' && <Button type="primary" onClick={() => act.mutate({ visit: found, action: 'check-in' })}>{t('reception.visitors.checkIn')}</Button>}
                {found.status === 'checked_in' && <Button onClick={() => act.mutate({ visit: found, action: 'check-out' })}>{t('reception.visitors.checkOut')}</Button>}
              </div>
            </div>
          </Card>
        )}
      </Card>
      {visits.error && <Alert type="error" showIcon title={problemMessage(visits.error, t)} style={{ marginBottom: 12 }} />}
      <Card size="small">
        <Tabs
          items={[
            { key: 'expected', label: `${t('reception.visitors.expected')} (${lists.expected.length})`, children: table(lists.expected) },
            { key: 'on-site', label: `${t('reception.visitors.onSite')} (${lists.onSite.length})`, children: table(lists.onSite) },
            { key: 'departed', label: `${t('reception.visitors.departed')} (${lists.departed.length})`, children: table(lists.departed) },
          ]}
        />
      </Card>
      {registering && propertyId && (
        <RegisterVisit propertyId={propertyId} onClose={() => setRegistering(false)} onDone={(visit) => {
          setRegistering(false);
          message.success(t('reception.visitors.registered', { code: visit.passCode }));
          client.invalidateQueries({ queryKey: ['reception', 'visits'] });
        }} />
      )}
    </>
  );
}

interface VisitForm {
  unitId: string;
  visitorName: string;
  visitorPhone: string;
  idType: RegisterVisitRequest['idType'];
  idNumber: string;
  plateNumber?: string;
  purpose: string;
  partySize: number;
  window: [Dayjs, Dayjs];
}

function RegisterVisit({ propertyId, onClose, onDone }: { propertyId: string; onClose: () => void; onDone: (visit: Visit) => void }) {
  const { t } = useTranslation();
  const [form] = Form.useForm<VisitForm>();
  const units = useUnits(propertyId);
  const register = useMutation({
    mutationFn: (v: VisitForm) => send<Visit>(`${base}/visits`, {
      unitId: v.unitId, visitorName: v.visitorName, visitorPhone: v.visitorPhone, idType: v.idType, idNumber: v.idNumber,
      plateNumber: v.plateNumber || null, purpose: v.purpose, partySize: v.partySize,
      expectedFrom: v.window[0].toISOString(), expectedUntil: v.window[1].toISOString(),
    } satisfies RegisterVisitRequest),
    onSuccess: onDone,
  });
  return (
    <Modal open title={t('reception.visitors.register')} onCancel={onClose} onOk={() => form.submit()} confirmLoading={register.isPending}
      okText={t('reception.common.ok')} cancelText={t('reception.common.cancel')} destroyOnHidden>
      {register.error && <Alert type="error" showIcon title={problemMessage(register.error, t)} style={{ marginBottom: 12 }} />}
      <Form form={form} layout="vertical" onFinish={(v) => register.mutate(v)}
        initialValues={{ idType: 'resident_id_card', partySize: 1, window: [dayjs(), dayjs().add(2, 'hour')] }}>
        <Form.Item name="unitId" label={t('reception.visitors.unit')} rules={[{ required: true, message: t('reception.common.required') }]}>
          <Select showSearch optionFilterProp="label" loading={units.isLoading}
            options={units.data?.map((u) => ({ value: u.id, label: `${u.buildingName} ${u.number}` }))} />
        </Form.Item>
        <Form.Item name="visitorName" label={t('reception.visitors.visitor')} rules={[{ required: true, message: t('reception.common.required') }]}><Input maxLength={100} /></Form.Item>
        <Form.Item name="visitorPhone" label={t('reception.visitors.phone')} rules={[{ required: true, message: t('reception.common.required') }]}><Input inputMode="tel" maxLength={32} /></Form.Item>
        <Space.Compact style={{ width: '100%' }}>
          <Form.Item name="idType" label={t('reception.visitors.idType')} style={{ width: '40%' }}>
            <Select options={idTypes.map((i) => ({ value: i, label: t(`reception.idType.${i}`) }))} />
          </Form.Item>
          <Form.Item name="idNumber" label={t('reception.visitors.idNumber')} style={{ width: '60%' }} rules={[{ required: true, message: t('reception.common.required') }]}>
            <Input maxLength={64} />
          </Form.Item>
        </Space.Compact>
        <Form.Item name="purpose" label={t('reception.visitors.purpose')} rules={[{ required: true, message: t('reception.common.required') }]}><Input maxLength={200} /></Form.Item>
        <Space wrap>
          <Form.Item name="partySize" label={t('reception.visitors.partySize')}><InputNumber min={1} max={50} /></Form.Item>
          <Form.Item name="plateNumber" label={t('reception.visitors.plate')}><Input maxLength={16} style={{ width: 140 }} /></Form.Item>
        </Space>
        <Form.Item name="window" label={t('reception.visitors.window')} rules={[{ required: true, message: t('reception.common.required') }]}>
          <DatePicker.RangePicker showTime={{ format: 'HH:mm' }} format="MM-DD HH:mm" style={{ width: '100%' }} />
        </Form.Item>
      </Form>
    </Modal>
  );
}

/** The property's units, for choosing a host unit or a vacant unit's key. */
export function useUnits(propertyId: string | undefined) {
  return useQuery({
    queryKey: ['units', propertyId],
    queryFn: ({ signal }) => getAll<Unit>(`/api/directory/units?propertyId=${propertyId}`, signal),
    enabled: !!propertyId,
    staleTime: 5 * 60_000,
  });
}
