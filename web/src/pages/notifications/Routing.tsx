import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { Alert, App, Button, Card, Checkbox, Descriptions, Drawer, Form, Modal, Select, Space, Table, Tag, Typography } from 'antd';
import type { ColumnsType } from 'antd/es/table';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { call, getJson, query } from '../../api/client';
import { problemMessage } from '../../api/problem';
import { useSession } from '../../auth/session';
import { useProperty } from '../../components/useProperty';
import { base, categories, useEventTypes, type Audience, type Category, type Route, type RouteChannel, type Template } from './api';
import './texts';

const audiences: Audience[] = ['occupant', 'assignee', 'owner', 'frontdesk', 'supervisor', 'manager', 'engineer', 'security', 'finance', 'admin'];
const channels: RouteChannel[] = ['inbox', 'email', 'sms'];

/**
 * Who hears which event at the property, on which channels (managers read, administrators change and reset), and
 * each event's texts per channel and language.
 */
export function RoutingPage() {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const { propertyId } = useProperty();
  const { has } = useSession();
  const canEdit = has('admin');
  const client = useQueryClient();
  const events = useEventTypes();
  const [category, setCategory] = useState<Category | undefined>();
  const [editing, setEditing] = useState<Route | null>(null);
  const [texts, setTexts] = useState<Route | null>(null);

  const routes = useQuery({
    queryKey: ['notifications', 'routing', propertyId],
    queryFn: ({ signal }) => getJson<Route[]>(`${base}/routing${query({ propertyId })}`, signal),
    enabled: !!propertyId,
  });
  const refresh = () => client.invalidateQueries({ queryKey: ['notifications', 'routing'] });
  const reset = useMutation({
    mutationFn: (r: Route) => call(`${base}/routing/${r.eventType}${query({ propertyId })}`, { method: 'DELETE' }),
    onSuccess: () => { message.success(t('notify.routing.resetDone')); refresh(); },
    onError: (e) => message.error(problemMessage(e, t)),
  });

  const columns: ColumnsType<Route> = [
    {
      title: t('notify.deliveries.event'), dataIndex: 'eventType', width: 190,
      render: (e: string, r) => <>{events.name(e)}{r.escalation && <Tag color="red" style={{ marginLeft: 6 }}>{t('notify.deliveries.escalation')}</Tag>}</>,
    },
    { title: t('notify.preferences.category'), dataIndex: 'category', width: 90, render: (c: Category) => t(`notify.category.${c}`), responsive: ['md'] },
    {
      title: t('notify.routing.audiences'), key: 'audiences',
      render: (_, r) => r.audiences.length === 0
        ? <Tag>{t('notify.routing.silenced')}</Tag>
        : r.audiences.map((a) => <Tag key={a} color="blue">{t(`notify.routing.audience.${a}`)}</Tag>),
    },
    { title: t('notify.deliveries.channel'), key: 'channels', width: 220, render: (_, r) => r.channels.map((c) => <Tag key={c}>{t(`notify.channel.${c}`)}</Tag>) },
    {
      title: t('notify.routing.rule'), dataIndex: 'isDefault', width: 90,
      render: (d: boolean) => d ? <span className="pp-muted">{t('notify.routing.default')}</span> : <Tag color="gold">{t('notify.routing.custom')}</Tag>,
    },
    {
      title: t('notify.common.actions'), key: 'actions', width: canEdit ? 210 : 90,
      render: (_, r) => (
        <Space size={4}>
          <Button size="small" onClick={() => setTexts(r)}>{t('notify.routing.texts')}</Button>
          {canEdit && <Button size="small" onClick={() => setEditing(r)} data-testid="route-edit">{t('notify.routing.edit')}</Button>}
          {canEdit && !r.isDefault && (
            <Button size="small" onClick={() => reset.mutate(r)} loading={reset.isPending && reset.variables?.eventType === r.eventType}>
              {t('notify.routing.reset')}
            </Button>
          )}
        </Space>
      ),
    },
  ];

  return (
    <div data-testid="routing">
      <h1 className="pp-page-title">
        {t('notify.routing.title')}
        <Select allowClear size="small" placeholder={t('notify.preferences.category')} value={category} style={{ width: 130 }}
          onChange={setCategory} aria-label={t('notify.preferences.category')}
          options={categories.map((c) => ({ value: c, label: t(`notify.category.${c}`) }))} />
      </h1>
      <Typography.Paragraph type="secondary">{t('notify.routing.intro')}</Typography.Paragraph>
      {routes.error && <Alert type="error" showIcon title={problemMessage(routes.error, t)} />}
      <Card size="small" styles={{ body: { padding: 0 } }}>
        <Table<Route> size="small" rowKey="eventType" loading={routes.isLoading} columns={columns} scroll={{ x: 900 }}
          dataSource={routes.data?.filter((r) => !category || r.category === category)} pagination={false} />
      </Card>
      {editing && propertyId && (
        <RouteDialog route={editing} name={events.name(editing.eventType)} propertyId={propertyId} onClose={() => setEditing(null)}
          onSaved={() => { setEditing(null); message.success(t('notify.common.saved')); refresh(); }} />
      )}
      <Drawer open={!!texts} width={720} title={texts ? `${events.name(texts.eventType)} · ${t('notify.routing.texts')}` : ''}
        onClose={() => setTexts(null)} destroyOnHidden>
        {texts && <Templates eventType={texts.eventType} />}
      </Drawer>
    </div>
  );
}

