import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { Alert, App, Button, Card, Input, Select, Space, Table, Tag, Tooltip } from 'antd';
import type { ColumnsType } from 'antd/es/table';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { getJson, query, send } from '../../api/client';
import { problemMessage } from '../../api/problem';
import { formatTime } from '../../components/format';
import { useProperty } from '../../components/useProperty';
import { base, deliveryStatuses, useEventTypes, type Delivery, type DeliveryPage, type DeliveryStatus } from './api';
import './texts';

const statusColor: Record<DeliveryStatus, string | undefined> = { pending: 'blue', held: 'gold', sent: 'green', failed: 'red' };

/** The delivery log for support staff: what went to whom, on which channel, and why it failed; with replay. */
export function DeliveriesPage() {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const { propertyId } = useProperty();
  const client = useQueryClient();
  const [status, setStatus] = useState<DeliveryStatus | undefined>();
  const [channel, setChannel] = useState<'email' | 'sms' | undefined>();
  const [eventType, setEventType] = useState<string | undefined>();
  const [recipientId, setRecipientId] = useState('');
  const [page, setPage] = useState(1);
  const events = useEventTypes();
  const recipient = /^[0-9a-f-]{36}$/i.test(recipientId.trim()) ? recipientId.trim() : undefined;
  const search = query({ propertyId, status, channel, eventType, recipientId: recipient, page, pageSize: 50 });

  const log = useQuery({
    queryKey: ['notifications', 'deliveries', search],
    queryFn: ({ signal }) => getJson<DeliveryPage>(`${base}/deliveries${search}`, signal),
    enabled: !!propertyId,
  });
  const replay = useMutation({
    mutationFn: (d: Delivery) => send<Delivery>(`${base}/deliveries/${d.id}/replay`),
    onSuccess: () => {
      message.success(t('notify.deliveries.replayed'));
      client.invalidateQueries({ queryKey: ['notifications', 'deliveries'] });
    },
    onError: (e) => message.error(problemMessage(e, t)),
  });

  const columns: ColumnsType<Delivery> = [
    { title: t('notify.deliveries.createdAt'), dataIndex: 'createdAt', render: (v) => formatTime(v), width: 150 },
    { title: t('notify.deliveries.event'), dataIndex: 'eventType', responsive: ['md'], render: (e: string) => events.name(e) },
    {
      title: t('notify.deliveries.recipient'), key: 'recipient',
      render: (_, d) => <><div>{d.address}</div><div className="pp-muted" style={{ fontSize: 12 }}>{d.recipientId}</div></>,
    },
    { title: t('notify.deliveries.channel'), dataIndex: 'channel', render: (c) => t(`notify.channel.${c}`) },
    {
      title: t('notify.deliveries.subject'), dataIndex: 'subject',
      render: (s, d) => <>{d.escalation && <Tag color="red">{t('notify.deliveries.escalation')}</Tag>}{s}</>,
    },
    {
      title: t('notify.deliveries.status'), key: 'status',
      render: (_, d) => (
        <Space direction="vertical" size={0}>
          <Tag color={statusColor[d.status]} data-testid="delivery-status">{t(`notify.deliveries.statusValues.${d.status}`)}</Tag>
          {d.status === 'held' && d.dueAt && <span className="pp-muted">{t('notify.deliveries.dueAt')} {formatTime(d.dueAt)}</span>}
          {d.status === 'sent' && d.sentAt && <span className="pp-muted">{formatTime(d.sentAt)}</span>}
        </Space>
      ),
    },
    { title: t('notify.deliveries.attempts'), dataIndex: 'attempts', align: 'right', responsive: ['md'] },
    {
      title: t('notify.deliveries.reason'), dataIndex: 'reason',
      render: (r) => r ? <Tooltip title={r}><span className="pp-delivery-reason">{r}</span></Tooltip> : '—',
    },
    {
      title: t('notify.common.actions'), key: 'actions',
      render: (_, d) => (
        <Button size="small" onClick={() => replay.mutate(d)} loading={replay.isPending && replay.variables?.id === d.id}
          disabled={d.status === 'pending'} data-testid="delivery-replay">
          {t('notify.deliveries.replay')}
        </Button>
      ),
    },
  ];

  return (
    <div data-testid="delivery-log">
      <h1 className="pp-page-title">
        {t('notify.deliveries.title')}
        <Space wrap>
          <Input allowClear size="small" placeholder={t('notify.deliveries.filterRecipient')} value={recipientId} style={{ width: 280 }}
            onChange={(e) => { setRecipientId(e.target.value); setPage(1); }} aria-label={t('notify.deliveries.filterRecipient')} />
          <Select allowClear showSearch optionFilterProp="label" size="small" placeholder={t('notify.deliveries.event')} value={eventType}
            style={{ width: 170 }} onChange={(v) => { setEventType(v); setPage(1); }} aria-label={t('notify.deliveries.event')}
            options={events.types.map((e) => ({ value: e.eventType, label: events.name(e.eventType) }))} />
          <Select allowClear size="small" placeholder={t('notify.deliveries.channel')} value={channel} style={{ width: 110 }}
            onChange={(v) => { setChannel(v); setPage(1); }} aria-label={t('notify.deliveries.channel')}
            options={(['email', 'sms'] as const).map((c) => ({ value: c, label: t(`notify.channel.${c}`) }))} />
          <Select allowClear size="small" placeholder={t('notify.deliveries.status')} value={status} style={{ width: 150 }}
            onChange={(v) => { setStatus(v); setPage(1); }} aria-label={t('notify.deliveries.status')}
            options={deliveryStatuses.map((s) => ({ value: s, label: t(`notify.deliveries.statusValues.${s}`) }))} />
          <Button size="small" onClick={() => log.refetch()}>{t('notify.common.refresh')}</Button>
        </Space>
      </h1>
      {log.error && <Alert type="error" showIcon title={problemMessage(log.error, t)} />}
      <Card size="small" styles={{ body: { padding: 0 } }}>
        <Table<Delivery>
          size="small"
          rowKey="id"
          loading={log.isLoading}
          dataSource={log.data?.items}
          columns={columns}
          locale={{ emptyText: t('notify.deliveries.empty') }}
          pagination={{ current: page, pageSize: 50, total: Number(log.data?.total ?? 0), onChange: setPage, showSizeChanger: false }}
          scroll={{ x: true }}
        />
      </Card>
    </div>
  );
}
