import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { Alert, App, Button, Card, Drawer, Form, Input, Modal, Select, Space, Table, Tag, Typography } from 'antd';
import type { ColumnsType } from 'antd/es/table';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { getJson, query, send } from '../../api/client';
import { problemMessage } from '../../api/problem';
import { formatTime } from '../../components/format';
import { useProperty } from '../../components/useProperty';
import {
  base, categories, useEventTypes, type CreatedWebhook, type CreateWebhookRequest, type Replayed, type Webhook, type WebhookDelivery, type WebhookDeliveryPage, type WebhookPage,
} from './api';
import './texts';

const deliveryColor: Record<string, string | undefined> = { pending: 'blue', sent: 'green', failed: 'red' };

/** Webhook subscriptions for integrations (administrators): create (the secret shown once), list, deliveries, replay. */
export function WebhooksPage() {
  const { t } = useTranslation();
  const { message, modal } = App.useApp();
  const { propertyId } = useProperty();
  const client = useQueryClient();
  const [creating, setCreating] = useState(false);
  const [secret, setSecret] = useState<CreatedWebhook | null>(null);
  const [open, setOpen] = useState<Webhook | null>(null);
  const search = query({ propertyId, pageSize: 100 });

  const list = useQuery({
    queryKey: ['notifications', 'webhooks', search],
    queryFn: ({ signal }) => getJson<WebhookPage>(`${base}/webhooks${search}`, signal),
    enabled: !!propertyId,
  });
  const events = useEventTypes();
  const refresh = () => client.invalidateQueries({ queryKey: ['notifications', 'webhooks'] });
  const deactivate = useMutation({
    mutationFn: (w: Webhook) => send<Webhook>(`${base}/webhooks/${w.id}`, undefined, { method: 'DELETE' }),
    onSuccess: refresh,
    onError: (e) => message.error(problemMessage(e, t)),
  });

  const columns: ColumnsType<Webhook> = [
    { title: t('notify.webhooks.name'), dataIndex: 'name' },
    { title: t('notify.webhooks.url'), dataIndex: 'url', render: (u) => <Typography.Text code>{u}</Typography.Text> },
    { title: t('notify.webhooks.eventTypes'), dataIndex: 'eventTypes', render: (types: string[]) => types.map((e) => <Tag key={e} title={e}>{events.name(e)}</Tag>) },
    { title: t('notify.webhooks.active'), dataIndex: 'active', render: (a: boolean) => <Tag color={a ? 'green' : undefined}>{t(`notify.webhooks.activeValues.${a}`)}</Tag> },
    { title: t('notify.webhooks.createdAt'), dataIndex: 'createdAt', render: (v) => formatTime(v), responsive: ['md'] },
    {
      title: t('notify.common.actions'), key: 'actions',
      render: (_, w) => (
        <Space>
          <Button size="small" onClick={() => setOpen(w)}>{t('notify.webhooks.deliveries')}</Button>
          {w.active && (
            <Button size="small" danger onClick={() => modal.confirm({ title: t('notify.webhooks.deactivateConfirm'), onOk: () => deactivate.mutateAsync(w) })}>
              {t('notify.webhooks.deactivate')}
            </Button>
          )}
        </Space>
      ),
    },
  ];

  return (
    <div data-testid="webhooks">
      <h1 className="pp-page-title">
        {t('notify.webhooks.title')}
        <Button type="primary" size="small" onClick={() => setCreating(true)} data-testid="webhook-create">{t('notify.webhooks.create')}</Button>
      </h1>
      {list.error && <Alert type="error" showIcon title={problemMessage(list.error, t)} />}
      <Card size="small" styles={{ body: { padding: 0 } }}>
        <Table<Webhook> size="small" rowKey="id" loading={list.isLoading} dataSource={list.data?.items} columns={columns}
          locale={{ emptyText: t('notify.webhooks.empty') }} pagination={false} scroll={{ x: true }} />
      </Card>
      {creating && propertyId && (
        <CreateDialog propertyId={propertyId} onClose={() => setCreating(false)}
          onCreated={(created) => { setCreating(false); setSecret(created); refresh(); }} />
      )}
      <Modal open={!!secret} title={t('notify.webhooks.secretTitle')} onOk={() => setSecret(null)} onCancel={() => setSecret(null)}
        cancelButtonProps={{ style: { display: 'none' } }} okText={t('notify.common.close')}>
        <Alert type="warning" showIcon title={t('notify.webhooks.secretNote')} style={{ marginBottom: 12 }} />
        <Typography.Paragraph copyable code data-testid="webhook-secret">{secret?.secret}</Typography.Paragraph>
      </Modal>
      <Drawer open={!!open} width={820} title={open ? `${open.name} · ${t('notify.webhooks.deliveries')}` : ''} onClose={() => setOpen(null)} destroyOnHidden>
        {open && <WebhookDeliveries webhook={open} />}
      </Drawer>
    </div>
  );
}

