import { ArrowLeftOutlined } from '@ant-design/icons';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { Alert, App, Button, Card, Col, Descriptions, Form, Input, InputNumber, Modal, Radio, Row, Select, Space, Tag, Timeline } from 'antd';
import dayjs from 'dayjs';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate, useParams } from 'react-router';
import { ApiError, getWithETag, send } from '../../api/client';
import type { Complaint } from '../../api/complaints';
import { isStale, problemMessage } from '../../api/problem';
import { categories, priorities } from '../../api/schema';
import { useSession } from '../../auth/session';
import { formatTime } from '../../components/format';
import { availableComplaintActions, closeNeedsReason, type ComplaintAction } from './actions';
import { ComplaintPhotosCard } from './ComplaintPhotos';
import { ComplaintStatusTag, DeadlineTag, placeOf, TierTag } from './format';
import './i18n';

interface Values {
  replyBy?: string; note?: string; finding?: string; actionTaken?: string; justified?: boolean; explanation?: string; satisfied?: boolean;
  comment?: string; reason?: string; level?: 'supervisor' | 'manager'; amount?: number; agreement?: string;
  category?: string; priority?: string; description?: string;
}

/** The body each step sends (services/Complaints/README.md, "The life of a complaint"). */
function body(action: ComplaintAction, v: Values): unknown {
  const text = (s?: string) => s?.trim() || null;
  switch (action) {
    case 'commit-reply-time': return { replyBy: v.replyBy ? dayjs(v.replyBy).toISOString() : null, note: text(v.note) };
    case 'respond': return { finding: text(v.finding), actionTaken: text(v.actionTaken), justified: v.justified, explanation: text(v.explanation) };
    case 'feedback': return { satisfied: v.satisfied, comment: text(v.comment) };
    case 'reopen':
    case 'close': return { reason: text(v.reason) };
    case 'escalate': return { level: v.level ?? 'manager', reason: text(v.reason) };
    case 'compensation': return { amount: v.amount, agreement: text(v.agreement) };
    case 'work-orders': return { category: v.category, priority: v.priority, description: text(v.description) };
    default: return undefined;
  }
}

const required = (message: string) => [{ required: true, whitespace: true, message }];

