import { ArrowLeftOutlined, CameraOutlined, FrownOutlined, SmileOutlined } from '@ant-design/icons';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import {
  Alert, App, Button, Card, Col, Descriptions, Empty, Form, Image, Input, InputNumber, Modal, Rate, Row, Select, Space, Switch,
  Timeline, Upload, type UploadFile,
} from 'antd';
import dayjs from 'dayjs';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate, useParams } from 'react-router';
import { ApiError, getWithETag, send } from '../api/client';
import { isStale, problemMessage } from '../api/problem';
import type { WorkOrderDetail, WorkOrderStatus } from '../api/schema';
import { useSession, type Role } from '../auth/session';
import { AuthImage } from '../components/AuthImage';
import { useEngineers } from '../components/engineers';
import { formatTime, OverdueTag, PriorityTag, StatusTag } from '../components/format';

export type Action = 'dispatch' | 'accept' | 'start' | 'hold' | 'resume' | 'complete' | 'follow-up' | 'close' | 'cancel' | 'reopen' | 'quote/accept' | 'quote/decline';

const desk: Role[] = ['frontdesk', 'supervisor', 'manager', 'admin'];
// Who may take each action from which states (services/WorkOrders/README.md, "The life of an order").
const rules: { action: Action; roles: Role[]; from: WorkOrderStatus[] }[] = [
  { action: 'accept', roles: ['engineer'], from: ['dispatched'] },
  { action: 'start', roles: ['engineer'], from: ['accepted'] },
  { action: 'complete', roles: ['engineer'], from: ['in_progress'] },
  { action: 'hold', roles: ['engineer'], from: ['in_progress'] },
  { action: 'resume', roles: ['engineer'], from: ['on_hold'] },
  { action: 'dispatch', roles: desk, from: ['submitted', 'dispatched', 'reopened'] },
  { action: 'follow-up', roles: [...desk, 'occupant'], from: ['completed'] },
  { action: 'close', roles: desk, from: ['followed_up'] },
  { action: 'reopen', roles: [...desk, 'occupant'], from: ['completed', 'followed_up', 'closed'] },
  { action: 'cancel', roles: [...desk, 'occupant'], from: ['submitted', 'dispatched', 'accepted', 'reopened'] },
];

/** The actions the caller's roles may take on the order in its state now. */
export function availableActions(order: Pick<WorkOrderDetail, 'status' | 'quote'>, roles: string[]): Action[] {
  const actions = rules.filter((r) => r.from.includes(order.status) && r.roles.some((role) => roles.includes(role))).map((r) => r.action);
  if (order.quote?.status === 'pending' && roles.some((r) => r === 'occupant' || r === 'frontdesk')) actions.push('quote/accept', 'quote/decline');
  return actions;
}

const needsForm: Action[] = ['dispatch', 'hold', 'complete', 'follow-up', 'cancel', 'reopen'];
const primary: Action[] = ['dispatch', 'accept', 'start', 'complete', 'resume', 'follow-up', 'close'];

interface FormValues {
  assigneeId?: string; reason?: string; resumeAt?: string; summary?: string; materials?: string; labourMinutes?: number;
  satisfaction?: number; resolved?: boolean; comment?: string;
}

