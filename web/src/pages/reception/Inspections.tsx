import { MinusCircleOutlined, PlusOutlined } from '@ant-design/icons';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { Alert, App, Button, Card, DatePicker, Form, Input, Modal, Radio, Select, Space, Table, Tag } from 'antd';
import type { ColumnsType } from 'antd/es/table';
import dayjs, { type Dayjs } from 'dayjs';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { getJson, query, send } from '../../api/client';
import { problemMessage } from '../../api/problem';
import { useProperty } from '../../components/useProperty';
import { base, type Inspection, type InspectionKind, type InspectionPage, type RecordInspectionRequest } from './api';
import { useUnits } from './Visitors';
import './moreTexts';
import './texts';

const categories = ['plumbing', 'electrical', 'hvac', 'doors_and_locks', 'lifts', 'cleaning', 'other'] as const;
const priorities = ['emergency', 'high', 'normal', 'low'] as const;

/**
 * Inspections of vacant units (空置房巡查): the weekly round of an area and the full inspection on the 20th, each with its
 * findings per unit; a finding given a work-order category asks WorkOrders for an order. `embedded`: a desk tab.
 */
export function InspectionsPage({ embedded = false }: { embedded?: boolean }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const { propertyId } = useProperty();
  const client = useQueryClient();
  const [recording, setRecording] = useState(false);
  const [page, setPage] = useState(1);
  const search = query({ propertyId, page, pageSize: 20 });
  const list = useQuery({
    queryKey: ['reception', 'inspections', search],
    queryFn: ({ signal }) => getJson<InspectionPage>(`${base}/inspections${search}`, signal),
    enabled: !!propertyId,
  });
  const columns: ColumnsType<Inspection> = [
    { title: t('inspections.on'), dataIndex: 'inspectedOn' },
    { title: t('inspections.kind'), key: 'kind', render: (_, i) => <>{t(`inspections.kinds.${i.kind}`)}{i.area ? ` · ${i.area}` : ''}</> },
    { title: t('inspections.inspector'), dataIndex: 'inspectorName', responsive: ['md'] },
    {
      title: t('inspections.findings'), key: 'findings',
      render: (_, i) => i.findings.length === 0 ? <span className="pp-muted">{t('inspections.none')}</span> : (
        <div>{i.findings.map((f) => (
          <div key={f.sequence}>{f.buildingName} {f.unitNumber}：{f.finding} {f.workOrderRequested && <Tag color="orange">{t('inspections.orderAsked')}</Tag>}</div>
        ))}</div>
      ),
    },
  ];
  const record = <Button type="primary" onClick={() => setRecording(true)}>{t('inspections.record')}</Button>;
  return (
    <>
      {embedded ? <div style={{ marginBottom: 12 }}>{record}</div> : <h1 className="pp-page-title">{t('inspections.title')}{record}</h1>}
      {list.error && <Alert type="error" showIcon title={problemMessage(list.error, t)} style={{ marginBottom: 12 }} />}
      <Card size="small" styles={{ body: { padding: 0 } }} data-testid="inspections">
        <Table rowKey="id" size="small" columns={columns} dataSource={list.data?.items} loading={list.isFetching} scroll={{ x: 'max-content' }}
          pagination={{ current: page, pageSize: 20, total: Number(list.data?.total ?? 0), onChange: setPage, showSizeChanger: false }} />
      </Card>
      {recording && propertyId && (
        <RecordInspection propertyId={propertyId} onClose={() => setRecording(false)} onDone={(i) => {
          setRecording(false);
          message.success(t('inspections.recorded', { count: i.findings.filter((f) => f.workOrderRequested).length }));
          client.invalidateQueries({ queryKey: ['reception', 'inspections'] });
        }} />
      )}
    </>
  );
}

interface InspectionForm {
  kind: InspectionKind; area?: string; inspectedOn: Dayjs; notes?: string;
  findings: { unitId: string; finding: string; workOrderCategory?: (typeof categories)[number]; workOrderPriority?: (typeof priorities)[number] }[];
}