function CreateDialog({ propertyId, onClose, onCreated }: {
  propertyId: string; onClose: () => void; onCreated: (created: CreatedWebhook) => void;
}) {
  const { t } = useTranslation();
  const events = useEventTypes();
  const [form] = Form.useForm<Omit<CreateWebhookRequest, 'propertyId'>>();
  const create = useMutation({
    mutationFn: (values: Omit<CreateWebhookRequest, 'propertyId'>) => send<CreatedWebhook>(`${base}/webhooks`, { ...values, propertyId }),
    onSuccess: onCreated,
  });
  return (
    <Modal open title={t('notify.webhooks.create')} onCancel={onClose} onOk={() => form.submit()} confirmLoading={create.isPending}
      okText={t('notify.common.ok')} cancelText={t('notify.common.cancel')}>
      {create.error && <Alert type="error" showIcon title={problemMessage(create.error, t)} style={{ marginBottom: 12 }} />}
      <Form form={form} layout="vertical" onFinish={(values) => create.mutate(values)}>
        <Form.Item name="name" label={t('notify.webhooks.name')} rules={[{ required: true, max: 100 }]}><Input /></Form.Item>
        <Form.Item name="url" label={t('notify.webhooks.url')} rules={[{ required: true, type: 'url', max: 500 }]}><Input placeholder="https://" /></Form.Item>
        <Form.Item name="eventTypes" label={t('notify.webhooks.eventTypes')} rules={[{ required: true }]}>
          <Select mode="multiple" optionFilterProp="label" aria-label={t('notify.webhooks.eventTypes')}
            options={categories.map((c) => ({
              label: t(`notify.category.${c}`),
              options: events.types.filter((e) => e.category === c).map((e) => ({ value: e.eventType, label: events.name(e.eventType) })),
            }))} />
        </Form.Item>
      </Form>
    </Modal>
  );
}

function WebhookDeliveries({ webhook }: { webhook: Webhook }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const client = useQueryClient();
  const events = useEventTypes();
  const [status, setStatus] = useState<string | undefined>();
  const [page, setPage] = useState(1);
  const search = query({ status, page, pageSize: 50 });
  const deliveries = useQuery({
    queryKey: ['notifications', 'webhook-deliveries', webhook.id, search],
    queryFn: ({ signal }) => getJson<WebhookDeliveryPage>(`${base}/webhooks/${webhook.id}/deliveries${search}`, signal),
  });
  const replay = useMutation({
    mutationFn: (deliveryId?: string) => send<Replayed>(`${base}/webhooks/${webhook.id}/replay${query({ deliveryId })}`),
    onSuccess: (r) => {
      message.success(t('notify.webhooks.replayed', { count: r.queued }));
      client.invalidateQueries({ queryKey: ['notifications', 'webhook-deliveries', webhook.id] });
    },
    onError: (e) => message.error(problemMessage(e, t)),
  });
  const columns: ColumnsType<WebhookDelivery> = [
    { title: t('notify.webhooks.occurredAt'), dataIndex: 'occurredAt', render: (v) => formatTime(v) },
    { title: t('notify.deliveries.event'), dataIndex: 'eventType', render: (e: string) => events.name(e) },
    { title: t('notify.deliveries.status'), dataIndex: 'status', render: (s: string) => <Tag color={deliveryColor[s]}>{t(`notify.webhooks.statusValues.${s}`)}</Tag> },
    { title: t('notify.deliveries.attempts'), dataIndex: 'attempts', align: 'right' },
    {
      title: t('notify.webhooks.lastError'), key: 'error',
      render: (_, d) => d.lastError
        ? <span className="pp-delivery-reason">{d.lastStatusCode ? `HTTP ${d.lastStatusCode} · ` : ''}{d.lastError}</span>
        : '—',
    },
    {
      title: t('notify.common.actions'), key: 'actions',
      render: (_, d) => <Button size="small" disabled={!webhook.active} onClick={() => replay.mutate(d.id)}>{t('notify.webhooks.replay')}</Button>,
    },
  ];
  return (
    <>
      <Space style={{ marginBottom: 12 }} wrap>
        <Select allowClear size="small" placeholder={t('notify.deliveries.status')} value={status} style={{ width: 160 }}
          onChange={(v) => { setStatus(v); setPage(1); }}
          options={['pending', 'sent', 'failed'].map((s) => ({ value: s, label: t(`notify.webhooks.statusValues.${s}`) }))} />
        <Button size="small" disabled={!webhook.active} onClick={() => replay.mutate(undefined)}>{t('notify.webhooks.replayFailed')}</Button>
        <Button size="small" onClick={() => deliveries.refetch()}>{t('notify.common.refresh')}</Button>
      </Space>
      {deliveries.error && <Alert type="error" showIcon title={problemMessage(deliveries.error, t)} />}
      <Table<WebhookDelivery> size="small" rowKey="id" loading={deliveries.isLoading} dataSource={deliveries.data?.items} columns={columns}
        locale={{ emptyText: t('notify.webhooks.noDeliveries') }}
        pagination={{ current: page, pageSize: 50, total: Number(deliveries.data?.total ?? 0), onChange: setPage, showSizeChanger: false }} />
    </>
  );
}
