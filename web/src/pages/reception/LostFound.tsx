import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { Alert, App, Button, Card, Checkbox, DatePicker, Form, Input, InputNumber, Modal, Select, Space, Switch, Table, Tag, Timeline, type UploadFile } from 'antd';
import type { ColumnsType } from 'antd/es/table';
import dayjs, { type Dayjs } from 'dayjs';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { getJson, query, send } from '../../api/client';
import { problemMessage } from '../../api/problem';
import { useSession } from '../../auth/session';
import { formatTime } from '../../components/format';
import { PhotoPicker, pickedFiles, uploadPhotos } from '../../components/Photos';
import { useProperty } from '../../components/useProperty';
import { base, disposals, idTypes, lostCategories, lostStatuses, type IdDocumentType, type LostItem, type LostItemCategory, type LostItemDisposal, type LostItemPage } from './api';
import { ReceptionPhotoStrip } from './ReceptionPhotos';
import './moreTexts';
import './texts';

type Dialog = { kind: 'register' } | { kind: 'claim'; item: LostItem } | { kind: 'dispose'; item: LostItem } | null;

/**
 * Lost and found (拾遗): the register, search, claims and a manager's disposal. `embedded`: a tab of the reception
 * desk, without the page's heading.
 */
export function LostFoundPage({ embedded = false }: { embedded?: boolean }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const { propertyId } = useProperty();
  const { has } = useSession();
  const client = useQueryClient();
  const [filters, setFilters] = useState<{ status?: string; q?: string; date?: string; dueForDisposal?: boolean }>({ status: 'held' });
  const [page, setPage] = useState(1);
  const [dialog, setDialog] = useState<Dialog>(null);
  const search = query({ propertyId, ...filters, page, pageSize: 20 });

  const list = useQuery({
    queryKey: ['reception', 'lost-items', search],
    queryFn: ({ signal }) => getJson<LostItemPage>(`${base}/lost-items${search}`, signal),
    enabled: !!propertyId,
  });
  const done = (text: string) => {
    setDialog(null);
    message.success(text);
    client.invalidateQueries({ queryKey: ['reception', 'lost-items'] });
  };

  const columns: ColumnsType<LostItem> = [
    {
      title: t('reception.lost.item'), key: 'item',
      render: (_, i) => <>
        <div>
          {i.item} {i.isValuable && <Tag color="gold">{t('reception.lost.valuable')}</Tag>}
          {i.claimRequests.some((r) => r.status === 'waiting') && <Tag color="blue">{t('portalLost.request')} {i.claimRequests.filter((r) => r.status === 'waiting').length}</Tag>}
        </div>
        <div className="pp-muted">{i.features}</div>
      </>,
    },
    { title: t('reception.lost.foundAt'), dataIndex: 'foundAt', render: (v) => formatTime(v) },
    { title: t('reception.lost.place'), dataIndex: 'place', responsive: ['md'] },
    { title: t('reception.lost.finder'), dataIndex: 'finderName', responsive: ['lg'] },
    { title: t('reception.lost.custody'), dataIndex: 'custodian', responsive: ['md'], render: (c) => t(`reception.lost.custodian.${c}`) },
    {
      title: t('reception.lost.retainUntil'), key: 'retain', responsive: ['lg'],
      render: (_, i) => <>{dayjs(i.retainUntil).format('YYYY-MM-DD')} {i.dueForDisposal && <Tag color="red">{t('reception.lost.due')}</Tag>}</>,
    },
    {
      title: t('order.status'), key: 'status',
      render: (_, i) => <Tag>{t(`reception.lost.status.${i.status}`)}</Tag>,
    },
    {
      title: t('reception.common.actions'), key: 'actions',
      render: (_, i) => i.status !== 'held' ? (i.claimantName ?? (i.disposal ? t(`reception.lost.disposal.${i.disposal}`) : null)) : (
        <div className="pp-actions">
          {has('frontdesk', 'supervisor', 'manager', 'admin') && <Button size="small" onClick={() => setDialog({ kind: 'claim', item: i })}>{t('reception.lost.claim')}</Button>}
          {has('manager', 'admin') && i.dueForDisposal && <Button size="small" danger onClick={() => setDialog({ kind: 'dispose', item: i })}>{t('reception.lost.dispose')}</Button>}
        </div>
      ),
    },
  ];

  const set = (changes: typeof filters) => {
    setFilters({ ...filters, ...changes });
    setPage(1);
  };

  return (
    <>
      {embedded
        ? <div style={{ marginBottom: 12 }}><Button type="primary" onClick={() => setDialog({ kind: 'register' })}>{t('reception.lost.register')}</Button></div>
        : <h1 className="pp-page-title">
          {t('reception.lost.title')}
          <Button type="primary" onClick={() => setDialog({ kind: 'register' })}>{t('reception.lost.register')}</Button>
        </h1>}
      <Card size="small" style={{ marginBottom: 12 }}>
        <Space wrap>
          <Input.Search allowClear placeholder={t('reception.lost.search')} onSearch={(q) => set({ q })} style={{ width: 260, maxWidth: '100%' }} aria-label={t('reception.lost.search')} />
          <Select allowClear value={filters.status} placeholder={t('order.status')} style={{ width: 120 }} onChange={(status) => set({ status })}
            aria-label={t('order.status')} options={lostStatuses.map((s) => ({ value: s, label: t(`reception.lost.status.${s}`) }))} />
          <DatePicker value={filters.date ? dayjs(filters.date) : null} onChange={(d) => set({ date: d?.format('YYYY-MM-DD') })} aria-label={t('reception.lost.foundAt')} />
          <Space>
            <Switch checked={!!filters.dueForDisposal} onChange={(on) => set({ dueForDisposal: on || undefined })} aria-label={t('reception.lost.dueOnly')} />
            {t('reception.lost.dueOnly')}
          </Space>
        </Space>
      </Card>
      {list.error && <Alert type="error" showIcon title={problemMessage(list.error, t)} style={{ marginBottom: 12 }} />}
      <Card size="small" styles={{ body: { padding: 0 } }} data-testid="lost-items">
        <Table rowKey="id" size="small" columns={columns} dataSource={list.data?.items} loading={list.isFetching} scroll={{ x: 'max-content' }}
          expandable={{ expandedRowRender: (i) => <CustodyLog item={i} /> }}
          pagination={{ current: page, pageSize: 20, total: Number(list.data?.total ?? 0), onChange: setPage, showSizeChanger: false }} />
      </Card>
      {dialog?.kind === 'register' && propertyId && (
        <RegisterFound propertyId={propertyId} onClose={() => setDialog(null)} onDone={() => done(t('reception.lost.registered'))} />
      )}
      {dialog?.kind === 'claim' && <ClaimItem item={dialog.item} onClose={() => setDialog(null)} onDone={(i) => done(t('reception.lost.claimed', { name: i.claimantName }))} />}
      {dialog?.kind === 'dispose' && <DisposeItem item={dialog.item} onClose={() => setDialog(null)} onDone={() => done(t('reception.lost.disposed'))} />}
    </>
  );
}

