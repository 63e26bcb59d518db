import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { Alert, App, Button, DatePicker, Form, Input, InputNumber, Modal, Select, Space, Switch, Table, Tag } from 'antd';
import type { ColumnsType } from 'antd/es/table';
import dayjs, { type Dayjs } from 'dayjs';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { getJson, query, send } from '../../api/client';
import { problemMessage } from '../../api/problem';
import { formatTime } from '../../components/format';
import {
  accessCardStatuses, base, idTypes, type AccessCard, type AccessCardPage, type AccessCardStatus, type BlocklistEntry, type BlocklistPage,
  type IdDocumentType, type IssueAccessCardRequest,
} from './api';
import { useUnits } from './Visitors';
import './texts';
import './moreTexts';

const statusColors: Record<AccessCardStatus, string> = { issued: 'blue', returned: 'default', lost: 'red' };

interface IssueForm {
  unitId: string;
  cardNumber: string;
  holderName: string;
  holderPhone?: string;
  company: string;
  deposit: number;
  validUntil: Dayjs;
}

/** The desk's access cards (出入证): issue against a deposit, take back for a refund, record a loss; expired cards stand out. */
export function DeskAccessCards({ propertyId }: { propertyId: string }) {
  const { t } = useTranslation();
  const { message, modal } = App.useApp();
  const client = useQueryClient();
  const [status, setStatus] = useState<AccessCardStatus | undefined>('issued');
  const [expired, setExpired] = useState(false);
  const [q, setQ] = useState('');
  const [issuing, setIssuing] = useState(false);
  const search = query({ propertyId, status, expired: expired || undefined, q: q || undefined, pageSize: 100 });
  const cards = useQuery({
    queryKey: ['reception', 'access-cards', search],
    queryFn: ({ signal }) => getJson<AccessCardPage>(`${base}/access-cards${search}`, signal),
  });
  const refresh = () => client.invalidateQueries({ queryKey: ['reception', 'access-cards'] });
  const act = useMutation({
    mutationFn: ({ card, action, note }: { card: AccessCard; action: 'return' | 'report-lost'; note?: string }) =>
      send<AccessCard>(`${base}/access-cards/${card.id}/${action}`, action === 'report-lost' ? { note: note || null } : undefined),
    onSuccess: (_, { action }) => {
      message.success(t(action === 'return' ? 'cards.returned' : 'cards.lost'));
      refresh();
    },
    onError: (e) => message.error(problemMessage(e, t)),
  });
  const reportLost = (card: AccessCard) => {
    let note = '';
    modal.confirm({
      title: `${t('cards.reportLost')} ${card.cardNumber}`,
      content: <Input.TextArea aria-label={t('cards.lostNote')} placeholder={t('cards.lostNote')} maxLength={500} onChange={(e) => { note = e.target.value; }} />,
      okText: t('reception.common.ok'), cancelText: t('reception.common.cancel'),
      onOk: () => act.mutateAsync({ card, action: 'report-lost', note }),
    });
  };
  const columns: ColumnsType<AccessCard> = [
    { title: t('cards.cardNumber'), dataIndex: 'cardNumber' },
    { title: t('cards.holder'), key: 'holder', render: (_, c) => <><div>{c.holderName}</div><div className="pp-muted">{c.holderPhone}</div></> },
    { title: t('cards.company'), dataIndex: 'company' },
    { title: t('cards.unit'), key: 'unit', render: (_, c) => `${c.buildingName} ${c.unitNumber}` },
    { title: t('cards.deposit'), dataIndex: 'deposit', align: 'right', render: (v: number) => Number(v).toFixed(2) },
    { title: t('cards.validUntil'), dataIndex: 'validUntil', render: (v: string, c) => <>{v} {c.expired && <Tag color="red">{t('cards.expired')}</Tag>}</> },
    { title: t('cards.status'), dataIndex: 'status', render: (s: AccessCardStatus) => <Tag color={statusColors[s]}>{t(`cards.statusValues.${s}`)}</Tag> },
    { title: t('cards.issuedAt'), dataIndex: 'issuedAt', responsive: ['lg'], render: (v) => formatTime(v) },
    {
      title: t('reception.common.actions'), key: 'actions',
      render: (_, c) => c.status === 'issued' && (
        <Space wrap>
          <Button size="small" type="primary" onClick={() => act.mutate({ card: c, action: 'return' })}>{t('cards.returnCard')}</Button>
          <Button size="small" danger onClick={() => reportLost(c)}>{t('cards.reportLost')}</Button>
        </Space>
      ),
    },
  ];
  return (
    <>
      <Space wrap style={{ marginBottom: 12 }}>
        <Button type="primary" onClick={() => setIssuing(true)}>{t('cards.issue')}</Button>
        <Select allowClear style={{ width: 120 }} value={status} onChange={setStatus} aria-label={t('cards.status')}
          options={accessCardStatuses.map((s) => ({ value: s, label: t(`cards.statusValues.${s}`) }))} />
        <Space><Switch checked={expired} onChange={setExpired} aria-label={t('cards.expiredOnly')} />{t('cards.expiredOnly')}</Space>
        <Input.Search allowClear placeholder={t('cards.search')} style={{ width: 260 }} onSearch={setQ} />
      </Space>
      {cards.error && <Alert type="error" showIcon title={problemMessage(cards.error, t)} style={{ marginBottom: 12 }} />}
      <Table rowKey="id" size="small" columns={columns} dataSource={cards.data?.items ?? []} loading={cards.isFetching} pagination={false}
        scroll={{ x: 'max-content' }} locale={{ emptyText: t('desk.empty') }} data-testid="desk-access-cards" />
      {issuing && (
        <IssueCard propertyId={propertyId} onClose={() => setIssuing(false)} onDone={(card) => {
          setIssuing(false);
          message.success(t('cards.issued', { number: card.cardNumber }));
          refresh();
        }} />
      )}
    </>
  );
}

