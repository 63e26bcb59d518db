import { MinusCircleOutlined, PlusOutlined, ReloadOutlined } from '@ant-design/icons';
import { keepPreviousData, useQuery, useQueryClient } from '@tanstack/react-query';
import { Alert, App, Button, Card, Form, Input, Modal, Radio, Rate, Select, Space, Switch, Table, Tabs, Tag } from 'antd';
import dayjs from 'dayjs';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useSearchParams } from 'react-router';
import { getJson, query, send } from '../../api/client';
import type { DueVisit, DueVisitPage, DueVisitStatus, Survey, SurveyPage, SurveyResults, Visit, VisitPage, VisitPlan, VisitPlanPage } from '../../api/complaints';
import { getAll } from '../../api/pages';
import { problemMessage } from '../../api/problem';
import type { components as D } from '../../api/types/directory';
import { useSession } from '../../auth/session';
import { formatTime } from '../../components/format';
import { useProperty } from '../../components/useProperty';
import { visitBody, type VisitFormValues } from './followUps';
import './i18n';

type Building = D['schemas']['BuildingView'];
type Staff = D['schemas']['StaffSummary'];

const dueColors: Record<DueVisitStatus, string> = { due: 'blue', overdue: 'red', done: 'green' };

/**
 * Follow-up visits (回访): the visits the plans make due (each building quarterly by its staff member, each occupied unit
 * yearly by the director), recording a visit with its questionnaire and feedback, handling each piece of feedback, the
 * plans and the questionnaires. services/Complaints/README.md "Visit plans", "Questionnaires".
 */
export function FollowUpsPage() {
  const { t } = useTranslation();
  const [params, setParams] = useSearchParams();
  const tab = params.get('tab') ?? 'due';
  return (
    <>
      <h1 className="pp-page-title">{t('followUps.title')}</h1>
      <Tabs activeKey={tab} onChange={(key) => setParams({ tab: key })} destroyOnHidden items={[
        { key: 'due', label: t('followUps.tabs.due'), children: <DueVisits /> },
        { key: 'visits', label: t('followUps.tabs.visits'), children: <Visits /> },
        { key: 'plans', label: t('followUps.tabs.plans'), children: <Plans /> },
        { key: 'surveys', label: t('followUps.tabs.surveys'), children: <Surveys /> },
      ]} />
    </>
  );
}