function CustodyLog({ item }: { item: LostItem }) {
  const { t } = useTranslation();
  return (
    <div>
      <div className="pp-muted" style={{ marginBottom: 8 }}>{t('reception.lost.log')} · {t('reception.lost.recorder')} {item.recordedByName}</div>
      <Timeline items={item.custodyLog.map((e) => ({
        key: e.sequence,
        content: <><strong>{t(`reception.lost.custodian.${e.custodian}`)}</strong> · {formatTime(e.at)} · {e.actorName}<div className="pp-muted">{e.note}</div></>,
      }))} />
      <ReceptionPhotoStrip path={`/lost-items/${item.id}`} count={Number(item.photoCount)} size={72} testId="lost-item-photos" />
    </div>
  );
}

interface FoundForm {
  foundAt: Dayjs; item: string; category: LostItemCategory; features: string; place: string; finderName: string; finderPhone?: string; estimatedValue?: number; photos?: UploadFile[];
}

function RegisterFound({ propertyId, onClose, onDone }: { propertyId: string; onClose: () => void; onDone: () => void }) {
  const { t } = useTranslation();
  const [form] = Form.useForm<FoundForm>();
  const register = useMutation({
    mutationFn: async ({ photos, ...v }: FoundForm) => {
      const item = await send<LostItem>(`${base}/lost-items`, { ...v, propertyId, foundAt: v.foundAt.toISOString(), estimatedValue: v.estimatedValue ?? null });
      // Registered with its photos: one step for the desk, two requests as every service takes photos.
      return (await uploadPhotos<LostItem>(`${base}/lost-items/${item.id}/photos`, pickedFiles(photos))) ?? item;
    },
    onSuccess: onDone,
  });
  const required = [{ required: true, message: t('reception.common.required') }];
  return (
    <Modal open title={t('reception.lost.register')} onCancel={onClose} onOk={() => form.submit()} confirmLoading={register.isPending}
      okText={t('reception.common.ok')} cancelText={t('reception.common.cancel')} destroyOnHidden>
      {register.error && <Alert type="error" showIcon title={problemMessage(register.error, t)} style={{ marginBottom: 12 }} />}
      <Form form={form} layout="vertical" onFinish={(v) => register.mutate(v)} initialValues={{ foundAt: dayjs(), category: 'general' }}>
        <Form.Item name="item" label={t('reception.lost.item')} rules={required}><Input maxLength={100} /></Form.Item>
        <Space wrap>
          <Form.Item name="category" label={t('reception.lost.category')}>
            <Select style={{ width: 140 }} options={lostCategories.map((c) => ({ value: c, label: t(`reception.lost.categories.${c}`) }))} />
          </Form.Item>
          <Form.Item name="estimatedValue" label={t('reception.lost.value')}><InputNumber min={0} precision={2} style={{ width: 140 }} /></Form.Item>
        </Space>
        <Form.Item name="features" label={t('reception.lost.features')} rules={required}><Input.TextArea rows={2} maxLength={500} /></Form.Item>
        <Form.Item name="place" label={t('reception.lost.place')} rules={required}><Input maxLength={200} /></Form.Item>
        <Form.Item name="foundAt" label={t('reception.lost.foundAt')} rules={required}><DatePicker showTime={{ format: 'HH:mm' }} format="YYYY-MM-DD HH:mm" /></Form.Item>
        <Space wrap>
          <Form.Item name="finderName" label={t('reception.lost.finder')} rules={required}><Input maxLength={100} /></Form.Item>
          <Form.Item name="finderPhone" label={t('reception.lost.finderPhone')}><Input inputMode="tel" maxLength={32} /></Form.Item>
        </Space>
        <Form.Item name="photos" label={t('reception.lost.photos')} valuePropName="fileList" getValueFromEvent={(e) => e?.fileList}>
          <PhotoPicker testId="lost-item-photo-picker" />
        </Form.Item>
      </Form>
    </Modal>
  );
}

