import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { Alert, App, Button, Card, DatePicker, Form, Input, Modal, Radio, Select, Space, Switch, Table, Tag } from 'antd';
import type { ColumnsType } from 'antd/es/table';
import dayjs, { type Dayjs } from 'dayjs';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { getJson, query, send } from '../../api/client';
import { problemMessage } from '../../api/problem';
import { formatTime } from '../../components/format';
import { base, enquiryChannels, type Enquiry, type EnquiryChannel, type EnquiryPage } from './api';
import { useUnits } from './Visitors';
import './texts';

type Dialog = { kind: 'record' } | { kind: 'answer'; enquiry: Enquiry } | null;

/**
 * Enquiries (咨询) at the desk: answered on the spot, or owed by a time — those owed come first, the overdue ones in red,
 * so the desk (and the shift taking over) sees what it still has to answer.
 */
export function DeskEnquiries({ propertyId }: { propertyId: string }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const client = useQueryClient();
  const [overdue, setOverdue] = useState(false);
  const [page, setPage] = useState(1);
  const [dialog, setDialog] = useState<Dialog>(null);
  const search = query({ propertyId, overdue: overdue || undefined, page, pageSize: 50 });
  const enquiries = useQuery({
    queryKey: ['reception', 'enquiries', search],
    queryFn: ({ signal }) => getJson<EnquiryPage>(`${base}/enquiries${search}`, signal),
    refetchInterval: 60_000,
  });
  const done = (text: string) => {
    setDialog(null);
    message.success(text);
    client.invalidateQueries({ queryKey: ['reception', 'enquiries'] });
  };

  const columns: ColumnsType<Enquiry> = [
    { title: t('reception.enquiries.receivedAt'), dataIndex: 'receivedAt', render: (v) => formatTime(v) },
    {
      title: t('reception.enquiries.enquirer'), key: 'enquirer',
      render: (_, e) => <><div>{e.enquirerName}</div><div className="pp-muted">{e.enquirerPhone} · {t(`reception.enquiries.channels.${e.channel}`)}</div></>,
    },
    { title: t('reception.enquiries.question'), dataIndex: 'question' },
    {
      title: t('reception.enquiries.status'), key: 'status',
      render: (_, e) => <>
        <Tag color={e.status === 'open' ? 'blue' : 'green'}>{t(`reception.enquiries.statusValues.${e.status}`)}</Tag>
        {e.overdue && <Tag color="red">{t('reception.enquiries.overdue')}</Tag>}
        {e.answeredLate && <Tag color="orange">{t('reception.enquiries.late')}</Tag>}
      </>,
    },
    {
      title: t('reception.enquiries.answer'), key: 'answer',
      render: (_, e) => e.answer
        ? <><div>{e.answer}</div><div className="pp-muted">{e.answeredByName} · {formatTime(e.answeredAt)}</div></>
        : <span className="pp-muted">{t('reception.enquiries.dueAt')} {formatTime(e.dueAt)}</span>,
    },
    {
      title: t('reception.common.actions'), key: 'actions',
      render: (_, e) => e.status === 'open' && (
        <Button size="small" type="primary" ghost onClick={() => setDialog({ kind: 'answer', enquiry: e })}>{t('reception.enquiries.respond')}</Button>
      ),
    },
  ];

  return (
    <>
      <div style={{ marginBottom: 12 }}>
        <Button type="primary" onClick={() => setDialog({ kind: 'record' })}>{t('reception.enquiries.record')}</Button>
      </div>
      <Card size="small" style={{ marginBottom: 12 }}>
        <Space>
          <Switch checked={overdue} onChange={(on) => { setOverdue(on); setPage(1); }} aria-label={t('reception.enquiries.overdueOnly')} />
          {t('reception.enquiries.overdueOnly')}
        </Space>
      </Card>
      {enquiries.error && <Alert type="error" showIcon title={problemMessage(enquiries.error, t)} style={{ marginBottom: 12 }} />}
      <Card size="small" styles={{ body: { padding: 0 } }} data-testid="desk-enquiries">
        <Table rowKey="id" size="small" columns={columns} dataSource={enquiries.data?.items} loading={enquiries.isFetching} scroll={{ x: 'max-content' }}
          rowClassName={(e) => (e.overdue ? 'pp-row-overdue' : '')}
          pagination={{ current: page, pageSize: 50, total: Number(enquiries.data?.total ?? 0), onChange: setPage, showSizeChanger: false }} />
      </Card>
      {dialog?.kind === 'record' && (
        <RecordEnquiry propertyId={propertyId} onClose={() => setDialog(null)}
          onDone={(e) => done(e.status === 'answered' ? t('reception.enquiries.answeredNow') : t('reception.enquiries.owed', { time: formatTime(e.dueAt) }))} />
      )}
      {dialog?.kind === 'answer' && (
        <AnswerEnquiry enquiry={dialog.enquiry} onClose={() => setDialog(null)} onDone={() => done(t('reception.enquiries.answered'))} />
      )}
    </>
  );
}

