import { PlusOutlined } from '@ant-design/icons';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { Alert, App, Button, Card, DatePicker, Empty, Form, Input, InputNumber, Modal, QRCode, Select, Space, Tag } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { getJson, send } from '../../api/client';
import { problemMessage } from '../../api/problem';
import type { UnitPage } from '../../api/schema';
import { formatTime } from '../../components/format';
import { base, idTypes, passPayload, visitorCategories, type RegisterVisitRequest, type Visit, type VisitPage, type VisitorCategory } from './api';
import './texts';
import './deskTexts';
import './moreTexts';

interface InviteForm {
  unitId: string;
  visitorName: string;
  visitorPhone: string;
  idType: RegisterVisitRequest['idType'];
  idNumber: string;
  purpose: string;
  partySize: number;
  plateNumber?: string;
  window: [Dayjs, Dayjs];
  category: VisitorCategory;
}

/** The occupant's visitors: invite one and share the pass, answer walk-ins waiting at the desk, cancel an invitation. */
export function PortalVisitorsPage() {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const client = useQueryClient();
  const [inviting, setInviting] = useState(false);
  const [sharing, setSharing] = useState<Visit | null>(null);
  // The API shows an occupant only the visits to their own units.
  const visits = useQuery({
    queryKey: ['reception', 'visits', 'portal'],
    queryFn: ({ signal }) => getJson<VisitPage>(`${base}/visits?pageSize=50`, signal),
    refetchInterval: 15_000,
  });
  const refresh = () => client.invalidateQueries({ queryKey: ['reception', 'visits'] });
  const answer = useMutation({
    mutationFn: ({ visit, action }: { visit: Visit; action: 'confirm' | 'decline' | 'cancel' }) =>
      send<Visit>(`${base}/visits/${visit.id}/${action}`, action === 'confirm' ? undefined : action === 'cancel' ? { reason: t('portalVisitors.cancelled') } : {}),
    onSuccess: (_, { action }) => {
      message.success(t(action === 'confirm' ? 'portalVisitors.confirmed' : action === 'decline' ? 'portalVisitors.declined' : 'portalVisitors.cancelled'));
      refresh();
    },
    onError: (e) => message.error(problemMessage(e, t)),
  });
  const all = visits.data?.items ?? [];
  const waiting = all.filter((v) => v.status === 'awaiting_host');
  const others = all.filter((v) => v.status !== 'awaiting_host');
  return (
    <div style={{ maxWidth: 640, margin: '0 auto' }}>
      <h1 className="pp-page-title">
        {t('portalVisitors.title')}
        <Button type="primary" icon={<PlusOutlined />} onClick={() => setInviting(true)}>{t('portalVisitors.invite')}</Button>
      </h1>
      {visits.error && <Alert type="error" showIcon title={problemMessage(visits.error, t)} />}
      {waiting.length > 0 && (
        <Card size="small" title={t('portalVisitors.waiting')} style={{ marginBottom: 12 }}>
          {waiting.map((v) => (
            <Card key={v.id} size="small" type="inner" style={{ marginBottom: 8 }} data-testid="portal-waiting">
              <div><strong>{v.visitorName}</strong> · {t('gate.party', { count: v.partySize })} · {v.purpose}</div>
              <div className="pp-muted">{v.buildingName} {v.unitNumber} · {t('desk.confirmBy')} {dayjs(v.confirmBy).format('HH:mm')}</div>
              <Space style={{ marginTop: 8 }}>
                <Button type="primary" onClick={() => answer.mutate({ visit: v, action: 'confirm' })}>{t('portalVisitors.confirm')}</Button>
                <Button danger onClick={() => answer.mutate({ visit: v, action: 'decline' })}>{t('portalVisitors.decline')}</Button>
              </Space>
            </Card>
          ))}
        </Card>
      )}
      {others.length === 0 && !visits.isFetching && <Empty description={t('portalVisitors.empty')} />}
      <Space direction="vertical" style={{ width: '100%' }}>
        {others.map((v) => (
          <Card key={v.id} size="small" data-testid="portal-visit"
            title={<Space><span>{v.visitorName}</span><Tag>{t(`reception.visitors.status.${v.status}`, { defaultValue: v.status })}</Tag></Space>}
            extra={v.status === 'expected' && <Button size="small" onClick={() => setSharing(v)}>{t('portalVisitors.share')}</Button>}>
            <div>{v.buildingName} {v.unitNumber} · {v.purpose}</div>
            <div className="pp-muted">{formatTime(v.expectedFrom)} – {formatTime(v.expectedUntil)}</div>
            {v.status === 'expected' && (
              <Space style={{ marginTop: 8 }}>
                <span>{t('reception.visitors.passCode')}: <strong data-testid="portal-pass-code">{v.passCode}</strong></span>
                <Button size="small" onClick={() => answer.mutate({ visit: v, action: 'cancel' })}>{t('portalVisitors.cancel')}</Button>
              </Space>
            )}
          </Card>
        ))}
      </Space>
      {inviting && (
        <InviteVisitor onClose={() => setInviting(false)} onDone={(visit) => {
          setInviting(false);
          message.success(t('portalVisitors.invited', { code: visit.passCode }));
          setSharing(visit);
          refresh();
        }} />
      )}
      {sharing && <SharePass visit={sharing} onClose={() => setSharing(null)} />}
    </div>
  );
}