function DueVisits() {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const client = useQueryClient();
  const { propertyId } = useProperty();
  const [status, setStatus] = useState<string>('open');
  const [mine, setMine] = useState(false);
  const [recording, setRecording] = useState<DueVisit | null | undefined>(undefined);
  const [generating, setGenerating] = useState(false);
  const search = query({ propertyId, status: status === 'all' ? undefined : status, mine: mine || undefined, pageSize: 100 });
  const list = useQuery({
    queryKey: ['due-visits', search],
    queryFn: ({ signal }) => getJson<DueVisitPage>(`/api/complaints/visit-plans/due-visits${search}`, signal),
    enabled: !!propertyId,
    placeholderData: keepPreviousData,
  });
  const generate = async () => {
    setGenerating(true);
    try {
      const result = await send<{ created: number }>('/api/complaints/visit-plans/generate', { propertyId });
      message.success(t('followUps.generated', { count: Number(result.created) }));
      client.invalidateQueries({ queryKey: ['due-visits'] });
    } catch (e) {
      message.error(problemMessage(e, t));
    } finally {
      setGenerating(false);
    }
  };
  return (
    <>
      <Card size="small" style={{ marginBottom: 12 }}>
        <Space wrap>
          <Radio.Group optionType="button" value={status} onChange={(e) => setStatus(e.target.value)} options={['open', 'overdue', 'done', 'all'].map((s) => ({ value: s, label: t(`followUps.dueFilter.${s}`) }))} />
          <Space><Switch checked={mine} onChange={setMine} aria-label={t('followUps.mine')} />{t('followUps.mine')}</Space>
          <Button icon={<ReloadOutlined />} onClick={generate} loading={generating} data-testid="generate-due-visits">{t('followUps.generate')}</Button>
          <Button icon={<PlusOutlined />} onClick={() => setRecording(null)}>{t('followUps.recordFree')}</Button>
        </Space>
      </Card>
      {list.error && <Alert type="error" showIcon title={problemMessage(list.error, t)} style={{ marginBottom: 12 }} />}
      <Card size="small" styles={{ body: { padding: 0 } }}>
        <Table<DueVisit>
          rowKey="id" size="middle" dataSource={list.data?.items} loading={list.isFetching} pagination={false} locale={{ emptyText: t('followUps.noDue') }}
          columns={[
            { title: t('followUps.subject'), dataIndex: 'name' },
            { title: t('followUps.kind'), key: 'kind', width: 150, render: (_, d) => t(`followUps.kinds.${d.kind}`) },
            { title: t('followUps.period'), dataIndex: 'period', width: 100 },
            { title: t('followUps.dueBy'), dataIndex: 'dueBy', width: 120 },
            { title: t('followUps.assignee'), key: 'assignee', width: 130, render: (_, d) => d.assignee.name },
            { title: t('order.status'), key: 'status', width: 100, render: (_, d) => <Tag color={dueColors[d.status]} bordered={false}>{t(`followUps.dueStatus.${d.status}`)}</Tag> },
            {
              title: '', key: 'actions', width: 120,
              render: (_, d) => d.status !== 'done'
                ? <Button size="small" type="primary" onClick={() => setRecording(d)}>{t('followUps.record')}</Button>
                : <span className="pp-muted">{formatTime(d.doneAt)}</span>,
            },
          ]}
        />
      </Card>
      {recording !== undefined && <RecordVisitDialog due={recording} onClose={() => setRecording(undefined)} />}
    </>
  );
}

/** Records a visit made now: against a due visit (its place known) or to an area; the questionnaire, satisfaction and feedback. */
function RecordVisitDialog({ due, onClose }: { due: DueVisit | null; onClose: () => void }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const client = useQueryClient();
  const { propertyId } = useProperty();
  const [form] = Form.useForm<VisitFormValues>();
  const [busy, setBusy] = useState(false);
  const surveyId = Form.useWatch('surveyId', form);
  const surveys = useQuery({
    queryKey: ['surveys', 'current', propertyId],
    queryFn: ({ signal }) => getJson<SurveyPage>(`/api/complaints/surveys${query({ propertyId, current: true, pageSize: 50 })}`, signal),
    enabled: !!propertyId,
  });
  const survey = surveys.data?.items.find((s) => s.id === surveyId);
  const submit = async (values: VisitFormValues) => {
    setBusy(true);
    try {
      await send('/api/complaints/visits', visitBody(propertyId!, due?.id ?? null, values, survey));
      message.success(t('followUps.recorded'));
      client.invalidateQueries({ queryKey: ['due-visits'] });
      client.invalidateQueries({ queryKey: ['visits'] });
      onClose();
    } catch (e) {
      message.error(problemMessage(e, t), 6);
    } finally {
      setBusy(false);
    }
  };
  return (
    <Modal open destroyOnHidden width={640} confirmLoading={busy} title={`${t('followUps.record')}${due ? ` · ${due.name}` : ''}`}
      okText={t('complaints.actions.confirm')} cancelText={t('complaints.actions.dismiss')} onCancel={onClose} onOk={() => form.submit()}>
      <Form form={form} layout="vertical" onFinish={submit} requiredMark={false} initialValues={{ method: 'in_person', satisfaction: 5 }}>
        {!due && (
          <Form.Item name="area" label={t('followUps.area')} rules={[{ required: true, whitespace: true, message: t('common.required') }]}>
            <Input maxLength={200} placeholder={t('followUps.areaPlaceholder')} />
          </Form.Item>
        )}
        <Space wrap size="large">
          <Form.Item name="method" label={t('followUps.method')}>
            <Radio.Group optionType="button" options={(['in_person', 'phone'] as const).map((m) => ({ value: m, label: t(`followUps.methods.${m}`) }))} />
          </Form.Item>
          <Form.Item name="satisfaction" label={t('followUps.satisfaction')} rules={[{ required: true, message: t('common.required') }]}>
            <Rate allowClear={false} aria-label={t('followUps.satisfaction')} />
          </Form.Item>
        </Space>
        <Form.Item name="surveyId" label={t('followUps.survey')}>
          <Select allowClear loading={surveys.isLoading} options={surveys.data?.items.map((s) => ({ value: s.id, label: s.title }))} />
        </Form.Item>
        {survey?.questions.map((q) => (
          <Form.Item key={q.id} name={['answers', q.id]} label={`${q.sequence}. ${q.text}`}
            rules={q.required ? [{ required: true, message: t('common.required') }] : []}>
            {q.kind === 'score' ? <Rate aria-label={q.text} /> : <Input.TextArea rows={2} maxLength={1000} />}
          </Form.Item>
        ))}
        <Form.Item name="notes" label={t('followUps.notes')}><Input.TextArea rows={2} maxLength={1000} /></Form.Item>
        <Form.Item name="feedback" label={t('followUps.feedbackItems')} extra={t('followUps.feedbackHint')}>
          <Input.TextArea rows={3} maxLength={5000} data-testid="visit-feedback" />
        </Form.Item>
      </Form>
    </Modal>
  );
}

