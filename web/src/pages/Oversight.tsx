import { EditOutlined } from '@ant-design/icons';
import { keepPreviousData, useQuery, useQueryClient } from '@tanstack/react-query';
import { Alert, App, Badge, Button, Card, Form, InputNumber, Modal, Table, Tabs, Tag } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useSearchParams } from 'react-router';
import { call, getJson, query } from '../api/client';
import { problemMessage } from '../api/problem';
import type { WorkOrderPage, WorkOrderPriority } from '../api/schema';
import type { components } from '../api/types/workorders';
import { useSession } from '../auth/session';
import { OrderTable } from '../components/OrderTable';
import { PriorityTag } from '../components/format';
import { useProperty } from '../components/useProperty';
import { minutes } from './statisticsData';

type TimeLimit = components['schemas']['TimeLimitView'];

// Everything not finished: the supervisor answers for each of these until it is completed.
const open = 'submitted,dispatched,accepted,in_progress,on_hold,reopened';

function LimitEditor({ propertyId, limit, onClose }: { propertyId: string; limit: TimeLimit; onClose: () => void }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const client = useQueryClient();
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const save = async (values: { responseMinutes: number; resolutionMinutes: number }) => {
    setBusy(true);
    setError(null);
    try {
      await call(`/api/workorders/time-limits/${propertyId}/${limit.priority}`, { method: 'PUT', body: values });
      message.success(t('actions.done'));
      client.invalidateQueries({ queryKey: ['time-limits', propertyId] });
      onClose();
    } catch (e) {
      setError(problemMessage(e, t));
    } finally {
      setBusy(false);
    }
  };
  return (
    <Modal open title={`${t('oversight.editLimit')} · ${t(`priority.${limit.priority}`)}`} onCancel={onClose} footer={null} destroyOnHidden width={420}>
      <Form layout="vertical" requiredMark={false} onFinish={save}
        initialValues={{ responseMinutes: Number(limit.responseMinutes), resolutionMinutes: Number(limit.resolutionMinutes) }}>
        <Form.Item name="responseMinutes" label={t('oversight.responseMinutes')} rules={[{ required: true, message: t('common.required') }]}>
          <InputNumber min={1} precision={0} style={{ width: '100%' }} autoFocus />
        </Form.Item>
        <Form.Item name="resolutionMinutes" label={t('oversight.resolutionMinutes')} rules={[{ required: true, message: t('common.required') }]}>
          <InputNumber min={1} precision={0} style={{ width: '100%' }} />
        </Form.Item>
        <p className="pp-muted">{t('oversight.limitHint')}</p>
        {error && <Alert type="error" showIcon title={error} style={{ marginBottom: 12 }} />}
        <Button type="primary" htmlType="submit" block loading={busy}>{t('common.save')}</Button>
      </Form>
    </Modal>
  );
}

function TimeLimits({ propertyId }: { propertyId: string }) {
  const { t } = useTranslation();
  const { has } = useSession();
  const canEdit = has('manager', 'admin');
  const [editing, setEditing] = useState<TimeLimit | null>(null);
  const limits = useQuery({
    queryKey: ['time-limits', propertyId],
    queryFn: ({ signal }) => getJson<TimeLimit[]>(`/api/workorders/time-limits/${propertyId}`, signal),
  });
  return (
    <Card size="small" title={t('oversight.limits')} style={{ marginTop: 12 }}>
      {limits.error && <Alert type="error" showIcon title={problemMessage(limits.error, t)} />}
      <Table<TimeLimit> rowKey="priority" size="small" pagination={false} scroll={{ x: 480 }} loading={limits.isLoading} dataSource={limits.data}
        columns={[
          { title: t('order.priority'), dataIndex: 'priority', render: (p: WorkOrderPriority) => <PriorityTag priority={p} /> },
          { title: t('oversight.response'), dataIndex: 'responseMinutes', render: (v) => minutes(v) },
          { title: t('oversight.resolution'), dataIndex: 'resolutionMinutes', render: (v) => minutes(v) },
          { title: t('oversight.source'), dataIndex: 'setByProperty', render: (v: boolean) => (v ? <Tag color="blue">{t('oversight.own')}</Tag> : <Tag>{t('oversight.default')}</Tag>) },
          ...(canEdit ? [{
            title: '', key: 'edit', width: 48,
            render: (_: unknown, row: TimeLimit) => <Button type="text" size="small" icon={<EditOutlined />} aria-label={`${t('oversight.editLimit')} ${t(`priority.${row.priority}`)}`} onClick={() => setEditing(row)} />,
          }] : []),
        ]} />
      {editing && <LimitEditor propertyId={propertyId} limit={editing} onClose={() => setEditing(null)} />}
    </Card>
  );
}

/** The supervisor's view (督办): overdue orders (each escalated to them), everything still open, and the time limits. */
export function OversightPage() {
  const { t } = useTranslation();
  const { propertyId } = useProperty();
  const [params, setParams] = useSearchParams();
  const tab = params.get('tab') === 'open' ? 'open' : 'overdue';
  const page = Number(params.get('page') ?? 1);
  const set = (next: Record<string, string>) => setParams(new URLSearchParams({ tab, ...next }));

  const list = (which: 'overdue' | 'open', pageNo: number, size: number) => ({
    queryKey: ['orders', 'oversight', propertyId, which, pageNo, size],
    queryFn: ({ signal }: { signal: AbortSignal }) =>
      getJson<WorkOrderPage>(`/api/workorders/work-orders${query({ propertyId, status: open, overdue: which === 'overdue' ? true : undefined, page: pageNo, pageSize: size })}`, signal),
    enabled: !!propertyId,
    placeholderData: keepPreviousData,
    refetchInterval: 60_000,
  });
  const shown = useQuery(list(tab, page, 20));
  // The other tab's count, for its label.
  const other = useQuery(list(tab === 'open' ? 'overdue' : 'open', 1, 1));
  const count = (which: 'overdue' | 'open') => Number((which === tab ? shown.data?.total : other.data?.total) ?? 0);

  return (
    <>
      <h1 className="pp-page-title">{t('oversight.title')}</h1>
      {shown.error && <Alert type="error" showIcon title={problemMessage(shown.error, t)} style={{ marginBottom: 12 }} />}
      <Card size="small">
        <Tabs activeKey={tab} onChange={(k) => set({ tab: k })} items={[
          { key: 'overdue', label: <span>{t('oversight.overdue')} <Badge count={count('overdue')} showZero color={count('overdue') ? '#ff4d4f' : '#d9d9d9'} /></span> },
          { key: 'open', label: <span>{t('oversight.open')} <Badge count={count('open')} showZero color="#1677ff" overflowCount={999} /></span> },
        ]} />
        {tab === 'overdue' && <p className="pp-muted" style={{ marginTop: 0 }}>{t('oversight.overdueHint')}</p>}
        <div data-testid={`oversight-${tab}`}>
          <OrderTable orders={shown.data?.items} loading={shown.isLoading}
            pagination={{ current: page, pageSize: 20, total: Number(shown.data?.total ?? 0), showSizeChanger: false, onChange: (p) => set({ page: String(p) }) }} />
        </div>
      </Card>
      {propertyId && <TimeLimits propertyId={propertyId} />}
    </>
  );
}
