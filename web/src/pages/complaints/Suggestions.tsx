import { PlusOutlined } from '@ant-design/icons';
import { keepPreviousData, useQuery, useQueryClient } from '@tanstack/react-query';
import { Alert, App, Button, Card, Form, Input, Modal, Radio, Select, Space, Table, Tag } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useSearchParams } from 'react-router';
import { getJson, query, send } from '../../api/client';
import type { Suggestion, SuggestionPage, SuggestionStatus } from '../../api/complaints';
import { problemMessage } from '../../api/problem';
import { useSession } from '../../auth/session';
import { formatTime } from '../../components/format';
import { useProperty } from '../../components/useProperty';
import './i18n';

type Dialog = { kind: 'new' } | { kind: 'decide' | 'plan'; suggestion: Suggestion };

const statusColors: Record<SuggestionStatus, string> = { submitted: 'blue', adopted: 'green', declined: 'default' };

/** Suggestions (合理化建议): the desk records them; a manager adopts or declines each and publishes the plan of an adopted one. */
export function SuggestionsPage() {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const client = useQueryClient();
  const { has } = useSession();
  const manager = has('manager');
  const [params, setParams] = useSearchParams();
  const { propertyId } = useProperty();
  const [dialog, setDialog] = useState<Dialog | null>(null);
  const [busy, setBusy] = useState(false);
  const [form] = Form.useForm();
  const page = Number(params.get('page') ?? 1);
  const status = params.get('status') ?? undefined;
  const search = query({ propertyId, status, page, pageSize: 20 });
  const s = (key: string) => t(`suggestions.${key}`);

  const list = useQuery({
    queryKey: ['suggestions', search],
    queryFn: ({ signal }) => getJson<SuggestionPage>(`/api/complaints/suggestions${search}`, signal),
    enabled: !!propertyId,
    placeholderData: keepPreviousData,
  });

  const submit = async (values: Record<string, unknown>) => {
    if (!dialog) return;
    setBusy(true);
    try {
      if (dialog.kind === 'new') await send('/api/complaints/suggestions', { propertyId, ...values });
      else await send(`/api/complaints/suggestions/${dialog.suggestion.id}/${dialog.kind}`, values);
      message.success(t('complaints.actions.done'));
      setDialog(null);
      client.invalidateQueries({ queryKey: ['suggestions'] });
    } catch (e) {
      message.error(problemMessage(e, t), 6);
      client.invalidateQueries({ queryKey: ['suggestions'] });
    } finally {
      setBusy(false);
    }
  };

  const required = [{ required: true, whitespace: true, message: t('common.required') }];
  return (
    <>
      <h1 className="pp-page-title">
        {s('title')}
        <Button type="primary" icon={<PlusOutlined />} onClick={() => setDialog({ kind: 'new' })}>{s('new')}</Button>
      </h1>
      <Card size="small" style={{ marginBottom: 12 }}>
        <Select allowClear placeholder={t('order.status')} value={status} style={{ minWidth: 140 }} aria-label={t('order.status')}
          onChange={(v) => setParams(v ? { status: v } : {})}
          options={(['submitted', 'adopted', 'declined'] as const).map((v) => ({ value: v, label: s(`status.${v}`) }))} />
      </Card>
      {list.error && <Alert type="error" showIcon title={problemMessage(list.error, t)} style={{ marginBottom: 12 }} />}
      <Card size="small" styles={{ body: { padding: 0 } }}>
        <Table<Suggestion>
          rowKey="id" size="middle" dataSource={list.data?.items} loading={list.isFetching} scroll={{ x: 800 }} locale={{ emptyText: s('empty') }}
          pagination={{
            current: page, pageSize: 20, total: Number(list.data?.total ?? 0), showTotal: (total) => t('suggestions.total', { total }),
            onChange: (p) => setParams({ ...(status ? { status } : {}), page: String(p) }),
          }}
          expandable={{
            expandedRowRender: (r) => (
              <div style={{ whiteSpace: 'pre-wrap' }}>
                <p>{r.content}</p>
                {r.decisionReason && <p>{s('reason')}：{r.decisionReason} · {r.decidedBy?.name} {formatTime(r.decidedAt)}</p>}
                {r.plan && <p><b>{s('plan')}</b>：{r.plan}</p>}
              </div>
            ),
          }}
          columns={[
            { title: '#', dataIndex: 'number', width: 170 },
            { title: s('titleField'), dataIndex: 'title', ellipsis: true },
            { title: s('suggester'), key: 'who', width: 140, render: (_, r) => r.suggesterName ?? r.submittedBy.name },
            { title: s('submittedAt'), key: 'at', width: 120, render: (_, r) => formatTime(r.submittedAt) },
            {
              title: t('order.status'), key: 'status', width: 110,
              render: (_, r) => <Space size={0}><Tag color={statusColors[r.status]} bordered={false}>{s(`status.${r.status}`)}</Tag>{r.plan && <Tag color="cyan">{s('planPublished')}</Tag>}</Space>,
            },
            {
              title: '', key: 'actions', width: 150,
              render: (_, r) => manager && (
                <Space>
                  {r.status === 'submitted' && <Button size="small" type="primary" onClick={() => setDialog({ kind: 'decide', suggestion: r })}>{s('decide')}</Button>}
                  {r.status === 'adopted' && !r.plan && <Button size="small" onClick={() => setDialog({ kind: 'plan', suggestion: r })}>{s('publishPlan')}</Button>}
                </Space>
              ),
            },
          ]}
        />
      </Card>
      <Modal open={dialog !== null} destroyOnHidden confirmLoading={busy}
        title={dialog?.kind === 'new' ? s('new') : dialog?.kind === 'decide' ? `${s('decide')} · ${dialog.suggestion.title}` : dialog ? `${s('publishPlan')} · ${dialog.suggestion.title}` : ''}
        okText={t('complaints.actions.confirm')} cancelText={t('complaints.actions.dismiss')} onCancel={() => setDialog(null)} onOk={() => form.submit()}>
        {dialog && (
          <Form form={form} layout="vertical" preserve={false} onFinish={submit} requiredMark={false}>
            {dialog.kind === 'new' && (
              <>
                <Form.Item name="title" label={s('titleField')} rules={required}><Input autoFocus maxLength={200} /></Form.Item>
                <Form.Item name="content" label={s('content')} rules={required}><Input.TextArea rows={4} maxLength={2000} /></Form.Item>
                <Space>
                  <Form.Item name="suggesterName" label={s('suggester')}><Input maxLength={100} /></Form.Item>
                  <Form.Item name="suggesterPhone" label={s('phone')}><Input maxLength={32} /></Form.Item>
                </Space>
              </>
            )}
            {dialog.kind === 'decide' && (
              <>
                <Form.Item name="adopted" rules={[{ required: true, message: t('common.required') }]}>
                  <Radio.Group optionType="button" options={[{ value: true, label: s('adopt') }, { value: false, label: s('decline') }]} />
                </Form.Item>
                <Form.Item name="reason" label={s('reason')} rules={required}><Input.TextArea rows={3} maxLength={500} /></Form.Item>
              </>
            )}
            {dialog.kind === 'plan' && (
              <Form.Item name="plan" label={s('plan')} rules={required}><Input.TextArea autoFocus rows={5} maxLength={2000} /></Form.Item>
            )}
          </Form>
        )}
      </Modal>
    </>
  );
}