function Visits() {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const client = useQueryClient();
  const { has } = useSession();
  const { propertyId } = useProperty();
  const [openOnly, setOpenOnly] = useState(true);
  const [handling, setHandling] = useState<{ visit: Visit; itemId: string; text: string } | null>(null);
  const [busy, setBusy] = useState(false);
  const search = query({ propertyId, openItems: openOnly || undefined, pageSize: 100 });
  const list = useQuery({
    queryKey: ['visits', search],
    queryFn: ({ signal }) => getJson<VisitPage>(`/api/complaints/visits${search}`, signal),
    enabled: !!propertyId,
    placeholderData: keepPreviousData,
  });
  const handle = async (values: { resolution: string }) => {
    if (!handling) return;
    setBusy(true);
    try {
      await send(`/api/complaints/visits/${handling.visit.id}/items/${handling.itemId}/handle`, values);
      message.success(t('complaints.actions.done'));
      setHandling(null);
    } catch (e) {
      message.error(problemMessage(e, t), 6);
    } finally {
      setBusy(false);
      client.invalidateQueries({ queryKey: ['visits'] });
    }
  };
  const desk = has('frontdesk', 'supervisor', 'manager');
  return (
    <>
      <Card size="small" style={{ marginBottom: 12 }}>
        <Space><Switch checked={openOnly} onChange={setOpenOnly} aria-label={t('followUps.openItemsOnly')} />{t('followUps.openItemsOnly')}</Space>
      </Card>
      {list.error && <Alert type="error" showIcon title={problemMessage(list.error, t)} style={{ marginBottom: 12 }} />}
      <Card size="small" styles={{ body: { padding: 0 } }}>
        <Table<Visit>
          rowKey="id" size="middle" dataSource={list.data?.items} loading={list.isFetching} pagination={false} locale={{ emptyText: t('followUps.noVisits') }}
          expandable={{
            defaultExpandAllRows: true,
            rowExpandable: (v) => v.feedbackItems.length > 0 || !!v.notes,
            expandedRowRender: (v) => (
              <div>
                {v.notes && <p style={{ whiteSpace: 'pre-wrap' }}>{v.notes}</p>}
                {v.feedbackItems.map((item) => (
                  <div key={item.id} style={{ display: 'flex', gap: 8, alignItems: 'center', padding: '2px 0' }}>
                    <Tag color={item.handled ? 'green' : 'orange'} bordered={false}>{item.handled ? t('followUps.handled') : t('followUps.open')}</Tag>
                    <span>{item.text}</span>
                    {item.handled
                      ? <span className="pp-muted">→ {item.handled.resolution} · {item.handled.by.name} {formatTime(item.handled.at)}</span>
                      : desk && <Button size="small" onClick={() => setHandling({ visit: v, itemId: item.id, text: item.text })}>{t('followUps.handle')}</Button>}
                  </div>
                ))}
              </div>
            ),
          }}
          columns={[
            { title: t('followUps.visitedAt'), key: 'at', width: 130, render: (_, v) => formatTime(v.visitedAt) },
            { title: t('followUps.subject'), key: 'place', render: (_, v) => v.area ?? '—' },
            { title: t('followUps.method'), key: 'method', width: 80, render: (_, v) => t(`followUps.methods.${v.method}`) },
            { title: t('followUps.satisfaction'), key: 'satisfaction', width: 160, render: (_, v) => <Rate disabled value={Number(v.satisfaction)} style={{ fontSize: 14 }} /> },
            { title: t('followUps.surveyScore'), key: 'score', width: 100, render: (_, v) => (v.surveyScore == null ? '—' : Number(v.surveyScore).toFixed(2)) },
            { title: t('followUps.visitedBy'), key: 'by', width: 110, render: (_, v) => v.visitedBy.name },
            { title: t('followUps.openItems'), key: 'open', width: 90, render: (_, v) => (Number(v.openItems) > 0 ? <Tag color="orange">{String(v.openItems)}</Tag> : '0') },
          ]}
        />
      </Card>
      <Modal open={handling !== null} destroyOnHidden confirmLoading={busy} title={`${t('followUps.handle')} · ${handling?.text ?? ''}`}
        okText={t('complaints.actions.confirm')} cancelText={t('complaints.actions.dismiss')} onCancel={() => setHandling(null)}
        okButtonProps={{ form: 'handle-item', htmlType: 'submit' }}>
        <Form id="handle-item" layout="vertical" onFinish={handle} requiredMark={false} preserve={false}>
          <Form.Item name="resolution" label={t('followUps.resolution')} rules={[{ required: true, whitespace: true, message: t('common.required') }]}>
            <Input.TextArea autoFocus rows={3} maxLength={1000} />
          </Form.Item>
        </Form>
      </Modal>
    </>
  );
}