function ActionForm({ action, order, occupant }: { action: Action; order: WorkOrderDetail; occupant: boolean }) {
  const { t } = useTranslation();
  const engineers = useEngineers(order.propertyId);
  switch (action) {
    case 'dispatch':
      return (
        <Form.Item name="assigneeId" label={t('actions.engineer')} rules={[{ required: true, message: t('actions.pickEngineer') }]}>
          <Select autoFocus showSearch optionFilterProp="label" placeholder={t('actions.pickEngineer')} data-testid="dispatch-engineer"
            options={engineers.data?.map((e) => ({ value: e.personId, label: `${e.name} ${e.phone}` }))} />
        </Form.Item>
      );
    case 'hold':
      return (
        <>
          <Form.Item name="reason" label={t('order.holdReason')} rules={[{ required: true, whitespace: true, message: t('common.required') }]}>
            <Input.TextArea autoFocus rows={2} maxLength={500} />
          </Form.Item>
          <Form.Item name="resumeAt" label={t('order.resumeAt')} rules={[{ required: true, message: t('common.required') }]}>
            {/* The phone's own date and time picker: large, familiar, and it never covers the dialog's buttons. */}
            <Input type="datetime-local" min={dayjs().format('YYYY-MM-DDTHH:mm')} />
          </Form.Item>
        </>
      );
    case 'complete':
      return (
        <>
          <Form.Item name="summary" label={t('order.summary')} rules={[{ required: true, whitespace: true, message: t('common.required') }]}>
            <Input.TextArea autoFocus rows={3} maxLength={1000} />
          </Form.Item>
          <Form.Item name="materials" label={t('order.materials')}><Input maxLength={500} /></Form.Item>
          <Form.Item name="labourMinutes" label={t('order.labourMinutes')} rules={[{ required: true, message: t('common.required') }]}>
            <InputNumber min={0} max={10000} style={{ width: '100%' }} inputMode="numeric" />
          </Form.Item>
          <Form.Item name="photos" label={t('actions.photo')} valuePropName="fileList" getValueFromEvent={(e) => e?.fileList}>
            <Upload listType="picture-card" accept="image/jpeg,image/png,image/webp" capture="environment" beforeUpload={() => false} maxCount={6} multiple>
              <div><CameraOutlined style={{ fontSize: 20 }} /><div style={{ fontSize: 12 }}>{t('actions.choosePhoto')}</div></div>
            </Upload>
          </Form.Item>
        </>
      );
    case 'follow-up':
      return occupant ? (
        <>
          <Form.Item name="resolved" label={t('actions.ratePrompt')} rules={[{ required: true, message: t('common.required') }]}>
            <RateChoice />
          </Form.Item>
          <Form.Item name="comment" label={t('actions.comment')}><Input.TextArea rows={2} maxLength={500} /></Form.Item>
        </>
      ) : (
        <>
          <Form.Item name="satisfaction" label={t('order.satisfaction')} rules={[{ required: true, message: t('common.required') }]}><Rate /></Form.Item>
          <Form.Item name="resolved" label={t('order.resolved')} valuePropName="checked" initialValue={true}><Switch /></Form.Item>
          <Form.Item name="comment" label={t('actions.comment')}><Input.TextArea rows={2} maxLength={500} /></Form.Item>
        </>
      );
    case 'cancel':
    case 'reopen':
      return (
        <Form.Item name="reason" label={t('actions.reason')} rules={[{ required: true, whitespace: true, message: t('common.required') }]}>
          <Input.TextArea autoFocus rows={2} maxLength={500} />
        </Form.Item>
      );
    default:
      return null;
  }
}

/** Two big buttons an occupant can hit on a phone: satisfied or not. */
function RateChoice({ value, onChange }: { value?: boolean; onChange?: (v: boolean) => void }) {
  const { t } = useTranslation();
  return (
    <Space style={{ width: '100%' }}>
      <Button size="large" icon={<SmileOutlined />} type={value === true ? 'primary' : 'default'} onClick={() => onChange?.(true)} aria-pressed={value === true}>
        {t('actions.satisfied')}
      </Button>
      <Button size="large" icon={<FrownOutlined />} danger={value === false} type={value === false ? 'primary' : 'default'} onClick={() => onChange?.(false)} aria-pressed={value === false}>
        {t('actions.unsatisfied')}
      </Button>
    </Space>
  );
}

function body(action: Action, v: FormValues, occupant: boolean): unknown {
  switch (action) {
    case 'dispatch': return { assigneeId: v.assigneeId };
    case 'hold': return { reason: v.reason?.trim(), resumeAt: v.resumeAt ? dayjs(v.resumeAt).toISOString() : null };
    case 'complete': return { summary: v.summary?.trim(), materials: v.materials?.trim() || null, labourMinutes: v.labourMinutes ?? 0 };
    case 'follow-up':
      return occupant
        ? { satisfaction: v.resolved ? 5 : 2, resolved: v.resolved, comment: v.comment?.trim() || null }
        : { satisfaction: v.satisfaction, resolved: v.resolved ?? true, comment: v.comment?.trim() || null };
    case 'cancel':
    case 'reopen': return { reason: v.reason?.trim() };
    default: return undefined;
  }
}

