import { PlusOutlined } from '@ant-design/icons';
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { Alert, Badge, Button, Card, Select, Space, Switch, Table } from 'antd';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate, useSearchParams } from 'react-router';
import { getJson, query } from '../../api/client';
import { complaintCategories, complaintStatuses, complaintTiers, type Complaint, type ComplaintPage, type SuggestionPage } from '../../api/complaints';
import { useSession } from '../../auth/session';
import { problemMessage } from '../../api/problem';
import { formatTime } from '../../components/format';
import { useProperty } from '../../components/useProperty';
import { ComplaintStatusTag, DeadlineTag, placeOf, TierTag } from './format';

// The API's filters, kept in the URL so a worklist can be bookmarked, shared and reloaded as it was.
const filterKeys = ['status', 'tier', 'category', 'escalatedTo', 'open', 'overdue', 'ownedByMe', 'hotProposed'] as const;
const switches = [
  { key: 'open', label: 'complaints.filters.open' },
  { key: 'overdue', label: 'complaints.filters.overdue' },
  { key: 'ownedByMe', label: 'complaints.filters.mine' },
  { key: 'hotProposed', label: 'complaints.filters.hot' },
] as const;

export function ComplaintListPage() {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const [params, setParams] = useSearchParams();
  const { propertyId } = useProperty();
  const { has } = useSession();
  const manager = has('manager');
  const page = Number(params.get('page') ?? 1);
  const pageSize = Number(params.get('pageSize') ?? 20);
  const filters = Object.fromEntries(filterKeys.map((k) => [k, params.get(k) ?? undefined]));
  const search = query({ propertyId, ...filters, page, pageSize });

  const list = useQuery({
    queryKey: ['complaints', search],
    queryFn: ({ signal }) => getJson<ComplaintPage>(`/api/complaints/complaints${search}`, signal),
    enabled: !!propertyId,
    placeholderData: keepPreviousData,
  });

  // The manager's queue also holds the suggestions waiting for their decision.
  const toDecide = useQuery({
    queryKey: ['suggestions', 'to-decide', propertyId],
    queryFn: ({ signal }) => getJson<SuggestionPage>(`/api/complaints/suggestions${query({ propertyId, status: 'submitted', pageSize: 1 })}`, signal),
    enabled: !!propertyId && manager,
  });
  const queue = params.get('ownedByMe') === 'true' && params.get('open') === 'true' ? 'mine' : params.get('escalatedTo') === 'manager' ? 'manager' : null;

  const set = (changes: Record<string, string | undefined | null>) => {
    const next = new URLSearchParams(params);
    for (const [key, value] of Object.entries(changes)) {
      if (value) next.set(key, value);
      else next.delete(key);
    }
    if (!('page' in changes)) next.delete('page');
    setParams(next);
  };

  return (
    <>
      <h1 className="pp-page-title">
        {t('complaints.title')}
        <Link to="/complaints/new"><Button type="primary" icon={<PlusOutlined />}>{t('complaints.new')}</Button></Link>
      </h1>
      <Space wrap style={{ marginBottom: 12 }}>
        {/* The owner's worklist (open complaints they own, with their reply times) and the manager's queue. */}
        <Button type={queue === 'mine' ? 'primary' : 'default'} onClick={() => setParams(new URLSearchParams({ ownedByMe: 'true', open: 'true' }))}>
          {t('queues.mine')}
        </Button>
        {manager && (
          <>
            <Button type={queue === 'manager' ? 'primary' : 'default'} onClick={() => setParams(new URLSearchParams({ escalatedTo: 'manager' }))}>
              {t('queues.manager')}
            </Button>
            <Link to="/suggestions?status=submitted">
              <Badge count={Number(toDecide.data?.total ?? 0)} size="small"><Button>{t('queues.suggestionsToDecide', { count: Number(toDecide.data?.total ?? 0) })}</Button></Badge>
            </Link>
          </>
        )}
      </Space>
      <Card size="small" style={{ marginBottom: 12 }}>
        <Space wrap>
          <Select allowClear placeholder={t('order.status')} value={filters.status} onChange={(v) => set({ status: v })} style={{ minWidth: 130 }}
            aria-label={t('order.status')} options={complaintStatuses.map((s) => ({ value: s, label: t(`complaints.status.${s}`) }))} />
          <Select allowClear placeholder={t('complaints.filters.tier')} value={filters.tier}
            onChange={(v) => set({ tier: v })} style={{ minWidth: 110 }} aria-label={t('complaints.filters.tier')}
            options={complaintTiers.map((s) => ({ value: s, label: t(`complaints.tier.${s}`) }))} />
          <Select allowClear placeholder={t('order.category')} value={filters.category} onChange={(v) => set({ category: v })} style={{ minWidth: 120 }}
            aria-label={t('order.category')} options={complaintCategories.map((c) => ({ value: c, label: t(`complaints.category.${c}`) }))} />
          <Select allowClear placeholder={t('complaints.filters.escalatedTo')} value={filters.escalatedTo} onChange={(v) => set({ escalatedTo: v })}
            style={{ minWidth: 130 }} aria-label={t('complaints.filters.escalatedTo')}
            options={(['supervisor', 'manager'] as const).map((l) => ({ value: l, label: t(`complaints.escalated.${l}`) }))} />
          {switches.map((s) => (
            <Space key={s.key}>
              <Switch checked={filters[s.key] === 'true'} onChange={(on) => set({ [s.key]: on ? 'true' : undefined })} aria-label={t(s.label)} />
              {t(s.label)}
            </Space>
          ))}
          <Button type="link" onClick={() => setParams(new URLSearchParams())}>{t('complaints.reset')}</Button>
        </Space>
      </Card>
      {list.error && <Alert type="error" showIcon title={problemMessage(list.error, t)} style={{ marginBottom: 12 }} />}
      <Card size="small" styles={{ body: { padding: 0 } }}>
        <Table<Complaint>
          rowKey="id" size="middle" dataSource={list.data?.items} loading={list.isFetching} scroll={{ x: 900 }}
          locale={{ emptyText: t('complaints.empty') }}
          onRow={(c) => ({ onClick: () => navigate(`/complaints/${c.id}`), style: { cursor: 'pointer' } })}
          pagination={{
            current: page, pageSize, total: Number(list.data?.total ?? 0), showSizeChanger: true, pageSizeOptions: [20, 50, 100, 200],
            showTotal: (total) => t('complaints.total', { total }),
            onChange: (p, s) => set({ page: String(p), pageSize: String(s) }),
          }}
          columns={[
            {
              title: t('complaints.columns.number'), dataIndex: 'number', width: 170,
              render: (_, c) => <Link to={`/complaints/${c.id}`} onClick={(e) => e.stopPropagation()} style={{ fontVariantNumeric: 'tabular-nums' }}>{c.number}</Link>,
            },
            { title: t('order.status'), dataIndex: 'status', width: 110, render: (_, c) => <ComplaintStatusTag status={c.status} /> },
            {
              title: t('complaints.filters.tier'), key: 'tier', width: 150,
              render: (_, c) => <Space size={0} wrap><TierTag tier={c.tier} /><DeadlineTag complaint={c} /></Space>,
            },
            { title: t('order.category'), dataIndex: 'category', width: 100, render: (_, c) => t(`complaints.category.${c.category}`) },
            { title: t('complaints.columns.place'), key: 'place', width: 150, render: (_, c) => placeOf(c) },
            { title: t('order.description'), dataIndex: 'description', ellipsis: true },
            {
              title: t('complaints.columns.complainant'), key: 'who', width: 120,
              render: (_, c) => (c.complainantHidden ? t('complaints.hidden') : c.complainantName ?? (c.anonymous ? t('complaints.anonymous') : '—')),
            },
            { title: t('complaints.columns.owner'), key: 'owner', width: 100, render: (_, c) => c.owner?.name ?? '—' },
            { title: t('complaints.columns.receivedAt'), dataIndex: 'receivedAt', width: 120, render: (_, c) => formatTime(c.receivedAt) },
            { title: t('complaints.columns.replyDue'), dataIndex: 'replyDueAt', width: 120, render: (_, c) => formatTime(c.replyDueAt) },
          ]}
        />
      </Card>
    </>
  );
}