interface ClaimForm {
  claimRequestId?: string; claimantName: string; claimantPhone?: string; idType: IdDocumentType; idNumber: string; featuresVerified: boolean; placeVerified: boolean;
}

function ClaimItem({ item, onClose, onDone }: { item: LostItem; onClose: () => void; onDone: (item: LostItem) => void }) {
  const { t } = useTranslation();
  const [form] = Form.useForm<ClaimForm>();
  const claim = useMutation({ mutationFn: (v: ClaimForm) => send<LostItem>(`${base}/lost-items/${item.id}/claim`, v), onSuccess: onDone });
  const requests = item.claimRequests.filter((r) => r.status === 'waiting');
  const required = [{ required: true, message: t('reception.common.required') }];
  const mustCheck = [{ validator: (_: unknown, v: boolean) => (v ? Promise.resolve() : Promise.reject(new Error(t('reception.lost.mustVerify')))) }];
  return (
    <Modal open title={`${t('reception.lost.claim')} · ${item.item}`} onCancel={onClose} onOk={() => form.submit()} confirmLoading={claim.isPending}
      okText={t('reception.common.ok')} cancelText={t('reception.common.cancel')} destroyOnHidden>
      {claim.error && <Alert type="error" showIcon title={problemMessage(claim.error, t)} style={{ marginBottom: 12 }} />}
      <Form form={form} layout="vertical" onFinish={(v) => claim.mutate(v)} initialValues={{ idType: 'resident_id_card', featuresVerified: false, placeVerified: false }}>
        {requests.length > 0 && (
          // An occupant who asked from the portal: their description and place to compare, their name and phone filled in.
          <Form.Item name="claimRequestId" label={t('portalLost.request')}>
            <Select allowClear options={requests.map((r) => ({ value: r.id, label: `${r.personName} · ${r.description} · ${r.placeLost}` }))}
              onChange={(id) => {
                const r = requests.find((x) => x.id === id);
                if (r) form.setFieldsValue({ claimantName: r.personName, claimantPhone: r.phone ?? undefined });
              }} />
          </Form.Item>
        )}
        <Space wrap>
          <Form.Item name="claimantName" label={t('reception.lost.claimant')} rules={required}><Input maxLength={100} /></Form.Item>
          <Form.Item name="claimantPhone" label={t('reception.lost.claimantPhone')}><Input inputMode="tel" maxLength={32} /></Form.Item>
        </Space>
        <Space wrap>
          <Form.Item name="idType" label={t('reception.visitors.idType')}>
            <Select style={{ width: 140 }} options={idTypes.map((i) => ({ value: i, label: t(`reception.idType.${i}`) }))} />
          </Form.Item>
          <Form.Item name="idNumber" label={t('reception.visitors.idNumber')} rules={required}><Input maxLength={64} /></Form.Item>
        </Space>
        <Form.Item name="featuresVerified" valuePropName="checked" rules={mustCheck}><Checkbox>{t('reception.lost.featuresVerified')}</Checkbox></Form.Item>
        <Form.Item name="placeVerified" valuePropName="checked" rules={mustCheck}><Checkbox>{t('reception.lost.placeVerified')}</Checkbox></Form.Item>
      </Form>
    </Modal>
  );
}

