import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { Alert, App, Button, Card, Empty, Form, Input, Modal, Space, Tag } from 'antd';
import dayjs from 'dayjs';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { getJson, send } from '../../api/client';
import { problemMessage } from '../../api/problem';
import { base, type LostItemNotice, type LostItemNoticePage, type MyLostItemClaim } from './api';
import './moreTexts';
import './texts';

/**
 * The occupant's lost and found (失物招领): the public notice of items found in their property (a valuable only by its
 * category, never the features a claimant must describe), "this is mine" on an item, and their own claims.
 */
export function PortalLostFoundPage() {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const client = useQueryClient();
  const [asking, setAsking] = useState<LostItemNotice | null>(null);
  const notice = useQuery({
    queryKey: ['reception', 'lost-notice'],
    queryFn: ({ signal }) => getJson<LostItemNoticePage>(`${base}/lost-items/notice?pageSize=50`, signal),
  });
  const claims = useQuery({
    queryKey: ['reception', 'my-lost-claims'],
    queryFn: ({ signal }) => getJson<MyLostItemClaim[]>(`${base}/lost-items/my-claims`, signal),
  });
  const waiting = new Set((claims.data ?? []).filter((c) => c.status === 'waiting').map((c) => c.lostItemId));
  const items = notice.data?.items ?? [];
  const name = (i: { item?: string | null; category: string }) => i.item ?? `${t(`reception.lost.categories.${i.category}`)}（${t('reception.lost.valuable')}）`;
  return (
    <div style={{ maxWidth: 640, margin: '0 auto' }}>
      <h1 className="pp-page-title">{t('portalLost.title')}</h1>
      {(notice.error || claims.error) && <Alert type="error" showIcon title={problemMessage(notice.error ?? claims.error, t)} style={{ marginBottom: 12 }} />}
      <Card size="small" title={t('portalLost.myClaims')} style={{ marginBottom: 12 }} data-testid="portal-lost-claims">
        {(claims.data ?? []).length === 0
          ? <span className="pp-muted">{t('portalLost.noClaims')}</span>
          : (claims.data ?? []).map((c) => (
            <div key={c.id} style={{ marginBottom: 8 }}>
              <Space wrap><strong>{name(c)}</strong><Tag color={c.status === 'waiting' ? 'blue' : c.status === 'handed_over' ? 'green' : undefined}>
                {t(`portalLost.statusValues.${c.status}`)}</Tag></Space>
              <div className="pp-muted">{c.foundOn} · {c.place} · {c.description}</div>
            </div>
          ))}
      </Card>
      <h2 style={{ fontSize: 16 }}>{t('portalLost.notice')}</h2>
      {items.length === 0 && !notice.isFetching && <Empty description={t('portalLost.empty')} />}
      <Space direction="vertical" style={{ width: '100%' }}>
        {items.map((i) => (
          <Card key={i.id} size="small" data-testid="portal-lost-item">
            <Space style={{ width: '100%', justifyContent: 'space-between' }} wrap>
              <div>
                <strong>{name(i)}</strong>
                <div className="pp-muted">{t('portalLost.foundOn')} {i.foundOn} · {i.place} · {t('portalLost.keptUntil')} {dayjs(i.retainUntil).format('YYYY-MM-DD')}</div>
              </div>
              {waiting.has(i.id)
                ? <Tag color="blue">{t('portalLost.asked')}</Tag>
                : <Button onClick={() => setAsking(i)}>{t('portalLost.mine')}</Button>}
            </Space>
          </Card>
        ))}
      </Space>
      {asking && <AskForItem item={asking} title={name(asking)} onClose={() => setAsking(null)} onDone={() => {
        setAsking(null);
        message.success(t('portalLost.requested'));
        client.invalidateQueries({ queryKey: ['reception', 'my-lost-claims'] });
      }} />}
    </div>
  );
}

function AskForItem({ item, title, onClose, onDone }: { item: LostItemNotice; title: string; onClose: () => void; onDone: () => void }) {
  const { t } = useTranslation();
  const [form] = Form.useForm<{ description: string; placeLost: string; phone?: string }>();
  const ask = useMutation({
    mutationFn: (v: { description: string; placeLost: string; phone?: string }) => send(`${base}/lost-items/${item.id}/claim-requests`, v),
    onSuccess: onDone,
  });
  const required = [{ required: true, message: t('reception.common.required') }];
  return (
    <Modal open title={`${t('portalLost.request')} · ${title}`} onCancel={onClose} onOk={() => form.submit()} confirmLoading={ask.isPending}
      okText={t('reception.common.ok')} cancelText={t('reception.common.cancel')} destroyOnHidden>
      {ask.error && <Alert type="error" showIcon title={problemMessage(ask.error, t)} style={{ marginBottom: 12 }} />}
      <Form form={form} layout="vertical" onFinish={(v) => ask.mutate(v)}>
        <Form.Item name="description" label={t('portalLost.description')} rules={required}><Input.TextArea rows={2} maxLength={500} /></Form.Item>
        <Form.Item name="placeLost" label={t('portalLost.placeLost')} rules={required}><Input maxLength={200} /></Form.Item>
        <Form.Item name="phone" label={t('portalLost.phone')}><Input inputMode="tel" maxLength={32} /></Form.Item>
      </Form>
    </Modal>
  );
}