function IssueCard({ propertyId, onClose, onDone }: { propertyId: string; onClose: () => void; onDone: (card: AccessCard) => void }) {
  const { t } = useTranslation();
  const [form] = Form.useForm<IssueForm>();
  const units = useUnits(propertyId);
  const issue = useMutation({
    mutationFn: (v: IssueForm) => send<AccessCard>(`${base}/access-cards`, {
      unitId: v.unitId, cardNumber: v.cardNumber, holderName: v.holderName, holderPhone: v.holderPhone || null, company: v.company,
      deposit: v.deposit, validUntil: v.validUntil.format('YYYY-MM-DD'),
    } satisfies IssueAccessCardRequest),
    onSuccess: onDone,
  });
  const required = [{ required: true, message: t('reception.common.required') }];
  return (
    <Modal open title={t('cards.issue')} onCancel={onClose} onOk={() => form.submit()} confirmLoading={issue.isPending}
      okText={t('reception.common.ok')} cancelText={t('reception.common.cancel')} destroyOnHidden>
      {issue.error && <Alert type="error" showIcon title={problemMessage(issue.error, t)} style={{ marginBottom: 12 }} />}
      <Form form={form} layout="vertical" onFinish={(v) => issue.mutate(v)} initialValues={{ deposit: 200, validUntil: dayjs().add(1, 'month') }}>
        <Form.Item name="unitId" label={t('cards.unit')} rules={required}>
          <Select showSearch optionFilterProp="label" loading={units.isLoading}
            options={units.data?.map((u) => ({ value: u.id, label: `${u.buildingName} ${u.number}` }))} />
        </Form.Item>
        <Form.Item name="cardNumber" label={t('cards.cardNumber')} rules={required}><Input maxLength={32} /></Form.Item>
        <Form.Item name="holderName" label={t('cards.holder')} rules={required}><Input maxLength={100} /></Form.Item>
        <Form.Item name="holderPhone" label={t('cards.holderPhone')}><Input inputMode="tel" maxLength={32} /></Form.Item>
        <Form.Item name="company" label={t('cards.company')} rules={required}><Input maxLength={200} /></Form.Item>
        <Space wrap>
          <Form.Item name="deposit" label={t('cards.deposit')} rules={required}><InputNumber min={0} max={100000} precision={2} /></Form.Item>
          <Form.Item name="validUntil" label={t('cards.validUntil')} rules={required}>
            <DatePicker disabledDate={(d) => d.isBefore(dayjs(), 'day')} />
          </Form.Item>
        </Space>
      </Form>
    </Modal>
  );
}

interface BlockForm {
  personName: string;
  idType?: IdDocumentType;
  idNumber?: string;
  phone?: string;
  reason: string;
}