function DisposeItem({ item, onClose, onDone }: { item: LostItem; onClose: () => void; onDone: () => void }) {
  const { t } = useTranslation();
  const [form] = Form.useForm<{ decision: LostItemDisposal; note?: string }>();
  const dispose = useMutation({
    mutationFn: (v: { decision: LostItemDisposal; note?: string }) => send<LostItem>(`${base}/lost-items/${item.id}/dispose`, v),
    onSuccess: onDone,
  });
  return (
    <Modal open title={`${t('reception.lost.dispose')} · ${item.item}`} onCancel={onClose} onOk={() => form.submit()} confirmLoading={dispose.isPending}
      okText={t('reception.common.ok')} cancelText={t('reception.common.cancel')} destroyOnHidden>
      {dispose.error && <Alert type="error" showIcon title={problemMessage(dispose.error, t)} style={{ marginBottom: 12 }} />}
      <Form form={form} layout="vertical" onFinish={(v) => dispose.mutate(v)}>
        <Form.Item name="decision" label={t('reception.lost.decision')} rules={[{ required: true, message: t('reception.common.required') }]}>
          <Select options={disposals.map((d) => ({ value: d, label: t(`reception.lost.disposal.${d}`) }))} />
        </Form.Item>
        <Form.Item name="note" label={t('reception.lost.note')}><Input.TextArea rows={2} maxLength={500} /></Form.Item>
      </Form>
    </Modal>
  );
}
