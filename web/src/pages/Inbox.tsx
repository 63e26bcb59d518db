import { useQuery, useQueryClient } from '@tanstack/react-query';
import { Alert, Badge, Button, Card, List, Segmented, Space } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate } from 'react-router';
import { getJson, send } from '../api/client';
import { problemMessage } from '../api/problem';
import type { InboxEntry, InboxPage, MarkedRead } from '../api/schema';
import { formatTime } from '../components/format';
import { consolePath, useUnreadCount } from '../components/inbox';
import { useSession } from '../auth/session';
import './notifications/texts';

export function InboxPage() {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const client = useQueryClient();
  const { has, isDesk } = useSession();
  const [unread, setUnread] = useState(true);
  const inbox = useQuery({
    queryKey: ['inbox', 'list', unread],
    queryFn: ({ signal }) => getJson<InboxPage>(`/api/notifications/inbox?pageSize=50${unread ? '&unread=true' : ''}`, signal),
  });
  const unreadCount = useUnreadCount();
  const [markingAll, setMarkingAll] = useState(false);
  const [markAllError, setMarkAllError] = useState<unknown>(null);
  const markAllRead = async () => {
    setMarkingAll(true);
    setMarkAllError(null);
    try {
      await send<MarkedRead>('/api/notifications/inbox/read-all');
      await client.invalidateQueries({ queryKey: ['inbox'] });
    } catch (e) {
      setMarkAllError(e);
    } finally {
      setMarkingAll(false);
    }
  };
  const open = async (entry: InboxEntry) => {
    if (!entry.readAt) {
      await send(`/api/notifications/inbox/${entry.id}/read`).catch(() => undefined);
      client.invalidateQueries({ queryKey: ['inbox'] });
    }
    const path = consolePath(entry.link, has('occupant') && !isDesk);
    if (path) navigate(path);
  };
  return (
    <div style={{ maxWidth: 760, margin: '0 auto' }}>
      <h1 className="pp-page-title">
        {t('inbox.title')}
        <Space>
          <Link to="/notifications/preferences" data-testid="inbox-preferences">{t('nav.preferences')}</Link>
          <Button size="small" onClick={markAllRead} loading={markingAll} disabled={!unreadCount.data} data-testid="inbox-read-all">
            {t('inbox.markAllRead')}
          </Button>
          <Segmented value={unread ? 'unread' : 'all'} onChange={(v) => setUnread(v === 'unread')}
            options={[{ value: 'unread', label: t('inbox.unread') }, { value: 'all', label: t('inbox.all') }]} />
        </Space>
      </h1>
      {inbox.error && <Alert type="error" showIcon title={problemMessage(inbox.error, t)} />}
      {markAllError != null && <Alert type="error" showIcon title={problemMessage(markAllError, t)} />}
      <Card size="small" styles={{ body: { padding: 0 } }}>
        <List
          loading={inbox.isLoading}
          dataSource={inbox.data?.items}
          locale={{ emptyText: t('inbox.empty') }}
          renderItem={(entry) => (
            <List.Item style={{ cursor: 'pointer', padding: '10px 16px' }} onClick={() => open(entry)} tabIndex={0}
              onKeyDown={(e) => { if (e.key === 'Enter') open(entry); }}>
              <List.Item.Meta
                avatar={<Badge status={entry.readAt ? 'default' : entry.escalation ? 'error' : 'processing'} />}
                title={<span style={{ fontWeight: entry.readAt ? 400 : 600 }}>{entry.title}</span>}
                description={<><div style={{ color: '#3d434d' }}>{entry.body}</div><div className="pp-muted">{formatTime(entry.createdAt)}</div></>}
              />
            </List.Item>
          )}
        />
      </Card>
    </div>
  );
}