/** The blocklist (黑名单) for security and managers: who is refused entry and why; an entry is lifted, never deleted. */
export function DeskBlocklist({ propertyId }: { propertyId: string }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const client = useQueryClient();
  const [form] = Form.useForm<BlockForm>();
  const [adding, setAdding] = useState(false);
  const entries = useQuery({
    queryKey: ['reception', 'blocklist', propertyId],
    queryFn: ({ signal }) => getJson<BlocklistPage>(`${base}/blocklist?propertyId=${propertyId}&pageSize=200`, signal),
  });
  const refresh = () => client.invalidateQueries({ queryKey: ['reception', 'blocklist'] });
  const add = useMutation({
    mutationFn: (v: BlockForm) => send<BlocklistEntry>(`${base}/blocklist`, {
      propertyId, personName: v.personName, idType: v.idNumber ? v.idType ?? 'resident_id_card' : null, idNumber: v.idNumber || null,
      phone: v.phone || null, reason: v.reason,
    }),
    onSuccess: () => {
      message.success(t('blocklist.added'));
      setAdding(false);
      form.resetFields();
      refresh();
    },
  });
  const lift = useMutation({
    mutationFn: (entry: BlocklistEntry) => send<BlocklistEntry>(`${base}/blocklist/${entry.id}/lift`),
    onSuccess: () => {
      message.success(t('blocklist.lifted'));
      refresh();
    },
    onError: (e) => message.error(problemMessage(e, t)),
  });
  const columns: ColumnsType<BlocklistEntry> = [
    { title: t('blocklist.person'), dataIndex: 'personName' },
    { title: t('blocklist.idNumber'), dataIndex: 'idNumberMasked', render: (v) => v ?? '—' },
    { title: t('blocklist.phone'), dataIndex: 'phone', render: (v) => v ?? '—' },
    { title: t('blocklist.reason'), dataIndex: 'reason' },
    { title: t('blocklist.addedBy'), key: 'added', responsive: ['md'], render: (_, b) => `${b.addedByName} · ${formatTime(b.addedAt)}` },
    {
      title: t('reception.common.actions'), key: 'actions',
      render: (_, b) => b.active
        ? <Button size="small" onClick={() => lift.mutate(b)}>{t('blocklist.lift')}</Button>
        : <Tag>{t('blocklist.lifted')}</Tag>,
    },
  ];
  const required = [{ required: true, message: t('reception.common.required') }];
  return (
    <>
      <Button type="primary" style={{ marginBottom: 12 }} onClick={() => setAdding(true)}>{t('blocklist.add')}</Button>
      {entries.error && <Alert type="error" showIcon title={problemMessage(entries.error, t)} style={{ marginBottom: 12 }} />}
      <Table rowKey="id" size="small" columns={columns} dataSource={entries.data?.items ?? []} loading={entries.isFetching} pagination={false}
        scroll={{ x: 'max-content' }} locale={{ emptyText: t('desk.empty') }} data-testid="desk-blocklist" />
      <Modal open={adding} title={t('blocklist.add')} onCancel={() => setAdding(false)} onOk={() => form.submit()} confirmLoading={add.isPending}
        okText={t('reception.common.ok')} cancelText={t('reception.common.cancel')}>
        {add.error && <Alert type="error" showIcon title={problemMessage(add.error, t)} style={{ marginBottom: 12 }} />}
        <Form form={form} layout="vertical" onFinish={(v) => add.mutate(v)} initialValues={{ idType: 'resident_id_card' }}>
          <Form.Item name="personName" label={t('blocklist.person')} rules={required}><Input maxLength={100} /></Form.Item>
          <Space.Compact style={{ width: '100%' }}>
            <Form.Item name="idType" label={t('reception.visitors.idType')} style={{ width: '40%' }}>
              <Select options={idTypes.map((i) => ({ value: i, label: t(`reception.idType.${i}`) }))} />
            </Form.Item>
            <Form.Item name="idNumber" label={t('blocklist.idNumber')} style={{ width: '60%' }}><Input maxLength={64} /></Form.Item>
          </Space.Compact>
          <Form.Item name="phone" label={t('blocklist.phone')} dependencies={['idNumber']}
            rules={[({ getFieldValue }) => ({
              validator: (_, value) => value || getFieldValue('idNumber') ? Promise.resolve() : Promise.reject(new Error(t('blocklist.needIdOrPhone'))),
            })]}>
            <Input inputMode="tel" maxLength={32} />
          </Form.Item>
          <Form.Item name="reason" label={t('blocklist.reason')} rules={required}><Input.TextArea maxLength={500} rows={3} /></Form.Item>
        </Form>
      </Modal>
    </>
  );
}