function Plans() {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const client = useQueryClient();
  const { has, me } = useSession();
  const { propertyId } = useProperty();
  const planner = has('supervisor', 'manager');
  const [creating, setCreating] = useState(false);
  const [ending, setEnding] = useState<VisitPlan | null>(null);
  const [busy, setBusy] = useState(false);
  const [form] = Form.useForm();
  const kind = Form.useWatch('kind', form);
  const plans = useQuery({
    queryKey: ['visit-plans', propertyId],
    queryFn: ({ signal }) => getJson<VisitPlanPage>(`/api/complaints/visit-plans${query({ propertyId, pageSize: 100 })}`, signal),
    enabled: !!propertyId,
  });
  const buildings = useQuery({
    queryKey: ['buildings', propertyId],
    queryFn: ({ signal }) => getAll<Building>(`/api/directory/buildings?propertyId=${propertyId}`, signal),
    enabled: !!propertyId && creating,
  });
  // Managers may read the staff list; anyone else plans visits for themselves.
  const staff = useQuery({
    queryKey: ['staff', propertyId],
    queryFn: ({ signal }) => getAll<Staff>(`/api/directory/staff?propertyId=${propertyId}`, signal),
    enabled: !!propertyId && creating && has('manager'),
  });
  const people = [{ id: me.id, name: me.name }, ...(staff.data ?? []).filter((s) => s.id !== me.id).map((s) => ({ id: s.id, name: s.name }))];
  const submit = async (values: { kind: 'area' | 'occupants'; buildingId?: string; assigneeId: string }) => {
    setBusy(true);
    try {
      const assignee = people.find((p) => p.id === values.assigneeId)!;
      await send('/api/complaints/visit-plans', {
        propertyId, kind: values.kind, buildingId: values.kind === 'area' ? values.buildingId : null, assigneeId: assignee.id, assigneeName: assignee.name,
      });
      message.success(t('complaints.actions.done'));
      setCreating(false);
      client.invalidateQueries({ queryKey: ['visit-plans'] });
      client.invalidateQueries({ queryKey: ['due-visits'] });
    } catch (e) {
      message.error(problemMessage(e, t), 6);
    } finally {
      setBusy(false);
    }
  };
  // Ending a plan stops new due visits from the day chosen; those already due stay (README "Visit plans").
  const end = async (values: { endsOn: string }) => {
    if (!ending) return;
    setBusy(true);
    try {
      await send(`/api/complaints/visit-plans/${ending.id}/end`, { endsOn: values.endsOn });
      message.success(t('followUps.ended'));
      setEnding(null);
      client.invalidateQueries({ queryKey: ['visit-plans'] });
    } catch (e) {
      message.error(problemMessage(e, t), 6);
    } finally {
      setBusy(false);
    }
  };
  return (
    <>
      {planner && <Button type="primary" icon={<PlusOutlined />} style={{ marginBottom: 12 }} onClick={() => setCreating(true)}>{t('followUps.newPlan')}</Button>}
      {plans.error && <Alert type="error" showIcon title={problemMessage(plans.error, t)} style={{ marginBottom: 12 }} />}
      <Card size="small" styles={{ body: { padding: 0 } }}>
        <Table<VisitPlan>
          rowKey="id" size="middle" dataSource={plans.data?.items} loading={plans.isFetching} pagination={false} locale={{ emptyText: t('followUps.noPlans') }}
          columns={[
            { title: t('followUps.subject'), dataIndex: 'name' },
            { title: t('followUps.kind'), key: 'kind', width: 180, render: (_, p) => t(`followUps.kinds.${p.kind}`) },
            { title: t('followUps.cadence'), key: 'cadence', width: 100, render: (_, p) => t(`followUps.cadences.${p.cadence}`) },
            { title: t('followUps.assignee'), key: 'assignee', width: 140, render: (_, p) => p.assignee.name },
            { title: t('followUps.createdBy'), key: 'by', width: 200, render: (_, p) => `${p.createdBy.name} ${formatTime(p.createdAt)}` },
            {
              key: 'end', width: 140,
              render: (_, p) => p.endsOn
                ? <Tag>{t('followUps.endsOnShort', { date: p.endsOn })}</Tag>
                : planner && <Button size="small" onClick={() => setEnding(p)} data-testid="end-visit-plan">{t('followUps.endPlan')}</Button>,
            },
          ]}
        />
      </Card>
      <Modal open={creating} destroyOnHidden confirmLoading={busy} title={t('followUps.newPlan')}
        okText={t('complaints.actions.confirm')} cancelText={t('complaints.actions.dismiss')} onCancel={() => setCreating(false)} onOk={() => form.submit()}>
        <Form form={form} layout="vertical" preserve={false} onFinish={submit} requiredMark={false} initialValues={{ kind: 'area', assigneeId: me.id }}>
          <Form.Item name="kind">
            <Radio.Group optionType="button" options={(['area', 'occupants'] as const).map((k) => ({ value: k, label: t(`followUps.kinds.${k}`) }))} />
          </Form.Item>
          {kind !== 'occupants' && (
            <Form.Item name="buildingId" label={t('followUps.building')} rules={[{ required: true, message: t('common.required') }]}>
              <Select loading={buildings.isLoading} options={buildings.data?.map((b) => ({ value: b.id, label: b.name }))} />
            </Form.Item>
          )}
          <Form.Item name="assigneeId" label={kind === 'occupants' ? t('followUps.director') : t('followUps.assignee')} rules={[{ required: true, message: t('common.required') }]}>
            <Select showSearch optionFilterProp="label" loading={staff.isLoading} options={people.map((p) => ({ value: p.id, label: p.name }))} />
          </Form.Item>
        </Form>
      </Modal>
      <Modal open={ending !== null} destroyOnHidden confirmLoading={busy} title={t('followUps.endPlanTitle', { name: ending?.name ?? '' })}
        okText={t('complaints.actions.confirm')} cancelText={t('complaints.actions.dismiss')} onCancel={() => setEnding(null)}
        okButtonProps={{ form: 'end-visit-plan', htmlType: 'submit' }}>
        <Form id="end-visit-plan" layout="vertical" preserve={false} onFinish={end} requiredMark={false} initialValues={{ endsOn: dayjs().format('YYYY-MM-DD') }}>
          <Form.Item name="endsOn" label={t('followUps.endsOn')} extra={t('followUps.endHint')} rules={[{ required: true, message: t('common.required') }]}>
            <Input type="date" min={dayjs().format('YYYY-MM-DD')} />
          </Form.Item>
        </Form>
      </Modal>
    </>
  );
}