function ActionForm({ action, complaint }: { action: ComplaintAction; complaint: Complaint }) {
  const { t } = useTranslation();
  const a = (key: string) => t(`complaints.actions.${key}`);
  const need = t('common.required');
  switch (action) {
    case 'commit-reply-time':
      return (
        <>
          <Form.Item name="replyBy" label={a('replyBy')} rules={[{ required: true, message: need }]}>
            <Input type="datetime-local" autoFocus min={dayjs().format('YYYY-MM-DDTHH:mm')} />
          </Form.Item>
          <Form.Item name="note" label={a('note')}><Input.TextArea rows={2} maxLength={500} /></Form.Item>
        </>
      );
    case 'respond':
      return (
        <>
          <Form.Item name="finding" label={a('finding')} rules={required(need)}><Input.TextArea autoFocus rows={3} maxLength={2000} /></Form.Item>
          <Form.Item name="actionTaken" label={a('actionTaken')} rules={required(need)}><Input.TextArea rows={2} maxLength={2000} /></Form.Item>
          <Form.Item name="justified" label={a('verdict')} rules={[{ required: true, message: need }]}>
            <Radio.Group optionType="button" options={[{ value: true, label: a('justified') }, { value: false, label: a('unjustified') }]} />
          </Form.Item>
          <Form.Item noStyle shouldUpdate={(p, n) => p.justified !== n.justified}>
            {({ getFieldValue }) => (
              <Form.Item name="explanation" label={a('explanation')}
                rules={getFieldValue('justified') === false ? required(a('explanationNeeded')) : []}>
                <Input.TextArea rows={3} maxLength={2000} />
              </Form.Item>
            )}
          </Form.Item>
        </>
      );
    case 'feedback':
      return (
        <>
          <Form.Item name="satisfied" label={a('satisfied')} rules={[{ required: true, message: need }]}>
            <Radio.Group optionType="button" options={[
              { value: true, label: t('complaints.detail.satisfied') }, { value: false, label: t('complaints.detail.unsatisfied') },
            ]} />
          </Form.Item>
          <Form.Item name="comment" label={a('comment')}><Input.TextArea rows={2} maxLength={500} /></Form.Item>
        </>
      );
    case 'reopen':
      return <Form.Item name="reason" label={a('reason')} rules={required(need)}><Input.TextArea autoFocus rows={2} maxLength={500} /></Form.Item>;
    case 'close':
      return closeNeedsReason(complaint.status)
        ? <Form.Item name="reason" label={a('reason')} rules={required(need)}><Input.TextArea autoFocus rows={2} maxLength={500} /></Form.Item>
        : <>
          <p>{a('closeSatisfied')}</p>
          <Form.Item name="reason" label={a('note')}><Input.TextArea rows={2} maxLength={500} /></Form.Item>
        </>;
    case 'escalate':
      return (
        <>
          <Form.Item name="level" label={a('level')} initialValue={complaint.escalatedTo === 'supervisor' ? 'manager' : 'supervisor'}>
            <Radio.Group optionType="button" options={(['supervisor', 'manager'] as const)
              .filter((l) => !(l === 'supervisor' && complaint.escalatedTo === 'supervisor'))
              .map((l) => ({ value: l, label: a(l) }))} />
          </Form.Item>
          <Form.Item name="reason" label={a('reason')} rules={required(need)}><Input.TextArea autoFocus rows={2} maxLength={500} /></Form.Item>
        </>
      );
    case 'compensation':
      return (
        <>
          <Form.Item name="amount" label={a('amount')} rules={[{ required: true, message: need }]}>
            <InputNumber autoFocus min={0.01} max={1_000_000} precision={2} style={{ width: '100%' }} />
          </Form.Item>
          <Form.Item name="agreement" label={a('agreement')} rules={required(need)}><Input.TextArea rows={2} maxLength={500} /></Form.Item>
        </>
      );
    case 'work-orders':
      return (
        <>
          <Form.Item name="category" label={a('woCategory')} initialValue="plumbing">
            <Select options={categories.map((c) => ({ value: c, label: t(`category.${c}`) }))} />
          </Form.Item>
          <Form.Item name="priority" label={a('woPriority')} initialValue="normal">
            <Radio.Group optionType="button" options={priorities.map((p) => ({ value: p, label: t(`priority.${p}`) }))} />
          </Form.Item>
          <Form.Item name="description" label={a('woDescription')} rules={required(need)} initialValue={complaint.description}>
            <Input.TextArea autoFocus rows={3} maxLength={2000} />
          </Form.Item>
        </>
      );
    default:
      return null;
  }
}

const withForm: ComplaintAction[] = ['commit-reply-time', 'respond', 'feedback', 'reopen', 'close', 'escalate', 'compensation', 'work-orders'];
const primary: ComplaintAction[] = ['investigate', 'respond', 'feedback'];

