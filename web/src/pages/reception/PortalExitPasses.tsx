import { MinusCircleOutlined, PlusOutlined } from '@ant-design/icons';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { Alert, App, Button, Card, DatePicker, Empty, Form, Input, InputNumber, Modal, Select, Space, Tag, type UploadFile } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { getJson, send } from '../../api/client';
import { problemMessage } from '../../api/problem';
import { PhotoPicker, pickedFiles, uploadPhotos } from '../../components/Photos';
import type { UnitPage } from '../../api/schema';
import { base, type ApplyExitPassRequest, type ExitPass, type ExitPassPage, type Signer } from './api';
import { ReceptionPhotoStrip } from './ReceptionPhotos';
import './deskTexts';
import './moreTexts';

interface ApplyForm {
  unitId: string;
  carrierName: string;
  exitDate: Dayjs;
  signerPersonId: string;
  items: { name: string; quantity: number }[];
  photos?: UploadFile[];
}

/** A tenant applies for a goods exit pass (出门条) signed by an authorised signer, and follows the passes of their units. */
export function PortalExitPassesPage() {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const client = useQueryClient();
  const [applying, setApplying] = useState(false);
  const passes = useQuery({
    queryKey: ['reception', 'exit-passes', 'portal'],
    queryFn: ({ signal }) => getJson<ExitPassPage>(`${base}/exit-passes?pageSize=50`, signal),
  });
  const rows = passes.data?.items ?? [];
  return (
    <div style={{ maxWidth: 640, margin: '0 auto' }}>
      <h1 className="pp-page-title">
        {t('portalPasses.title')}
        <Button type="primary" icon={<PlusOutlined />} onClick={() => setApplying(true)}>{t('portalPasses.apply')}</Button>
      </h1>
      {passes.error && <Alert type="error" showIcon title={problemMessage(passes.error, t)} />}
      {rows.length === 0 && !passes.isFetching && <Empty description={t('portalPasses.empty')} />}
      <Space direction="vertical" style={{ width: '100%' }}>
        {rows.map((p) => (
          <Card key={p.id} size="small" data-testid="portal-exit-pass"
            title={<Space><span>{p.buildingName} {p.unitNumber} · {p.exitDate}</span><Tag>{t(`desk.pass.statusValues.${p.status}`)}</Tag></Space>}>
            <ul style={{ margin: 0, paddingInlineStart: 20 }}>
              {p.items.map((i) => <li key={i.sequence}>{i.name} × {i.quantity}{i.releasedQuantity != null && i.releasedQuantity !== i.quantity ? ` (${i.releasedQuantity})` : ''}</li>)}
            </ul>
            <div className="pp-muted">{t('portalPasses.carrier')}: {p.carrierName} · {t('portalPasses.signer')}: {p.signerName}</div>
            {p.gateNote && <div className="pp-muted">{p.gateNote}</div>}
            <ReceptionPhotoStrip path={`/exit-passes/${p.id}`} count={Number(p.photoCount)} size={64} testId="portal-exit-pass-photos" />
          </Card>
        ))}
      </Space>
      {applying && (
        <ApplyExitPass onClose={() => setApplying(false)} onDone={() => {
          setApplying(false);
          message.success(t('portalPasses.applied'));
          client.invalidateQueries({ queryKey: ['reception', 'exit-passes'] });
        }} />
      )}
    </div>
  );
}

function ApplyExitPass({ onClose, onDone }: { onClose: () => void; onDone: (pass: ExitPass) => void }) {
  const { t } = useTranslation();
  const [form] = Form.useForm<ApplyForm>();
  const unitId = Form.useWatch('unitId', form);
  const units = useQuery({
    queryKey: ['my-units'],
    queryFn: ({ signal }) => getJson<UnitPage>('/api/directory/units?pageSize=200', signal),
  });
  const signers = useQuery({
    queryKey: ['reception', 'signers', unitId],
    queryFn: ({ signal }) => getJson<Signer[]>(`${base}/exit-passes/signers?unitId=${unitId}`, signal),
    enabled: !!unitId,
  });
  const apply = useMutation({
    mutationFn: async (v: ApplyForm) => {
      const signer = signers.data?.find((s) => s.personId === v.signerPersonId);
      const pass = await send<ExitPass>(`${base}/exit-passes`, {
        unitId: v.unitId, carrierName: v.carrierName, exitDate: v.exitDate.format('YYYY-MM-DD'), signerPersonId: v.signerPersonId,
        signerName: signer?.personName ?? '', items: v.items,
      } satisfies ApplyExitPassRequest);
      // The photos of the goods go with the application, before the desk checks it.
      return (await uploadPhotos<ExitPass>(`${base}/exit-passes/${pass.id}/photos`, pickedFiles(v.photos))) ?? pass;
    },
    onSuccess: onDone,
  });
  const required = [{ required: true, message: t('reception.common.required') }];
  const myUnits = units.data?.items ?? [];
  return (
    <Modal open title={t('portalPasses.apply')} onCancel={onClose} onOk={() => form.submit()} confirmLoading={apply.isPending}
      okText={t('reception.common.ok')} cancelText={t('reception.common.cancel')} destroyOnHidden>
      {apply.error && <Alert type="error" showIcon title={problemMessage(apply.error, t)} style={{ marginBottom: 12 }} />}
      <Form form={form} layout="vertical" onFinish={(v) => apply.mutate(v)}
        initialValues={{ exitDate: dayjs(), items: [{ name: '', quantity: 1 }], unitId: myUnits.length === 1 ? myUnits[0].id : undefined }}>
        <Form.Item name="unitId" label={t('portalPasses.unit')} rules={required}>
          <Select loading={units.isLoading} options={myUnits.map((u) => ({ value: u.id, label: `${u.buildingName} ${u.number}` }))} />
        </Form.Item>
        <Form.Item name="carrierName" label={t('portalPasses.carrier')} rules={required}><Input maxLength={100} /></Form.Item>
        <Form.Item name="exitDate" label={t('portalPasses.date')} rules={required}>
          <DatePicker disabledDate={(d) => d.isBefore(dayjs(), 'day')} />
        </Form.Item>
        <Form.Item name="signerPersonId" label={t('portalPasses.signer')} rules={required}
          extra={unitId && signers.data?.length === 0 ? t('portalPasses.noSigners') : undefined}>
          <Select loading={signers.isFetching} options={signers.data?.map((s) => ({ value: s.personId, label: s.personName }))} />
        </Form.Item>
        <Form.List name="items">
          {(fields, { add, remove }) => (
            <>
              {fields.map((field) => (
                <Space key={field.key} align="baseline">
                  <Form.Item name={[field.name, 'name']} rules={required}><Input placeholder={t('portalPasses.itemName')} maxLength={100} /></Form.Item>
                  <Form.Item name={[field.name, 'quantity']} rules={required}><InputNumber min={1} max={10000} precision={0} aria-label={t('portalPasses.quantity')} /></Form.Item>
                  {fields.length > 1 && <MinusCircleOutlined onClick={() => remove(field.name)} />}
                </Space>
              ))}
              <Button type="dashed" onClick={() => add({ name: '', quantity: 1 })} icon={<PlusOutlined />}>{t('portalPasses.addItem')}</Button>
            </>
          )}
        </Form.List>
        <Form.Item name="photos" label={t('portalPasses.photos')} valuePropName="fileList" getValueFromEvent={(e) => e?.fileList} style={{ marginTop: 12 }}>
          <PhotoPicker testId="exit-pass-photo-picker" />
        </Form.Item>
      </Form>
    </Modal>
  );
}