interface RecordForm {
  enquirerName: string; enquirerPhone?: string; channel: EnquiryChannel; unitId?: string; question: string;
  now: boolean; answer?: string; dueAt?: Dayjs;
}

function RecordEnquiry({ propertyId, onClose, onDone }: { propertyId: string; onClose: () => void; onDone: (e: Enquiry) => void }) {
  const { t } = useTranslation();
  const [form] = Form.useForm<RecordForm>();
  const answeredNow = Form.useWatch('now', form) ?? true;
  const units = useUnits(propertyId);
  const record = useMutation({
    mutationFn: (v: RecordForm) => send<Enquiry>(`${base}/enquiries`, {
      propertyId, unitId: v.unitId ?? null, enquirerName: v.enquirerName, enquirerPhone: v.enquirerPhone || null, channel: v.channel,
      question: v.question, answer: v.now ? v.answer : null, dueAt: v.now ? null : v.dueAt?.toISOString(),
    }),
    onSuccess: onDone,
  });
  const required = [{ required: true, message: t('reception.common.required') }];
  return (
    <Modal open title={t('reception.enquiries.record')} onCancel={onClose} onOk={() => form.submit()} confirmLoading={record.isPending}
      okText={t('reception.common.ok')} cancelText={t('reception.common.cancel')} destroyOnHidden>
      {record.error && <Alert type="error" showIcon title={problemMessage(record.error, t)} style={{ marginBottom: 12 }} />}
      <Form form={form} layout="vertical" onFinish={(v) => record.mutate(v)}
        initialValues={{ channel: 'in_person', now: true, dueAt: dayjs().add(2, 'hour').startOf('hour') }}>
        <Space wrap>
          <Form.Item name="enquirerName" label={t('reception.enquiries.enquirer')} rules={required}><Input maxLength={100} /></Form.Item>
          <Form.Item name="enquirerPhone" label={t('reception.enquiries.phone')}><Input inputMode="tel" maxLength={32} /></Form.Item>
        </Space>
        <Space wrap>
          <Form.Item name="channel" label={t('reception.enquiries.channel')}>
            <Select style={{ width: 140 }} options={enquiryChannels.map((c) => ({ value: c, label: t(`reception.enquiries.channels.${c}`) }))} />
          </Form.Item>
          <Form.Item name="unitId" label={t('reception.enquiries.unit')}>
            <Select allowClear showSearch optionFilterProp="label" style={{ width: 200 }} loading={units.isLoading}
              options={units.data?.map((u) => ({ value: u.id, label: `${u.buildingName} ${u.number}` }))} />
          </Form.Item>
        </Space>
        <Form.Item name="question" label={t('reception.enquiries.question')} rules={required}><Input.TextArea rows={2} maxLength={1000} /></Form.Item>
        <Form.Item name="now">
          <Radio.Group options={[
            { value: true, label: t('reception.enquiries.now') },
            { value: false, label: t('reception.enquiries.later') },
          ]} />
        </Form.Item>
        {answeredNow
          ? <Form.Item name="answer" label={t('reception.enquiries.answer')} rules={required}><Input.TextArea rows={2} maxLength={2000} /></Form.Item>
          : <Form.Item name="dueAt" label={t('reception.enquiries.dueAt')} rules={required}>
            <DatePicker showTime={{ format: 'HH:mm', minuteStep: 5 }} format="YYYY-MM-DD HH:mm" disabledDate={(d) => d.isBefore(dayjs(), 'day')} />
          </Form.Item>}
      </Form>
    </Modal>
  );
}

function AnswerEnquiry({ enquiry, onClose, onDone }: { enquiry: Enquiry; onClose: () => void; onDone: () => void }) {
  const { t } = useTranslation();
  const [form] = Form.useForm<{ answer: string }>();
  const answer = useMutation({ mutationFn: (v: { answer: string }) => send<Enquiry>(`${base}/enquiries/${enquiry.id}/answer`, v), onSuccess: onDone });
  return (
    <Modal open title={`${t('reception.enquiries.respond')} · ${enquiry.enquirerName}`} onCancel={onClose} onOk={() => form.submit()}
      confirmLoading={answer.isPending} okText={t('reception.common.ok')} cancelText={t('reception.common.cancel')} destroyOnHidden>
      {answer.error && <Alert type="error" showIcon title={problemMessage(answer.error, t)} style={{ marginBottom: 12 }} />}
      <p>{enquiry.question}</p>
      <Form form={form} layout="vertical" onFinish={(v) => answer.mutate(v)}>
        <Form.Item name="answer" label={t('reception.enquiries.answer')} rules={[{ required: true, message: t('reception.common.required') }]}>
          <Input.TextArea rows={3} maxLength={2000} />
        </Form.Item>
      </Form>
    </Modal>
  );
}