export function ComplaintDetailPage() {
  const { id } = useParams();
  const { t } = useTranslation();
  const { message } = App.useApp();
  const navigate = useNavigate();
  const client = useQueryClient();
  const { me } = useSession();
  const [open, setOpen] = useState<ComplaintAction | null>(null);
  const [busy, setBusy] = useState(false);
  const [form] = Form.useForm<Values>();
  const d = (key: string) => t(`complaints.detail.${key}`);

  const complaint = useQuery({
    queryKey: ['complaint', id],
    queryFn: ({ signal }) => getWithETag<Complaint>(`/api/complaints/complaints/${id}`, signal),
    // A requested work order gets its number when Engineering's service takes it, moments later: until then the page
    // looks again every two seconds (not while a form is open, so a form never acts on a version it was not shown).
    refetchInterval: (query) => {
      const c = query.state.data?.data;
      return !open && c && c.workOrderRequests.length > c.workOrders.length ? 2000 : false;
    },
  });

  const reload = () => {
    client.invalidateQueries({ queryKey: ['complaint', id] });
    client.invalidateQueries({ queryKey: ['complaints'] });
  };

  const run = async (action: ComplaintAction, values: Values = {}) => {
    if (!complaint.data) return;
    setBusy(true);
    try {
      // The version read goes as If-Match: a step on a complaint someone changed since is refused (409) instead of overwriting.
      await send<Complaint>(`/api/complaints/complaints/${id}/${action}`, body(action, values), { ifMatch: complaint.data.etag });
      message.success({ key: `complaint-${id}`, content: action === 'work-orders' ? t('complaints.actions.woRequested') : t('complaints.actions.done') });
      setOpen(null);
      form.resetFields();
      reload();
    } catch (e) {
      if (isStale(e) || (e instanceof ApiError && e.status === 409)) {
        // Someone acted first, or the state no longer allows the step: show the complaint as it is now.
        message.warning(isStale(e) ? t('complaints.actions.stale') : problemMessage(e, t), 6);
        setOpen(null);
        reload();
      } else {
        message.error(problemMessage(e, t), 6);
      }
    } finally {
      setBusy(false);
    }
  };

  if (complaint.error) return <Alert type="error" showIcon title={problemMessage(complaint.error, t)} />;
  if (!complaint.data) return <Card loading />;
  const c = complaint.data.data;
  const actions = availableComplaintActions(c, me.roles);
  const complainant = c.complainantHidden ? d('hidden') : [c.complainantName, c.complainantPhone].filter(Boolean).join(' ') || (c.anonymous ? t('complaints.anonymous') : '—');

  return (
    <>
      <h1 className="pp-page-title">
        <Space wrap size={6}>
          <Button type="text" icon={<ArrowLeftOutlined />} onClick={() => navigate(-1)} aria-label={d('back')} />
          <span style={{ fontVariantNumeric: 'tabular-nums' }}>{c.number}</span>
          <span data-testid="complaint-status"><ComplaintStatusTag status={c.status} /></span>
          <TierTag tier={c.tier} />
          <DeadlineTag complaint={c} />
          {c.escalatedTo && <Tag color="purple">{t(`complaints.escalated.${c.escalatedTo}`)}</Tag>}
          {c.hotProposed && <Tag color="orange">{t('complaints.hotProposed')}</Tag>}
        </Space>
      </h1>
      {actions.length > 0 && (
        <div className="pp-actions" style={{ marginBottom: 12 }} data-testid="complaint-actions">
          {actions.map((action) => (
            <Button key={action} size="large" loading={busy && open === null} type={primary.includes(action) ? 'primary' : 'default'}
              onClick={() => (withForm.includes(action) ? setOpen(action) : run(action))}>
              {t(`complaints.actions.${action}`)}
            </Button>
          ))}
        </div>
      )}
      <Row gutter={[12, 12]}>
        <Col xs={24} lg={15}>
          <Card size="small" title={`${placeOf(c)} · ${t(`complaints.category.${c.category}`)}`}>
            <p style={{ fontSize: 15, margin: '0 0 12px', whiteSpace: 'pre-wrap' }}>{c.description}</p>
            <Descriptions size="small" column={{ xs: 1, sm: 2 }} colon={false} labelStyle={{ color: '#8a919f' }}>
              <Descriptions.Item label={t('complaints.columns.complainant')}>{complainant}</Descriptions.Item>
              <Descriptions.Item label={t('order.channel')}>{t(`complaints.channel.${c.channel}`)}</Descriptions.Item>
              <Descriptions.Item label={d('receivedBy')}>{formatTime(c.receivedAt)} · {c.receivedBy?.name ?? '—'}</Descriptions.Item>
              <Descriptions.Item label={d('owner')}>{c.owner?.name ?? '—'}</Descriptions.Item>
              <Descriptions.Item label={d('investigationDue')}>{formatTime(c.investigationDueAt)}</Descriptions.Item>
              <Descriptions.Item label={d('replyDue')}>
                {formatTime(c.replyDueAt)}{c.replyCommittedAt ? ` (${d('committed')})` : ''}
              </Descriptions.Item>
              {Number(c.reopenCount) > 0 && <Descriptions.Item label={d('reopenCount')}>{c.reopenCount}</Descriptions.Item>}
              {c.coComplainants.length > 0 && (
                <Descriptions.Item label={d('coComplainants')} span={2}>
                  {c.coComplainants.map((co) => [co.name, co.unit, co.phone].filter(Boolean).join(' ')).join('；')}
                </Descriptions.Item>
              )}
            </Descriptions>
            {c.finding && (
              <Alert style={{ marginTop: 8 }} type={c.justified ? 'warning' : 'info'} showIcon
                title={<span>{d('answer')} · <b>{c.justified ? d('justified') : d('unjustified')}</b>{c.respondedOnTime === false ? ` · ${d('late')}` : ''}</span>}
                description={
                  <div style={{ whiteSpace: 'pre-wrap' }}>
                    <div>{d('finding')}：{c.finding}</div>
                    <div>{d('actionTaken')}：{c.actionTaken}</div>
                    {c.explanation && <div>{d('explanation')}：{c.explanation}</div>}
                    <div className="pp-muted">{formatTime(c.respondedAt)} · {c.respondedBy?.name}</div>
                  </div>
                } />
            )}
            {c.satisfied !== null && c.satisfied !== undefined && (
              <Alert style={{ marginTop: 8 }} type={c.satisfied ? 'success' : 'error'} showIcon
                title={`${d('feedback')}：${c.satisfied ? d('satisfied') : d('unsatisfied')}`} description={c.feedbackComment ?? undefined} />
            )}
            {c.compensation && (
              <Alert style={{ marginTop: 8 }} type="info" showIcon
                title={`${d('compensation')}：¥${Number(c.compensation.amount).toFixed(2)}`}
                description={`${c.compensation.agreement} · ${d('approvedBy')} ${c.compensation.approvedBy.name}`} />
            )}
            {c.closeReason && <Alert style={{ marginTop: 8 }} type="warning" showIcon title={`${d('closeReason')}：${c.closeReason}`} />}
          </Card>
          <ComplaintPhotosCard complaint={c} etag={complaint.data.etag} onChanged={reload} />
          {(c.workOrders.length > 0 || c.workOrderRequests.length > 0) && (
            <Card size="small" title={d('workOrders')} style={{ marginTop: 12 }} data-testid="complaint-work-orders">
              {c.workOrders.map((o) => (
                <div key={o.workOrderId} style={{ marginBottom: 4 }}>
                  <b style={{ fontVariantNumeric: 'tabular-nums' }}>{o.number}</b> <Tag>{t(`complaints.wo.${o.status}`)}</Tag>
                  {o.outcome && <span>{o.outcome}</span>} <span className="pp-muted">{formatTime(o.updatedAt)}</span>
                </div>
              ))}
              {c.workOrderRequests.length > c.workOrders.length && c.workOrderRequests.slice(c.workOrders.length).map((r) => (
                <div key={r.id} className="pp-muted">{d('requested')} · {t(`category.${r.category}`)} · {r.description} · {formatTime(r.requestedAt)}</div>
              ))}
            </Card>
          )}
        </Col>
        <Col xs={24} lg={9}>
          <Card size="small" title={d('timeline')}>
            <Timeline
              items={[...(c.timeline ?? [])].reverse().map((line) => ({
                color: line.kind === 'note' ? 'blue' : line.to === 'reopened' ? 'red' : 'green',
                children: (
                  <div>
                    <div>
                      {line.kind === 'transition' ? <b>{t(`complaints.status.${line.to}`)}</b> : null}
                      {line.note && <span style={{ whiteSpace: 'pre-wrap' }}>{line.kind === 'transition' ? '：' : ''}{line.note}</span>}
                    </div>
                    <div className="pp-muted">
                      {formatTime(line.at)} · {line.by ? (line.by.personId === '00000000-0000-0000-0000-000000000000' ? d('system') : line.by.name) : d('hidden')}
                    </div>
                  </div>
                ),
              }))}
            />
          </Card>
        </Col>
      </Row>
      <Modal
        open={open !== null} destroyOnHidden confirmLoading={busy} title={open ? t(`complaints.actions.${open}`) : ''}
        okText={t('complaints.actions.confirm')} cancelText={t('complaints.actions.dismiss')}
        onCancel={() => setOpen(null)} onOk={() => form.submit()}
      >
        {open && (
          <Form form={form} layout="vertical" preserve={false} onFinish={(values) => run(open, values)} requiredMark={false}>
            <ActionForm action={open} complaint={c} />
          </Form>
        )}
      </Modal>
    </>
  );
}