function RecordInspection({ propertyId, onClose, onDone }: { propertyId: string; onClose: () => void; onDone: (i: Inspection) => void }) {
  const { t } = useTranslation();
  const [form] = Form.useForm<InspectionForm>();
  const kind = Form.useWatch('kind', form);
  const units = useUnits(propertyId);
  const save = useMutation({
    mutationFn: (v: InspectionForm) => send<Inspection>(`${base}/inspections`, {
      propertyId, kind: v.kind, area: v.kind === 'weekly_area' ? v.area ?? null : null, inspectedOn: v.inspectedOn.format('YYYY-MM-DD'),
      notes: v.notes ?? null,
      findings: (v.findings ?? []).map((f) => ({
        unitId: f.unitId, finding: f.finding, workOrderCategory: f.workOrderCategory ?? null,
        workOrderPriority: f.workOrderCategory ? f.workOrderPriority ?? 'normal' : null,
      })),
    } satisfies RecordInspectionRequest),
    onSuccess: onDone,
  });
  const required = [{ required: true, message: t('reception.common.required') }];
  return (
    <Modal open width={720} title={t('inspections.record')} onCancel={onClose} onOk={() => form.submit()} confirmLoading={save.isPending}
      okText={t('reception.common.ok')} cancelText={t('reception.common.cancel')} destroyOnHidden>
      {save.error && <Alert type="error" showIcon title={problemMessage(save.error, t)} style={{ marginBottom: 12 }} />}
      <Form form={form} layout="vertical" onFinish={(v) => save.mutate(v)}
        initialValues={{ kind: dayjs().date() === 20 ? 'full' : 'weekly_area', inspectedOn: dayjs(), findings: [] }}>
        <Form.Item name="kind" label={t('inspections.kind')} extra={kind === 'full' ? t('inspections.fullHint') : undefined}>
          <Radio.Group options={(['weekly_area', 'full'] as const).map((k) => ({ value: k, label: t(`inspections.kinds.${k}`) }))} />
        </Form.Item>
        <Space wrap>
          {kind === 'weekly_area' && <Form.Item name="area" label={t('inspections.area')} rules={required}><Input maxLength={100} /></Form.Item>}
          <Form.Item name="inspectedOn" label={t('inspections.on')} rules={required}>
            <DatePicker disabledDate={(d) => d.isAfter(dayjs(), 'day')} />
          </Form.Item>
        </Space>
        <Form.List name="findings">
          {(fields, { add, remove }) => (
            <>
              {fields.map((field) => (
                <Card key={field.key} size="small" style={{ marginBottom: 8 }} data-testid="inspection-finding"
                  extra={<MinusCircleOutlined onClick={() => remove(field.name)} aria-label={t('inspections.removeFinding')} />}>
                  <Space wrap align="start">
                    <Form.Item name={[field.name, 'unitId']} label={t('inspections.unit')} rules={required}>
                      <Select showSearch optionFilterProp="label" style={{ width: 160 }} loading={units.isLoading}
                        options={units.data?.map((u) => ({ value: u.id, label: `${u.buildingName} ${u.number}` }))} />
                    </Form.Item>
                    <Form.Item name={[field.name, 'finding']} label={t('inspections.finding')} rules={required}><Input style={{ width: 260 }} maxLength={500} /></Form.Item>
                  </Space>
                  <Space wrap>
                    <Form.Item name={[field.name, 'workOrderCategory']} label={t('inspections.raiseOrder')}>
                      <Select allowClear style={{ width: 160 }} placeholder={t('inspections.noOrder')}
                        options={categories.map((c) => ({ value: c, label: t(`category.${c}`) }))} />
                    </Form.Item>
                    <Form.Item name={[field.name, 'workOrderPriority']} label={t('order.priority')}>
                      <Select allowClear style={{ width: 120 }} placeholder={t('priority.normal')}
                        options={priorities.map((p) => ({ value: p, label: t(`priority.${p}`) }))} />
                    </Form.Item>
                  </Space>
                </Card>
              ))}
              <Button type="dashed" onClick={() => add({ unitId: undefined, finding: '' })} icon={<PlusOutlined />}>{t('inspections.addFinding')}</Button>
            </>
          )}
        </Form.List>
        <Form.Item name="notes" label={t('inspections.notes')} style={{ marginTop: 12 }}><Input.TextArea rows={2} maxLength={2000} /></Form.Item>
      </Form>
    </Modal>
  );
}
