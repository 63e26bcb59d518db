import { DownloadOutlined } from '@ant-design/icons';
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { Alert, App, Button, Card, DatePicker, Input, Select, Space, Switch } from 'antd';
import dayjs from 'dayjs';
import { useTranslation } from 'react-i18next';
import { useSearchParams } from 'react-router';
import { call, getJson, query } from '../api/client';
import { problemMessage } from '../api/problem';
import { categories, priorities, statuses, type WorkOrderPage } from '../api/schema';
import { OrderTable } from '../components/OrderTable';
import { useEngineers } from '../components/engineers';
import { useProperty } from '../components/useProperty';

// The API's filters, kept in the URL so a list can be bookmarked, shared and reloaded as it was.
const filterKeys = ['status', 'priority', 'category', 'assigneeId', 'submittedFrom', 'submittedTo', 'overdue', 'q'] as const;

export function OrderListPage() {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const [params, setParams] = useSearchParams();
  const { propertyId } = useProperty();
  const engineers = useEngineers(propertyId);
  const page = Number(params.get('page') ?? 1);
  const pageSize = Number(params.get('pageSize') ?? 20);
  const filters = Object.fromEntries(filterKeys.map((k) => [k, params.get(k) ?? undefined]));
  const search = query({ propertyId, ...filters });

  const list = useQuery({
    queryKey: ['orders', search, page, pageSize],
    queryFn: ({ signal }) => getJson<WorkOrderPage>(`/api/workorders/work-orders${search}&page=${page}&pageSize=${pageSize}`, signal),
    enabled: !!propertyId,
    placeholderData: keepPreviousData,
  });

  const set = (changes: Record<string, string | undefined | null>) => {
    const next = new URLSearchParams(params);
    for (const [key, value] of Object.entries(changes)) {
      if (value) next.set(key, value);
      else next.delete(key);
    }
    if (!('page' in changes)) next.delete('page');
    setParams(next);
  };
  const many = (key: string) => params.get(key)?.split(',').filter(Boolean) ?? [];

  const exportCsv = async () => {
    try {
      const response = await call(`/api/workorders/work-orders/export.csv${search}`);
      const blob = await response.blob();
      const name = /filename="?([^";]+)"?/.exec(response.headers.get('content-disposition') ?? '')?.[1] ?? 'work-orders.csv';
      const url = URL.createObjectURL(blob);
      const a = Object.assign(document.createElement('a'), { href: url, download: name });
      a.click();
      URL.revokeObjectURL(url);
    } catch (e) {
      message.error(problemMessage(e, t));
    }
  };

  return (
    <>
      <h1 className="pp-page-title">
        {t('list.title')}
        <Button icon={<DownloadOutlined />} onClick={exportCsv}>{t('list.export')}</Button>
      </h1>
      <Card size="small" style={{ marginBottom: 12 }}>
        <Space wrap>
          <Input.Search allowClear placeholder={t('list.search')} defaultValue={filters.q} onSearch={(v) => set({ q: v })} style={{ width: 280 }} aria-label={t('common.search')} />
          <Select mode="multiple" allowClear placeholder={t('order.status')} value={many('status')} onChange={(v) => set({ status: v.join(',') })}
            style={{ minWidth: 220 }} maxTagCount="responsive" aria-label={t('order.status')}
            options={statuses.map((s) => ({ value: s, label: t(`status.${s}`) }))} />
          <Select mode="multiple" allowClear placeholder={t('order.priority')} value={many('priority')} onChange={(v) => set({ priority: v.join(',') })}
            style={{ minWidth: 130 }} maxTagCount="responsive" aria-label={t('order.priority')}
            options={priorities.map((p) => ({ value: p, label: t(`priority.${p}`) }))} />
          <Select mode="multiple" allowClear placeholder={t('order.category')} value={many('category')} onChange={(v) => set({ category: v.join(',') })}
            style={{ minWidth: 140 }} maxTagCount="responsive" aria-label={t('order.category')}
            options={categories.map((c) => ({ value: c, label: t(`category.${c}`) }))} />
          <Select allowClear placeholder={t('order.assignee')} value={filters.assigneeId} onChange={(v) => set({ assigneeId: v })} style={{ minWidth: 130 }}
            aria-label={t('order.assignee')} options={engineers.data?.map((e) => ({ value: e.personId, label: e.name }))} />
          <DatePicker.RangePicker
            value={[filters.submittedFrom ? dayjs(filters.submittedFrom) : null, filters.submittedTo ? dayjs(filters.submittedTo) : null]}
            onChange={(range) => set({ submittedFrom: range?.[0]?.format('YYYY-MM-DD'), submittedTo: range?.[1]?.format('YYYY-MM-DD') })}
            placeholder={[t('list.from'), t('list.to')]}
          />
          <Space>
            <Switch checked={filters.overdue === 'true'} onChange={(on) => set({ overdue: on ? 'true' : undefined })} aria-label={t('list.overdueOnly')} />
            {t('list.overdueOnly')}
          </Space>
          <Button type="link" onClick={() => setParams(new URLSearchParams())}>{t('list.reset')}</Button>
        </Space>
      </Card>
      {list.error && <Alert type="error" showIcon title={problemMessage(list.error, t)} style={{ marginBottom: 12 }} />}
      <Card size="small" styles={{ body: { padding: 0 } }}>
        <OrderTable
          orders={list.data?.items} loading={list.isFetching}
          pagination={{
            current: page, pageSize, total: Number(list.data?.total ?? 0), showSizeChanger: true, pageSizeOptions: [20, 50, 100, 200],
            showTotal: (total) => t('list.total', { total }),
            onChange: (p, s) => set({ page: String(p), pageSize: String(s) }),
          }}
        />
      </Card>
    </>
  );
}
