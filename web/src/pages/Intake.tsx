import { useQueryClient } from '@tanstack/react-query';
import { App, Button, Card, Col, DatePicker, Form, Input, Radio, Result, Row, Select, Space } from 'antd';
import type { Dayjs } from 'dayjs';
import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { getJson, send } from '../api/client';
import { problemMessage } from '../api/problem';
import { categories, priorities, type SubmitWorkOrderRequest, type WorkOrderDetail } from '../api/schema';
import { useEngineers } from '../components/engineers';
import { searchUnits } from '../components/unitSearch';
import { useUnitDirectory } from '../components/unitDirectory';
import { useProperty } from '../components/useProperty';

interface OccupantRecord { id: string; name: string; kind: string; phone: string | null }

interface Values {
  unitId: string;
  channel: 'phone' | 'walk_in';
  category: SubmitWorkOrderRequest['category'];
  priority: SubmitWorkOrderRequest['priority'];
  description: string;
  location?: string;
  contactName?: string;
  contactPhone?: string;
  preferredTime?: Dayjs;
}

/** After filing: dispatch at once without leaving the keyboard. */
function Filed({ order, onAnother }: { order: WorkOrderDetail; onAnother: () => void }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const engineers = useEngineers(order.propertyId);
  const [assigneeId, setAssigneeId] = useState<string>();
  const [dispatched, setDispatched] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const dispatch = async () => {
    if (!assigneeId) return;
    setBusy(true);
    try {
      const result = await send<WorkOrderDetail>(`/api/workorders/work-orders/${order.id}/dispatch`, { assigneeId });
      setDispatched(result.assigneeName ?? '');
      message.success(t('actions.done'));
    } catch (e) {
      message.error(problemMessage(e, t));
    } finally {
      setBusy(false);
    }
  };
  return (
    <Card>
      <Result
        status="success"
        title={t('intake.submitted', { number: order.number })}
        subTitle={`${order.buildingName} ${order.unitNumber} · ${t(`category.${order.category}`)} · ${order.description}`}
        extra={
          <Space direction="vertical" style={{ width: '100%', maxWidth: 420 }}>
            {dispatched === null ? (
              <Space.Compact style={{ width: '100%' }}>
                <Select
                  autoFocus showSearch optionFilterProp="label" placeholder={t('actions.pickEngineer')} style={{ flex: 1, textAlign: 'left' }}
                  value={assigneeId} onChange={setAssigneeId} aria-label={t('actions.engineer')} data-testid="dispatch-engineer"
                  options={engineers.data?.map((e) => ({ value: e.personId, label: `${e.name} ${e.phone}` }))}
                />
                <Button type="primary" onClick={dispatch} loading={busy} disabled={!assigneeId}>{t('intake.dispatchNow')}</Button>
              </Space.Compact>
            ) : (
              <div>{t('status.dispatched')} · {dispatched}</div>
            )}
            <Space>
              <Link to={`/orders/${order.id}`}><Button>{t('intake.view')}</Button></Link>
              <Button onClick={onAnother}>{t('intake.another')}</Button>
            </Space>
          </Space>
        }
      />
    </Card>
  );
}

