import { UploadOutlined } from '@ant-design/icons';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { Alert, App, Button, Card, DatePicker, Form, Input, Radio, Select, Space, Table, Tag } from 'antd';
import dayjs from 'dayjs';
import { useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { getJson, send } from '../../api/client';
import { useSession } from '../../auth/session';
import { useProperty } from '../../components/useProperty';
import { useUnitDirectory } from '../../components/unitDirectory';
import { base, meterItems, monthOf, parseReading, today, type MeterItem, type MeterReading, type MeterReadingImport, type MeterReadingRequest } from './api';
import { billingProblem } from './problems';
import { UnitPicker } from './UnitPicker';
import './texts';

interface EntryValues { unitId: string | null; item: MeterItem; meter: string; readOn: dayjs.Dayjs; value: string }

function EntryForm({ propertyId }: { propertyId: string }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const client = useQueryClient();
  const directory = useUnitDirectory(propertyId);
  const [form] = Form.useForm<EntryValues>();
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const submit = async (v: EntryValues) => {
    const value = parseReading(v.value ?? '');
    if (!v.unitId || value === null || busy) return;
    setBusy(true);
    setError(null);
    try {
      const body: MeterReadingRequest = { unitId: v.unitId, item: v.item, meter: v.meter?.trim() || null, readOn: v.readOn.format('YYYY-MM-DD'), value };
      const reading = await send<MeterReading>(`${base}/meter-readings`, body);
      if (reading.status === 'flagged') message.warning(t('billing.meters.flaggedDone', { reason: reading.flagReason ?? '' }));
      else message.success(t('billing.meters.recorded', { usage: reading.usage ?? '—' }));
      form.setFieldsValue({ value: '', unitId: null });
      await client.invalidateQueries({ queryKey: ['billing', 'meter-readings'] });
    } catch (e) {
      setError(billingProblem(e, t));
    } finally {
      setBusy(false);
    }
  };
  return (
    <Form form={form} layout="vertical" onFinish={submit} requiredMark={false} initialValues={{ item: 'water', meter: '', readOn: dayjs(today()), value: '', unitId: null }}>
      {error && <Alert type="error" showIcon title={error} style={{ marginBottom: 12 }} />}
      <Form.Item name="unitId" label={t('billing.columns.unit')} rules={[{ required: true, message: t('billing.desk.pick') }]}>
        <UnitPicker id="meter-unit" choices={directory.data ?? []} loading={directory.isLoading} value={Form.useWatch('unitId', form) ?? null}
          onChange={(id) => form.setFieldsValue({ unitId: id })} />
      </Form.Item>
      <Space wrap align="start">
        <Form.Item name="item" label={t('billing.columns.item')}>
          <Radio.Group optionType="button" options={meterItems.map((i) => ({ value: i, label: t(`billing.item.${i}`) }))} />
        </Form.Item>
        <Form.Item name="meter" label={t('billing.meters.meter')} rules={[{ max: 40 }]}>
          <Input placeholder={t('billing.meters.meterHint')} style={{ width: 160 }} />
        </Form.Item>
        <Form.Item name="readOn" label={t('billing.meters.readOn')}>
          <DatePicker allowClear={false} disabledDate={(d) => d.isAfter(dayjs(), 'day')} />
        </Form.Item>
        <Form.Item name="value" label={t('billing.meters.value')}
          rules={[{ validator: (_, v: string) => (parseReading(v ?? '') === null ? Promise.reject(new Error(t('billing.meters.badValue'))) : Promise.resolve()) }]}>
          <Input inputMode="decimal" style={{ width: 160 }} data-testid="meter-value" />
        </Form.Item>
      </Space>
      <Button type="primary" htmlType="submit" loading={busy}>{t('billing.meters.record')}</Button>
    </Form>
  );
}

/** CSV import: building,unit,item,meter,readOn,value per line; refused lines are listed with the reason. */
function ImportCard({ propertyId }: { propertyId: string }) {
  const { t } = useTranslation();
  const client = useQueryClient();
  const [csv, setCsv] = useState('');
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const [result, setResult] = useState<MeterReadingImport | null>(null);
  const file = useRef<HTMLInputElement>(null);
  const run = async () => {
    setBusy(true);
    setError(null);
    setResult(null);
    try {
      setResult(await send<MeterReadingImport>(`${base}/meter-readings/import`, { propertyId, csv }));
      await client.invalidateQueries({ queryKey: ['billing', 'meter-readings'] });
    } catch (e) {
      setError(billingProblem(e, t));
    } finally {
      setBusy(false);
    }
  };
  return (
    <>
      <p className="pp-muted">{t('billing.meters.csvHint')}</p>
      <input ref={file} type="file" accept=".csv,text/csv" hidden
        onChange={async (e) => { const f = e.target.files?.[0]; if (f) setCsv((await f.text()).replace(/^\uFEFF/, '')); e.target.value = ''; }} />
      <Input.TextArea rows={6} value={csv} onChange={(e) => setCsv(e.target.value)} placeholder="1号楼,101,water,,2026-12-01,123.4" data-testid="meter-csv" />
      <Space style={{ marginTop: 8 }}>
        <Button icon={<UploadOutlined />} onClick={() => file.current?.click()}>{t('billing.meters.chooseFile')}</Button>
        <Button type="primary" loading={busy} disabled={!csv.trim()} onClick={run}>{t('billing.meters.import')}</Button>
      </Space>
      {error && <Alert type="error" showIcon title={error} style={{ marginTop: 12 }} />}
      {result && (
        <div style={{ marginTop: 12 }} data-testid="meter-import-result">
          <Space wrap>
            <Tag color="green">{t('billing.meters.accepted', { count: result.accepted })}</Tag>
            <Tag color="orange">{t('billing.meters.flagged', { count: result.flagged })}</Tag>
            <Tag color={result.refused ? 'red' : 'default'}>{t('billing.meters.refused', { count: result.refused })}</Tag>
          </Space>
          {result.problems.length > 0 && (
            <Table
              rowKey="line" size="small" pagination={false} dataSource={result.problems} style={{ marginTop: 8 }} scroll={{ x: 'max-content' }}
              columns={[
                { title: t('billing.meters.line'), dataIndex: 'line', width: 60, align: 'right' as const },
                { title: t('billing.meters.text'), dataIndex: 'text', render: (v: string) => <code>{v}</code> },
                { title: t('billing.columns.reason'), dataIndex: 'reason' },
              ]}
            />
          )}
        </div>
      )}
    </>
  );
}

/** 抄表: readings of a month, entered one by one or imported from CSV; flagged jumps are confirmed before they are billed. */
export function MeterReadingsPage() {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const client = useQueryClient();
  const { has } = useSession();
  const canEnter = has('engineer', 'finance', 'admin');
  const canConfirm = has('finance', 'manager', 'admin');
  const { propertyId } = useProperty();
  const [period, setPeriod] = useState(monthOf());
  const [status, setStatus] = useState<string>('');
  const [tab, setTab] = useState<'entry' | 'import'>('entry');
  const query = `propertyId=${propertyId}&period=${period}${status ? `&status=${status}` : ''}`;
  const readings = useQuery({
    queryKey: ['billing', 'meter-readings', query],
    queryFn: ({ signal }) => getJson<MeterReading[]>(`${base}/meter-readings?${query}`, signal),
    enabled: !!propertyId,
  });
  const confirm = async (r: MeterReading) => {
    try {
      await send<MeterReading>(`${base}/meter-readings/${r.id}/confirm`);
      message.success(t('billing.meters.confirmed'));
      await client.invalidateQueries({ queryKey: ['billing', 'meter-readings'] });
    } catch (e) {
      message.error(billingProblem(e, t));
    }
  };
  return (
    <>
      <h1 className="pp-page-title">{t('billing.meters.title')}</h1>
      {canEnter && propertyId && (
        <Card size="small" style={{ marginBottom: 12 }}
          title={<Radio.Group size="small" optionType="button" value={tab} onChange={(e) => setTab(e.target.value as 'entry' | 'import')}
            options={[{ value: 'entry', label: t('billing.meters.entry') }, { value: 'import', label: t('billing.meters.importTitle') }]} />}>
          {tab === 'entry' ? <EntryForm propertyId={propertyId} /> : <ImportCard propertyId={propertyId} />}
        </Card>
      )}
      <Card size="small" styles={{ body: { padding: 0 } }}
        title={
          <Space wrap>
            <DatePicker picker="month" allowClear={false} value={dayjs(`${period}-01`)} onChange={(v) => v && setPeriod(v.format('YYYY-MM'))} />
            <Select value={status} onChange={setStatus} style={{ width: 120 }}
              options={[{ value: '', label: t('billing.bills.allStatuses') }, ...(['accepted', 'flagged', 'confirmed'] as const).map((s) => ({ value: s, label: t(`billing.meterStatus.${s}`) }))]} />
          </Space>
        }>
        {readings.error && <Alert type="error" showIcon title={billingProblem(readings.error, t)} />}
        <Table<MeterReading>
          rowKey="id" size="small" dataSource={readings.data ?? []} loading={readings.isFetching} scroll={{ x: 'max-content' }}
          pagination={{ pageSize: 50, hideOnSinglePage: true }} locale={{ emptyText: t('billing.meters.none') }}
          columns={[
            { title: t('billing.columns.unit'), key: 'unit', render: (_, r) => `${r.buildingName} ${r.unitNumber}` },
            { title: t('billing.columns.item'), dataIndex: 'item', render: (v: string) => t(`billing.item.${v}`) },
            { title: t('billing.meters.meter'), dataIndex: 'meter' },
            { title: t('billing.meters.readOn'), dataIndex: 'readOn' },
            { title: t('billing.meters.previous'), dataIndex: 'previous', align: 'right' as const, render: (v: number | null) => v ?? '—' },
            { title: t('billing.meters.value'), dataIndex: 'value', align: 'right' as const },
            { title: t('billing.meters.usage'), dataIndex: 'usage', align: 'right' as const, render: (v: number | null) => <b>{v ?? '—'}</b> },
            {
              title: t('billing.columns.status'), dataIndex: 'status',
              render: (v: string, r) => (
                <Space size={4}>
                  <Tag color={v === 'flagged' ? 'orange' : 'green'} variant="filled">{t(`billing.meterStatus.${v}`)}</Tag>
                  {r.flagReason && <span className="pp-muted">{r.flagReason}</span>}
                </Space>
              ),
            },
            ...(canConfirm ? [{
              title: '', key: 'confirm',
              render: (_: unknown, r: MeterReading) => r.status === 'flagged' && <Button size="small" onClick={() => confirm(r)}>{t('billing.meters.confirm')}</Button>,
            }] : []),
          ]}
        />
      </Card>
    </>
  );
}