export function OrderDetailPage() {
  const { id } = useParams();
  const { t } = useTranslation();
  const { message } = App.useApp();
  const navigate = useNavigate();
  const client = useQueryClient();
  const { me, has } = useSession();
  const occupant = has('occupant');
  const [open, setOpen] = useState<Action | null>(null);
  const [busy, setBusy] = useState(false);
  const [comment, setComment] = useState('');
  const [form] = Form.useForm<FormValues & { photos?: UploadFile[] }>();

  const order = useQuery({
    queryKey: ['order', id],
    queryFn: ({ signal }) => getWithETag<WorkOrderDetail>(`/api/workorders/work-orders/${id}`, signal),
  });

  const changed = (updated?: WorkOrderDetail) => {
    client.invalidateQueries({ queryKey: ['order', id] });
    client.invalidateQueries({ queryKey: ['orders'] });
    client.invalidateQueries({ queryKey: ['board'] });
    client.invalidateQueries({ queryKey: ['my-orders'] });
    return updated;
  };

  const failed = (e: unknown) => {
    if (isStale(e) || (e instanceof ApiError && e.status === 409)) {
      // Someone else acted first: show what the order is now.
      message.warning(problemMessage(e, t), 6);
      changed();
      setOpen(null);
    } else {
      message.error(problemMessage(e, t), 6);
    }
  };

  const run = async (action: Action, values: FormValues & { photos?: UploadFile[] } = {}) => {
    if (!order.data) return;
    setBusy(true);
    try {
      await send<WorkOrderDetail>(`/api/workorders/work-orders/${id}/${action}`, body(action, values, occupant), { ifMatch: order.data.etag });
      const files = values.photos?.map((f) => f.originFileObj).filter((f): f is NonNullable<typeof f> => !!f) ?? [];
      if (files.length > 0) {
        const data = new FormData();
        files.forEach((f) => data.append('files', f, f.name));
        data.append('stage', 'completion');
        await send(`/api/workorders/work-orders/${id}/photos`, data);
      }
      // One toast per order: an engineer acting in quick succession sees the latest, not a stack covering the order number.
      message.success({ key: `order-${id}`, content: action === 'follow-up' && occupant ? t('portal.rateDone') : t('actions.done') });
      setOpen(null);
      form.resetFields();
      changed();
    } catch (e) {
      failed(e);
    } finally {
      setBusy(false);
    }
  };

  const addComment = async () => {
    if (!comment.trim()) return;
    try {
      await send(`/api/workorders/work-orders/${id}/comments`, { text: comment.trim() });
      setComment('');
      changed();
    } catch (e) {
      failed(e);
    }
  };

  if (order.error) return <Alert type="error" showIcon title={problemMessage(order.error, t)} />;
  if (!order.data) return <Card loading />;
  const o = order.data.data;
  const actions = availableActions(o, me.roles);
  const overdue = o.timeLimits.responseFlag === 'overdue' || o.timeLimits.resolutionFlag === 'overdue';

  return (
    <>
      <h1 className="pp-page-title">
        <Space wrap size={6}>
          <Button type="text" icon={<ArrowLeftOutlined />} onClick={() => navigate(-1)} aria-label={t('order.back')} />
          <span style={{ fontVariantNumeric: 'tabular-nums' }}>{o.number}</span>
          <span data-testid="order-status"><StatusTag status={o.status} /></span>
          <PriorityTag priority={o.priority} />
          <OverdueTag show={overdue} approaching={o.timeLimits.responseFlag === 'approaching' || o.timeLimits.resolutionFlag === 'approaching'} />
        </Space>
      </h1>
      {actions.length > 0 && (
        <div className="pp-actions" style={{ marginBottom: 12 }} data-testid="order-actions">
          {actions.map((action) => (
            <Button
              key={action} size="large" loading={busy && open === null}
              type={primary.includes(action) ? 'primary' : 'default'} danger={action === 'cancel'}
              onClick={() => (needsForm.includes(action) ? setOpen(action) : run(action))}
            >
              {action === 'follow-up' && occupant ? t('actions.rate') : t(`actions.${action}`)}
            </Button>
          ))}
        </div>
      )}
      <Row gutter={[12, 12]}>
        <Col xs={24} lg={15}>
          <Card size="small" title={`${o.buildingName} ${o.unitNumber} · ${t(`category.${o.category}`)}`}>
            <p style={{ fontSize: 15, margin: '0 0 12px', whiteSpace: 'pre-wrap' }}>{o.description}</p>
            <Descriptions size="small" column={{ xs: 1, sm: 2 }} colon={false} labelStyle={{ color: '#8a919f' }}>
              <Descriptions.Item label={t('order.location')}>{o.location ?? '—'}</Descriptions.Item>
              <Descriptions.Item label={t('order.channel')}>{t(`channel.${o.channel}`)}{o.patrolRecordId && <> · <Link to={`/patrols/records/${o.patrolRecordId}`}>{t('patrol.viewRecord')}</Link></>}</Descriptions.Item>
              <Descriptions.Item label={t('order.contactName')}>{o.contactName ?? '—'}</Descriptions.Item>
              <Descriptions.Item label={t('order.contactPhone')}>{o.contactPhone ? <a href={`tel:${o.contactPhone}`}>{o.contactPhone}</a> : '—'}</Descriptions.Item>
              <Descriptions.Item label={t('order.submittedAt')}>{formatTime(o.submittedAt)} · {o.takenByName}</Descriptions.Item>
              <Descriptions.Item label={t('order.assignee')}>{o.assigneeName ?? t('order.unassigned')}</Descriptions.Item>
              <Descriptions.Item label={t('order.responseDue')}>{formatTime(o.timeLimits.responseDueAt)}</Descriptions.Item>
              <Descriptions.Item label={t('order.resolutionDue')}>{formatTime(o.timeLimits.resolutionDueAt)}</Descriptions.Item>
              {o.preferredTime && <Descriptions.Item label={t('order.preferredTime')}>{formatTime(o.preferredTime)}</Descriptions.Item>}
              {Number(o.reopenCount) > 0 && <Descriptions.Item label={t('order.reopenCount')}>{o.reopenCount}</Descriptions.Item>}
            </Descriptions>
            {o.hold && (
              <Alert style={{ marginTop: 8 }} type={o.hold.pastResumeTime ? 'warning' : 'info'} showIcon
                title={`${t('order.hold')}：${o.hold.reason}`} description={`${t('order.resumeAt')} ${formatTime(o.hold.resumeAt)}`} />
            )}
            {o.completion && (
              <Alert style={{ marginTop: 8 }} type="success" showIcon title={`${t('order.completion')}：${o.completion.summary}`}
                description={`${formatTime(o.completion.completedAt)}${o.completion.materials ? ` · ${t('order.materials')} ${o.completion.materials}` : ''} · ${t('order.labourMinutes')} ${o.completion.labourMinutes}`} />
            )}
            {o.followUp?.followedUpAt && (
              <Alert style={{ marginTop: 8 }} type="info" showIcon
                title={<span>{t('order.followUp')}：<Rate disabled value={Number(o.followUp.satisfaction ?? 0)} style={{ fontSize: 14 }} /></span>}
                description={o.followUp.comment ?? undefined} />
            )}
            {o.cancelReason && <Alert style={{ marginTop: 8 }} type="warning" showIcon title={`${t('order.cancelReason')}：${o.cancelReason}`} />}
          </Card>
          <Card size="small" title={`${t('order.photos')} (${o.photos.length})`} style={{ marginTop: 12 }}>
            {o.photos.length === 0 ? <span className="pp-muted">{t('order.noPhotos')}</span> : (
              <Space wrap><Image.PreviewGroup>{o.photos.map((p) => <AuthImage key={p.id} src={`/api/workorders${p.url}`} alt={p.fileName ?? p.stage} />)}</Image.PreviewGroup></Space>
            )}
          </Card>
        </Col>
        <Col xs={24} lg={9}>
          <Card size="small" title={t('order.timeline')}>
            <Timeline
              items={[...o.timeline].reverse().map((line) => ({
                color: line.kind === 'comment' ? 'gray' : line.kind === 'note' ? 'blue' : line.to === 'reopened' ? 'red' : 'green',
                children: (
                  <div>
                    <div>
                      {line.kind === 'transition' ? <b>{t(`status.${line.to}`)}</b> : null}
                      {line.note && <span style={{ whiteSpace: 'pre-wrap' }}>{line.kind === 'transition' ? '：' : ''}{line.note}</span>}
                    </div>
                    <div className="pp-muted">{formatTime(line.at)} · {line.actorName}</div>
                  </div>
                ),
              }))}
            />
            {o.status !== 'closed' && o.status !== 'cancelled' && (
              <Space.Compact style={{ width: '100%' }}>
                <Input.TextArea autoSize={{ minRows: 1, maxRows: 4 }} value={comment} onChange={(e) => setComment(e.target.value)} maxLength={1000}
                  placeholder={t('order.commentPlaceholder')} aria-label={t('order.addComment')} />
                <Button onClick={addComment} disabled={!comment.trim()}>{t('order.addComment')}</Button>
              </Space.Compact>
            )}
            {o.timeline.length === 0 && <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} />}
          </Card>
        </Col>
      </Row>
      <Modal
        open={open !== null} destroyOnHidden confirmLoading={busy}
        title={open ? (open === 'follow-up' && occupant ? t('actions.rateTitle') : t(`actions.${open}`)) : ''}
        okText={t('actions.confirm')} cancelText={t('actions.dismiss')}
        onCancel={() => setOpen(null)} onOk={() => form.submit()}
      >
        {open && (
          <Form form={form} layout="vertical" preserve={false} onFinish={(values) => run(open, values)} requiredMark={false}>
            <ActionForm action={open} order={o} occupant={occupant} />
          </Form>
        )}
      </Modal>
    </>
  );
}