export function IntakePage() {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const client = useQueryClient();
  const { propertyId } = useProperty();
  const directory = useUnitDirectory(propertyId);
  const [form] = Form.useForm<Values>();
  const [search, setSearch] = useState('');
  const [busy, setBusy] = useState(false);
  const [filed, setFiled] = useState<WorkOrderDetail | null>(null);
  const matches = useMemo(() => searchUnits(directory.data ?? [], search), [directory.data, search]);

  // The person holding the unit, when the desk files for them: they are told of the repair's progress in their inbox.
  const [requester, setRequester] = useState<{ id: string; name: string } | null>(null);

  const pickUnit = async (unitId: string) => {
    const choice = directory.data?.find((c) => c.unit.id === unitId);
    const holder = choice?.holders.find((h) => h.kind === 'person') ?? choice?.holders[0];
    setRequester(holder?.kind === 'person' ? { id: holder.occupantId, name: holder.name } : null);
    if (!holder) return;
    // The list masks phones; the occupant's record has the number the engineer will call.
    try {
      const record = await getJson<OccupantRecord>(`/api/directory/occupants/${holder.occupantId}`);
      form.setFieldsValue({ contactName: record.name, contactPhone: record.phone ?? undefined });
    } catch {
      form.setFieldsValue({ contactName: holder.name });
    }
  };

  const submit = async (values: Values) => {
    setBusy(true);
    try {
      const body: SubmitWorkOrderRequest = {
        unitId: values.unitId, category: values.category, priority: values.priority, channel: values.channel,
        description: values.description.trim(), location: values.location?.trim() || null,
        contactName: values.contactName?.trim() || null, contactPhone: values.contactPhone?.trim() || null,
        preferredTime: values.preferredTime ? values.preferredTime.toISOString() : null,
        // Only while the contact is still that person: a caller who is someone else is not them.
        requesterId: requester && values.contactName?.trim() === requester.name ? requester.id : null,
      };
      const order = await send<WorkOrderDetail>('/api/workorders/work-orders', body);
      client.invalidateQueries({ queryKey: ['board'] });
      client.invalidateQueries({ queryKey: ['orders'] });
      setFiled(order);
    } catch (e) {
      message.error(problemMessage(e, t));
    } finally {
      setBusy(false);
    }
  };

  if (filed) return <Filed order={filed} onAnother={() => { setFiled(null); form.resetFields(); setSearch(''); setRequester(null); }} />;

  return (
    <>
      <h1 className="pp-page-title">{t('intake.title')}</h1>
      <Card>
        <Form
          form={form} layout="vertical" onFinish={submit} requiredMark={false}
          initialValues={{ channel: 'phone', priority: 'normal', category: 'plumbing' }}
          onKeyDown={(e) => { if (e.key === 'Enter' && (e.ctrlKey || e.metaKey)) { e.preventDefault(); form.submit(); } }}
        >
          <Row gutter={16}>
            <Col xs={24} md={14}>
              <Form.Item name="unitId" label={t('intake.find')} rules={[{ required: true, message: t('intake.pickUnit') }]}>
                <Select
                  autoFocus showSearch filterOption={false} onSearch={setSearch} onChange={pickUnit} loading={directory.isLoading}
                  placeholder={t('intake.findPlaceholder')} notFoundContent={t('intake.noMatch')} data-testid="unit-search"
                  options={matches.map(({ unit, holders }) => ({
                    value: unit.id,
                    label: (
                      <span>
                        <b>{unit.buildingName} {unit.number}</b>
                        <span className="pp-muted"> {holders.map((h) => `${h.name}${h.phone ? ` ${h.phone}` : ''}`).join('；')}</span>
                      </span>
                    ),
                  }))}
                />
              </Form.Item>
            </Col>
            <Col xs={24} md={10}>
              <Form.Item name="channel" label={t('order.channel')}>
                <Radio.Group optionType="button" options={(['phone', 'walk_in'] as const).map((c) => ({ value: c, label: t(`channel.${c}`) }))} />
              </Form.Item>
            </Col>
          </Row>
          <Form.Item name="category" label={t('order.category')} rules={[{ required: true }]}>
            <Radio.Group optionType="button" options={categories.map((c) => ({ value: c, label: t(`category.${c}`) }))} />
          </Form.Item>
          <Form.Item name="priority" label={t('order.priority')} rules={[{ required: true }]}>
            <Radio.Group optionType="button" options={priorities.map((p) => ({ value: p, label: t(`priority.${p}`) }))} />
          </Form.Item>
          <Form.Item name="description" label={t('order.description')} rules={[{ required: true, whitespace: true, message: t('common.required') }, { max: 2000 }]}>
            <Input.TextArea rows={3} showCount maxLength={2000} />
          </Form.Item>
          <Row gutter={16}>
            <Col xs={24} md={12}>
              <Form.Item name="location" label={t('order.location')}><Input maxLength={200} /></Form.Item>
            </Col>
            <Col xs={24} md={12}>
              <Form.Item name="preferredTime" label={t('order.preferredTime')}>
                <DatePicker showTime={{ format: 'HH:mm', minuteStep: 15 }} format="YYYY-MM-DD HH:mm" style={{ width: '100%' }} />
              </Form.Item>
            </Col>
            <Col xs={24} md={12}>
              <Form.Item name="contactName" label={t('order.contactName')}><Input maxLength={100} /></Form.Item>
            </Col>
            <Col xs={24} md={12}>
              <Form.Item name="contactPhone" label={t('order.contactPhone')}><Input maxLength={30} inputMode="tel" /></Form.Item>
            </Col>
          </Row>
          <Button type="primary" htmlType="submit" loading={busy} size="large">{t('intake.submit')}</Button>
        </Form>
      </Card>
    </>
  );
}
