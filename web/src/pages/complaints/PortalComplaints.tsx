import { PlusOutlined } from '@ant-design/icons';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { Alert, App, Button, Card, Checkbox, Descriptions, Empty, Form, Input, Modal, Radio, Select, Space, Tag, type UploadFile } from 'antd';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useLocation } from 'react-router';
import { getJson, send } from '../../api/client';
import { complaintCategories, type Complaint, type ComplaintPage } from '../../api/complaints';
import { problemMessage } from '../../api/problem';
import type { UnitPage } from '../../api/schema';
import { useSession } from '../../auth/session';
import { formatTime } from '../../components/format';
import { PhotoPicker, pickedFiles, uploadPhotos } from '../../components/Photos';
import { ComplaintPhotoStrip } from './ComplaintPhotos';
import { ComplaintStatusTag } from './format';
import './i18n';

/**
 * The complainant's view in the occupant portal: make a complaint, follow one's complaints, read the answer and say whether
 * one is satisfied (not satisfied reopens it). An occupant sees only their units' and their own complaints (the API's rule).
 */
export function PortalComplaintsPage() {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const client = useQueryClient();
  const { hash } = useLocation();
  const [creating, setCreating] = useState(false);
  const [feedback, setFeedback] = useState<{ complaint: Complaint; satisfied: boolean } | null>(null);
  const [busy, setBusy] = useState(false);
  const list = useQuery({
    queryKey: ['complaints', 'portal'],
    queryFn: ({ signal }) => getJson<ComplaintPage>('/api/complaints/complaints?pageSize=50', signal),
  });
  // A message's link (#id) scrolls to its complaint.
  useEffect(() => {
    if (hash && list.data) document.getElementById(`complaint-${hash.slice(1)}`)?.scrollIntoView({ block: 'center' });
  }, [hash, list.data]);

  const sendFeedback = async (values: { comment?: string }) => {
    if (!feedback) return;
    setBusy(true);
    try {
      await send(`/api/complaints/complaints/${feedback.complaint.id}/feedback`, { satisfied: feedback.satisfied, comment: values.comment?.trim() || null });
      message.success(t(feedback.satisfied ? 'portalComplaints.thanks' : 'portalComplaints.reopened'));
      setFeedback(null);
    } catch (e) {
      message.error(problemMessage(e, t), 6);
    } finally {
      setBusy(false);
      client.invalidateQueries({ queryKey: ['complaints'] });
    }
  };

  return (
    <div style={{ maxWidth: 640, margin: '0 auto' }}>
      <h1 className="pp-page-title">
        {t('portalComplaints.title')}
        <Button type="primary" icon={<PlusOutlined />} onClick={() => setCreating(true)}>{t('portalComplaints.new')}</Button>
      </h1>
      {list.error && <Alert type="error" showIcon title={problemMessage(list.error, t)} />}
      {list.data?.items.length === 0 && <Empty description={t('portalComplaints.empty')} />}
      <Space direction="vertical" style={{ width: '100%' }}>
        {list.data?.items.map((c) => (
          <Card key={c.id} id={`complaint-${c.id}`} size="small" data-testid="portal-complaint"
            title={<Space><span style={{ fontVariantNumeric: 'tabular-nums' }}>{c.number}</span><ComplaintStatusTag status={c.status} /></Space>}
            extra={<span className="pp-muted">{formatTime(c.receivedAt)}</span>}>
            <p style={{ whiteSpace: 'pre-wrap', marginTop: 0 }}>
              <Tag bordered={false}>{t(`complaints.category.${c.category}`)}</Tag>{c.description}
            </p>
            <ComplaintPhotoStrip complaint={c} size={72} />
            {c.respondedAt && (
              <Descriptions size="small" column={1} bordered title={t('portalComplaints.answer')}>
                <Descriptions.Item label={t('complaints.detail.finding')}>{c.finding}</Descriptions.Item>
                <Descriptions.Item label={t('complaints.detail.actionTaken')}>{c.actionTaken}</Descriptions.Item>
                <Descriptions.Item label={t('complaints.actions.verdict')}>
                  {c.justified ? t('complaints.detail.justified') : t('complaints.detail.unjustified')}
                </Descriptions.Item>
                {c.explanation && <Descriptions.Item label={t('complaints.detail.explanation')}>{c.explanation}</Descriptions.Item>}
                <Descriptions.Item label={t('portalComplaints.answeredAt')}>{formatTime(c.respondedAt)}</Descriptions.Item>
              </Descriptions>
            )}
            {c.status === 'responded' && (
              <Space style={{ marginTop: 12 }}>
                <span>{t('portalComplaints.askSatisfied')}</span>
                <Button type="primary" onClick={() => setFeedback({ complaint: c, satisfied: true })}>{t('complaints.detail.satisfied')}</Button>
                <Button danger onClick={() => setFeedback({ complaint: c, satisfied: false })}>{t('complaints.detail.unsatisfied')}</Button>
              </Space>
            )}
            {c.satisfied != null && c.status !== 'responded' && (
              <p className="pp-muted" style={{ marginBottom: 0, marginTop: 8 }}>
                {t('portalComplaints.yourView')}：{c.satisfied ? t('complaints.detail.satisfied') : t('complaints.detail.unsatisfied')}
              </p>
            )}
          </Card>
        ))}
      </Space>
      <Modal open={feedback !== null} destroyOnHidden confirmLoading={busy}
        title={feedback ? (feedback.satisfied ? t('complaints.detail.satisfied') : t('complaints.detail.unsatisfied')) : ''}
        okText={t('complaints.actions.confirm')} cancelText={t('complaints.actions.dismiss')} onCancel={() => setFeedback(null)}
        okButtonProps={{ form: 'portal-feedback', htmlType: 'submit' }}>
        <Form id="portal-feedback" layout="vertical" onFinish={sendFeedback} preserve={false}>
          {!feedback?.satisfied && <p>{t('portalComplaints.unsatisfiedHint')}</p>}
          <Form.Item name="comment" label={t('complaints.actions.comment')}><Input.TextArea rows={3} maxLength={500} /></Form.Item>
        </Form>
      </Modal>
      {creating && <NewComplaintDialog onClose={() => setCreating(false)} />}
    </div>
  );
}

