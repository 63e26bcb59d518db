import { useQuery } from '@tanstack/react-query';
import { Alert, Segmented } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { getJson } from '../api/client';
import { problemMessage } from '../api/problem';
import type { WorkOrderPage } from '../api/schema';
import { OrderCards } from '../components/OrderCards';

const open = 'dispatched,accepted,in_progress,on_hold,reopened';
const finished = 'completed,followed_up,closed';

/** The engineer's phone: what is assigned to them, open work first. */
export function EngineerOrdersPage() {
  const { t } = useTranslation();
  const [tab, setTab] = useState<'open' | 'finished'>('open');
  const list = useQuery({
    queryKey: ['my-orders', tab],
    queryFn: ({ signal }) => getJson<WorkOrderPage>(`/api/workorders/work-orders?assignedToMe=true&status=${tab === 'open' ? open : finished}&pageSize=100`, signal),
    refetchInterval: 60_000,
  });
  return (
    <div style={{ maxWidth: 640, margin: '0 auto' }}>
      <h1 className="pp-page-title">
        {t('engineer.title')}
        <Segmented value={tab} onChange={(v) => setTab(v as 'open' | 'finished')}
          options={[{ value: 'open', label: t('engineer.open') }, { value: 'finished', label: t('engineer.finished') }]} />
      </h1>
      {list.error && <Alert type="error" showIcon title={problemMessage(list.error, t)} />}
      <OrderCards orders={list.data?.items} empty={t('engineer.empty')} />
    </div>
  );
}