/** The pass to send to the visitor: the code and a QR code of it the gate can scan. */
function SharePass({ visit, onClose }: { visit: Visit; onClose: () => void }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const text = `${t('portalVisitors.passFor', { name: visit.visitorName })}: ${t('reception.visitors.passCode')} ${visit.passCode}, `
    + `${visit.buildingName} ${visit.unitNumber}, ${formatTime(visit.expectedFrom)} – ${formatTime(visit.expectedUntil)}`;
  const share = async () => {
    // The phone's share sheet where there is one; the clipboard otherwise.
    if (navigator.share) {
      await navigator.share({ title: t('portalVisitors.passFor', { name: visit.visitorName }), text }).catch(() => undefined);
      return;
    }
    await navigator.clipboard?.writeText(text);
    message.success(t('portalVisitors.copied'));
  };
  return (
    <Modal open title={t('portalVisitors.passFor', { name: visit.visitorName })} onCancel={onClose} footer={null}>
      <div style={{ display: 'grid', justifyItems: 'center', gap: 12 }} data-testid="portal-pass">
        <QRCode value={passPayload(visit)} size={200} />
        <div style={{ fontSize: 28, letterSpacing: 4, fontVariantNumeric: 'tabular-nums' }}>{visit.passCode}</div>
        <div className="pp-muted">{t('portalVisitors.showAtGate')}</div>
        <Button type="primary" onClick={share}>{t('portalVisitors.share')}</Button>
      </div>
    </Modal>
  );
}

function InviteVisitor({ onClose, onDone }: { onClose: () => void; onDone: (visit: Visit) => void }) {
  const { t } = useTranslation();
  const [form] = Form.useForm<InviteForm>();
  const units = useQuery({
    queryKey: ['my-units'],
    queryFn: ({ signal }) => getJson<UnitPage>('/api/directory/units?pageSize=200', signal),
  });
  const invite = useMutation({
    mutationFn: (v: InviteForm) => send<Visit>(`${base}/visits`, {
      unitId: v.unitId, visitorName: v.visitorName, visitorPhone: v.visitorPhone, idType: v.idType, idNumber: v.idNumber,
      plateNumber: v.plateNumber || null, purpose: v.purpose, partySize: v.partySize,
      expectedFrom: v.window[0].toISOString(), expectedUntil: v.window[1].toISOString(), category: v.category,
    } satisfies RegisterVisitRequest),
    onSuccess: onDone,
  });
  const required = [{ required: true, message: t('reception.common.required') }];
  const myUnits = units.data?.items ?? [];
  return (
    <Modal open title={t('portalVisitors.invite')} onCancel={onClose} onOk={() => form.submit()} confirmLoading={invite.isPending}
      okText={t('reception.common.ok')} cancelText={t('reception.common.cancel')} destroyOnHidden>
      {invite.error && <Alert type="error" showIcon title={problemMessage(invite.error, t)} style={{ marginBottom: 12 }} />}
      <Form form={form} layout="vertical" onFinish={(v) => invite.mutate(v)}
        initialValues={{ idType: 'resident_id_card', partySize: 1, category: 'ordinary', window: [dayjs(), dayjs().add(4, 'hour')], unitId: myUnits.length === 1 ? myUnits[0].id : undefined }}>
        <Form.Item name="unitId" label={t('reception.visitors.unit')} rules={required}>
          <Select loading={units.isLoading} options={myUnits.map((u) => ({ value: u.id, label: `${u.buildingName} ${u.number}` }))} />
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
        <Form.Item name="window" label={`${t('portalVisitors.from')} – ${t('portalVisitors.until')}`} rules={required}>
          <DatePicker.RangePicker showTime={{ format: 'HH:mm' }} format="MM-DD HH:mm" style={{ width: '100%' }} />
        </Form.Item>
        <Space wrap>
          <Form.Item name="partySize" label={t('reception.visitors.partySize')}><InputNumber min={1} max={50} /></Form.Item>
          <Form.Item name="plateNumber" label={t('reception.visitors.plate')}><Input maxLength={16} style={{ width: 140 }} /></Form.Item>
        </Space>
        <Form.Item name="category" label={t('desk.categoryLabel')} extra={t('desk.categoryHint')}>
          <Select options={visitorCategories.map((c) => ({ value: c, label: t(`desk.category.${c}`) }))} />
        </Form.Item>
      </Form>
    </Modal>
  );
}