function RouteDialog({ route, name, propertyId, onClose, onSaved }: {
  route: Route; name: string; propertyId: string; onClose: () => void; onSaved: () => void;
}) {
  const { t } = useTranslation();
  const [form] = Form.useForm<{ audiences: Audience[]; channels: RouteChannel[] }>();
  const save = useMutation({
    mutationFn: (v: { audiences: Audience[]; channels: RouteChannel[] }) =>
      call(`${base}/routing/${route.eventType}`, { method: 'PUT', body: { propertyId, audiences: v.audiences, channels: v.channels } }),
    onSuccess: onSaved,
  });
  return (
    <Modal open title={`${t('notify.routing.edit')} · ${name}`} onCancel={onClose} onOk={() => form.submit()} confirmLoading={save.isPending}
      okText={t('notify.common.save')} cancelText={t('notify.common.cancel')}>
      {save.error && <Alert type="error" showIcon title={problemMessage(save.error, t)} style={{ marginBottom: 12 }} />}
      <Typography.Paragraph type="secondary">
        {t('notify.routing.defaultIs', { audiences: route.defaultAudiences.map((a) => t(`notify.routing.audience.${a}`)).join('、') })}
      </Typography.Paragraph>
      <Form form={form} layout="vertical" initialValues={{ audiences: route.audiences, channels: route.channels }} onFinish={(v) => save.mutate(v)}>
        <Form.Item name="audiences" label={t('notify.routing.audiences')} extra={t('notify.routing.silenceHint')}>
          <Select mode="multiple" aria-label={t('notify.routing.audiences')}
            options={audiences.map((a) => ({ value: a, label: t(`notify.routing.audience.${a}`) }))} />
        </Form.Item>
        <Form.Item name="channels" label={t('notify.deliveries.channel')}>
          <Checkbox.Group options={channels.map((c) => ({ value: c, label: t(`notify.channel.${c}`) }))} />
        </Form.Item>
      </Form>
    </Modal>
  );
}

function Templates({ eventType }: { eventType: string }) {
  const { t } = useTranslation();
  const templates = useQuery({
    queryKey: ['notifications', 'templates', eventType],
    queryFn: ({ signal }) => getJson<Template[]>(`${base}/templates${query({ eventType })}`, signal),
  });
  if (templates.error) return <Alert type="error" showIcon title={problemMessage(templates.error, t)} />;
  return (
    <Space direction="vertical" style={{ width: '100%' }}>
      <Typography.Paragraph type="secondary">{t('notify.routing.placeholders')}</Typography.Paragraph>
      {channels.map((c) => (
        <Card key={c} size="small" title={t(`notify.channel.${c}`)} loading={templates.isLoading}>
          <Descriptions size="small" column={1} bordered>
            {(templates.data ?? []).filter((x) => x.channel === c).map((x) => (
              <Descriptions.Item key={x.language} label={x.language === 'en' ? 'English' : '中文'}>
                <Typography.Text strong>{x.subject}</Typography.Text>
                {x.body !== x.subject && <pre className="pp-template-body">{x.body}</pre>}
              </Descriptions.Item>
            ))}
          </Descriptions>
        </Card>
      ))}
    </Space>
  );
}
