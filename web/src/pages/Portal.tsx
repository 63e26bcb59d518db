import { CameraOutlined, PlusOutlined } from '@ant-design/icons';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { Alert, App, Button, Card, Form, Input, Radio, Select, Upload, type UploadFile } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate } from 'react-router';
import { getJson, send } from '../api/client';
import { problemMessage } from '../api/problem';
import { categories, type SubmitWorkOrderRequest, type UnitPage, type WorkOrderDetail, type WorkOrderPage } from '../api/schema';
import { OrderCards } from '../components/OrderCards';

/** The occupant's phone: their units' repairs, newest first. */
export function PortalPage() {
  const { t } = useTranslation();
  const list = useQuery({
    queryKey: ['orders', 'portal'],
    queryFn: ({ signal }) => getJson<WorkOrderPage>('/api/workorders/work-orders?pageSize=50', signal),
  });
  return (
    <div style={{ maxWidth: 640, margin: '0 auto' }}>
      <h1 className="pp-page-title">
        {t('portal.title')}
        <Link to="/portal/new"><Button type="primary" icon={<PlusOutlined />}>{t('portal.new')}</Button></Link>
      </h1>
      {list.error && <Alert type="error" showIcon title={problemMessage(list.error, t)} />}
      <OrderCards orders={list.data?.items} empty={t('portal.empty')} />
    </div>
  );
}

interface Values { unitId: string; category: SubmitWorkOrderRequest['category']; description: string; location?: string; photos?: UploadFile[] }

export function PortalNewPage() {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const navigate = useNavigate();
  const client = useQueryClient();
  const [busy, setBusy] = useState(false);
  const units = useQuery({
    queryKey: ['my-units'],
    queryFn: ({ signal }) => getJson<UnitPage>('/api/directory/units?pageSize=200', signal),
  });
  const onlyUnit = units.data?.items.length === 1 ? units.data.items[0].id : undefined;

  const submit = async (values: Values) => {
    setBusy(true);
    try {
      const order = await send<WorkOrderDetail>('/api/workorders/work-orders', {
        unitId: values.unitId ?? onlyUnit, category: values.category, priority: 'normal', channel: 'occupant_app',
        description: values.description.trim(), location: values.location?.trim() || null, contactName: null, contactPhone: null, preferredTime: null,
      } satisfies SubmitWorkOrderRequest);
      const files = values.photos?.map((f) => f.originFileObj).filter((f): f is NonNullable<typeof f> => !!f) ?? [];
      if (files.length > 0) {
        const data = new FormData();
        files.forEach((f) => data.append('files', f, f.name));
        await send(`/api/workorders/work-orders/${order.id}/photos`, data);
      }
      message.success(t('portal.submitted'));
      client.invalidateQueries({ queryKey: ['orders'] });
      navigate(`/orders/${order.id}`);
    } catch (e) {
      message.error(problemMessage(e, t));
    } finally {
      setBusy(false);
    }
  };

  return (
    <div style={{ maxWidth: 640, margin: '0 auto' }}>
      <h1 className="pp-page-title">{t('portal.new')}</h1>
      <Card>
        <Form layout="vertical" onFinish={submit} initialValues={{ category: 'plumbing' }} requiredMark={false}>
          {!onlyUnit && (
            <Form.Item name="unitId" label={t('order.unit')} rules={[{ required: true, message: t('intake.pickUnit') }]}>
              <Select loading={units.isLoading} options={units.data?.items.map((u) => ({ value: u.id, label: `${u.buildingName} ${u.number}` }))} />
            </Form.Item>
          )}
          <Form.Item name="category" label={t('order.category')}>
            <Radio.Group optionType="button" options={categories.map((c) => ({ value: c, label: t(`category.${c}`) }))} />
          </Form.Item>
          <Form.Item name="description" label={t('order.description')} rules={[{ required: true, whitespace: true, message: t('common.required') }]}>
            <Input.TextArea rows={4} maxLength={2000} placeholder={t('portal.describe')} />
          </Form.Item>
          <Form.Item name="location" label={t('order.location')}><Input maxLength={200} /></Form.Item>
          <Form.Item name="photos" label={t('portal.photos')} valuePropName="fileList" getValueFromEvent={(e) => e?.fileList}>
            <Upload listType="picture-card" accept="image/jpeg,image/png,image/webp" capture="environment" beforeUpload={() => false} maxCount={6} multiple>
              <div><CameraOutlined style={{ fontSize: 20 }} /><div style={{ fontSize: 12 }}>{t('actions.choosePhoto')}</div></div>
            </Upload>
          </Form.Item>
          <Button type="primary" htmlType="submit" block size="large" loading={busy}>{t('portal.submit')}</Button>
        </Form>
      </Card>
    </div>
  );
}