function Surveys() {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const client = useQueryClient();
  const { has } = useSession();
  const { propertyId } = useProperty();
  const planner = has('supervisor', 'manager');
  const [creating, setCreating] = useState(false);
  const [busy, setBusy] = useState(false);
  const [showing, setShowing] = useState<Survey | null>(null);
  const [form] = Form.useForm();
  const surveys = useQuery({
    queryKey: ['surveys', 'all', propertyId],
    queryFn: ({ signal }) => getJson<SurveyPage>(`/api/complaints/surveys${query({ propertyId, pageSize: 50 })}`, signal),
    enabled: !!propertyId,
  });
  const results = useQuery({
    queryKey: ['survey-results', showing?.id],
    queryFn: ({ signal }) => getJson<SurveyResults>(`/api/complaints/surveys/${showing!.id}/results`, signal),
    enabled: !!showing && has('supervisor', 'manager', 'admin'),
  });
  const act = async (run: () => Promise<unknown>) => {
    setBusy(true);
    try {
      await run();
      message.success(t('complaints.actions.done'));
      setCreating(false);
    } catch (e) {
      message.error(problemMessage(e, t), 6);
    } finally {
      setBusy(false);
      client.invalidateQueries({ queryKey: ['surveys'] });
    }
  };
  return (
    <>
      {planner && <Button type="primary" icon={<PlusOutlined />} style={{ marginBottom: 12 }} onClick={() => setCreating(true)}>{t('followUps.newSurvey')}</Button>}
      {surveys.error && <Alert type="error" showIcon title={problemMessage(surveys.error, t)} style={{ marginBottom: 12 }} />}
      <Card size="small" styles={{ body: { padding: 0 } }}>
        <Table<Survey>
          rowKey="id" size="middle" dataSource={surveys.data?.items} loading={surveys.isFetching} pagination={false} locale={{ emptyText: t('followUps.noSurveys') }}
          expandable={{ expandedRowRender: (s) => <ol style={{ margin: 0 }}>{s.questions.map((q) => <li key={q.id}>{q.text} <Tag bordered={false}>{t(`followUps.questionKinds.${q.kind}`)}</Tag>{!q.required && <Tag bordered={false}>{t('followUps.optional')}</Tag>}</li>)}</ol> }}
          columns={[
            { title: t('followUps.surveyTitle'), dataIndex: 'title' },
            { title: t('followUps.questions'), key: 'n', width: 90, render: (_, s) => s.questions.length },
            { title: t('order.status'), key: 'retired', width: 100, render: (_, s) => (s.retired ? <Tag>{t('followUps.retired')}</Tag> : <Tag color="green">{t('followUps.current')}</Tag>) },
            { title: t('followUps.createdBy'), key: 'by', width: 200, render: (_, s) => `${s.createdBy.name} ${formatTime(s.createdAt)}` },
            {
              title: '', key: 'actions', width: 180,
              render: (_, s) => (
                <Space>
                  {has('supervisor', 'manager', 'admin') && <Button size="small" onClick={() => setShowing(s)}>{t('followUps.results')}</Button>}
                  {planner && !s.retired && <Button size="small" loading={busy} onClick={() => act(() => send(`/api/complaints/surveys/${s.id}/retire`))}>{t('followUps.retire')}</Button>}
                </Space>
              ),
            },
          ]}
        />
      </Card>
      <Modal open={creating} destroyOnHidden width={640} confirmLoading={busy} title={t('followUps.newSurvey')}
        okText={t('complaints.actions.confirm')} cancelText={t('complaints.actions.dismiss')} onCancel={() => setCreating(false)} onOk={() => form.submit()}>
        <Form form={form} layout="vertical" preserve={false} requiredMark={false} initialValues={{ questions: [{ kind: 'score', required: true }] }}
          onFinish={(values) => act(() => send('/api/complaints/surveys', { propertyId, ...values }))}>
          <Form.Item name="title" label={t('followUps.surveyTitle')} rules={[{ required: true, whitespace: true, message: t('common.required') }]}><Input maxLength={200} /></Form.Item>
          <Form.List name="questions">
            {(fields, { add, remove }) => (
              <>
                {fields.map((field) => (
                  <Space key={field.key} align="baseline" wrap>
                    <Form.Item name={[field.name, 'text']} rules={[{ required: true, whitespace: true, message: t('common.required') }]}>
                      <Input placeholder={t('followUps.question')} maxLength={500} style={{ width: 300 }} />
                    </Form.Item>
                    <Form.Item name={[field.name, 'kind']}>
                      <Select style={{ width: 110 }} options={(['score', 'text'] as const).map((k) => ({ value: k, label: t(`followUps.questionKinds.${k}`) }))} />
                    </Form.Item>
                    <Form.Item name={[field.name, 'required']} valuePropName="checked"><Switch checkedChildren={t('followUps.required')} unCheckedChildren={t('followUps.optional')} /></Form.Item>
                    {fields.length > 1 && <MinusCircleOutlined onClick={() => remove(field.name)} aria-label={t('complaints.actions.dismiss')} />}
                  </Space>
                ))}
                {fields.length < 30 && <Button type="dashed" icon={<PlusOutlined />} onClick={() => add({ kind: 'score', required: true })}>{t('followUps.addQuestion')}</Button>}
              </>
            )}
          </Form.List>
        </Form>
      </Modal>
      <Modal open={showing !== null} footer={null} onCancel={() => setShowing(null)} title={`${t('followUps.results')} · ${showing?.title ?? ''}`}>
        {results.error && <Alert type="error" showIcon title={problemMessage(results.error, t)} />}
        {results.data && (
          <>
            <p>{t('followUps.resultsSummary', { visits: Number(results.data.visits), score: results.data.averageScore == null ? '—' : Number(results.data.averageScore).toFixed(2) })}</p>
            <Table rowKey="questionId" size="small" pagination={false} dataSource={results.data.questions} columns={[
              { title: '#', dataIndex: 'sequence', width: 40 },
              { title: t('followUps.question'), dataIndex: 'text' },
              { title: t('followUps.answers'), key: 'n', width: 70, render: (_, q) => String(q.answers) },
              { title: t('followUps.averageScore'), key: 'avg', width: 90, render: (_, q) => (q.averageScore == null ? '—' : Number(q.averageScore).toFixed(2)) },
            ]} />
          </>
        )}
      </Modal>
    </>
  );
}