interface NewValues { unitId?: string; anonymous?: boolean; category: Complaint['category']; description: string; location?: string; photos?: UploadFile[] }

/** An occupant complains from one of their units, or anonymously about their property. */
function NewComplaintDialog({ onClose }: { onClose: () => void }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const client = useQueryClient();
  const { me } = useSession();
  const [busy, setBusy] = useState(false);
  const [form] = Form.useForm<NewValues>();
  const anonymous = Form.useWatch('anonymous', form);
  const units = useQuery({
    queryKey: ['my-units'],
    queryFn: ({ signal }) => getJson<UnitPage>('/api/directory/units?pageSize=200', signal),
  });
  const submit = async (v: NewValues) => {
    setBusy(true);
    try {
      const unit = units.data?.items.find((u) => u.id === (v.unitId ?? units.data?.items[0]?.id));
      const complaint = await send<Complaint>('/api/complaints/complaints', {
        propertyId: unit?.propertyId ?? me.propertyIds[0], unitId: v.anonymous ? null : unit?.id ?? null, anonymous: !!v.anonymous,
        channel: 'occupant_app', category: v.category, description: v.description.trim(), location: v.location?.trim() || null,
      });
      try {
        await uploadPhotos(`/api/complaints/complaints/${complaint.id}/photos`, pickedFiles(v.photos));
      } catch (e) {
        // The complaint is made either way: say what happened to the photos.
        message.warning(`${t('complaints.photos.failed')}：${problemMessage(e, t)}`, 8);
      }
      message.success(t('portalComplaints.submitted'));
      client.invalidateQueries({ queryKey: ['complaints'] });
      onClose();
    } catch (e) {
      message.error(problemMessage(e, t), 6);
    } finally {
      setBusy(false);
    }
  };
  const several = (units.data?.items.length ?? 0) > 1;
  return (
    <Modal open destroyOnHidden confirmLoading={busy} title={t('portalComplaints.new')} okText={t('portal.submit')} cancelText={t('complaints.actions.dismiss')}
      onCancel={onClose} onOk={() => form.submit()}>
      <Form form={form} layout="vertical" onFinish={submit} requiredMark={false} initialValues={{ category: 'noise' }}>
        {several && !anonymous && (
          <Form.Item name="unitId" label={t('order.unit')} rules={[{ required: true, message: t('intake.pickUnit') }]}>
            <Select options={units.data?.items.map((u) => ({ value: u.id, label: `${u.buildingName} ${u.number}` }))} />
          </Form.Item>
        )}
        <Form.Item name="category" label={t('order.category')}>
          <Radio.Group optionType="button" size="small" options={complaintCategories.map((c) => ({ value: c, label: t(`complaints.category.${c}`) }))} />
        </Form.Item>
        <Form.Item name="description" label={t('complaints.detail.description')} rules={[{ required: true, whitespace: true, message: t('common.required') }]}>
          <Input.TextArea rows={4} maxLength={2000} />
        </Form.Item>
        <Form.Item name="location" label={t('complaints.intake.location')}><Input maxLength={200} placeholder={t('complaints.intake.locationPlaceholder')} /></Form.Item>
        <Form.Item name="photos" label={t('complaints.photos.title')} valuePropName="fileList" getValueFromEvent={(e) => e?.fileList}>
          <PhotoPicker testId="portal-complaint-photo-picker" />
        </Form.Item>
        <Form.Item name="anonymous" valuePropName="checked" extra={t('portalComplaints.anonymousHint')}>
          <Checkbox>{t('complaints.intake.anonymous')}</Checkbox>
        </Form.Item>
      </Form>
    </Modal>
  );
}
