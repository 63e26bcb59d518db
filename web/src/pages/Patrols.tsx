import { EditOutlined, PlusOutlined, RightOutlined } from '@ant-design/icons';
import { keepPreviousData, useQuery, useQueryClient } from '@tanstack/react-query';
import { Alert, App, Button, Card, Empty, Form, Input, Modal, Pagination, Select, Skeleton, Switch, Tag } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate } from 'react-router';
import { call, getJson, query, send } from '../api/client';
import { problemMessage } from '../api/problem';
import { checklistFromText, type PatrolRecordPage, type PatrolRoute, type PatrolRoutePage, type PatrolRouteRequest } from '../api/patrols';
import { useSession } from '../auth/session';
import { formatTime } from '../components/format';
import { useProperty } from '../components/useProperty';

/** Who walks patrols and who keeps the routes (README "Who may do what"). */
export function usePatrolRoles() {
  const { has } = useSession();
  return {
    canWalk: has('security', 'engineer'),
    canEdit: has('supervisor', 'manager', 'admin'),
    // Security records patrols but does not read work orders: they see the number, the others open it.
    canOpenOrders: has('frontdesk', 'supervisor', 'manager', 'engineer', 'admin'),
  };
}

interface RouteValues { name: string; area: string; checklist: string; active: boolean }

function RouteEditor({ route, propertyId, onClose }: { route: PatrolRoute | null; propertyId: string; onClose: () => void }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const client = useQueryClient();
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const save = async (values: RouteValues) => {
    setBusy(true);
    setError(null);
    const body: PatrolRouteRequest = {
      propertyId: route ? null : propertyId, name: values.name.trim(), area: values.area.trim(),
      checklist: checklistFromText(values.checklist), active: values.active,
    };
    try {
      if (route) await call(`/api/workorders/patrol-routes/${route.id}`, { method: 'PUT', body });
      else await send('/api/workorders/patrol-routes', body);
      message.success(t('patrol.saved'));
      client.invalidateQueries({ queryKey: ['patrol-routes'] });
      onClose();
    } catch (e) {
      setError(problemMessage(e, t));
    } finally {
      setBusy(false);
    }
  };
  return (
    <Modal open title={route ? t('patrol.editRoute') : t('patrol.newRoute')} onCancel={onClose} footer={null} destroyOnHidden width={520}>
      <Form<RouteValues> layout="vertical" requiredMark={false} onFinish={save}
        initialValues={{ name: route?.name, area: route?.area, checklist: route?.checklist.join('\n'), active: route?.active ?? true }}>
        <Form.Item name="name" label={t('patrol.name')} rules={[{ required: true, whitespace: true, message: t('common.required') }]}>
          <Input maxLength={100} autoFocus />
        </Form.Item>
        <Form.Item name="area" label={t('patrol.area')} rules={[{ required: true, whitespace: true, message: t('common.required') }]}>
          <Input maxLength={200} />
        </Form.Item>
        <Form.Item name="checklist" label={t('patrol.checklist')} extra={t('patrol.checklistHint')}
          rules={[{ validator: (_, v: string | undefined) => (checklistFromText(v ?? '').length > 0 ? Promise.resolve() : Promise.reject(new Error(t('common.required')))) }]}>
          <Input.TextArea rows={8} />
        </Form.Item>
        <Form.Item name="active" label={t('patrol.active')} valuePropName="checked"><Switch /></Form.Item>
        {error && <Alert type="error" showIcon title={error} style={{ marginBottom: 12 }} />}
        <Button type="primary" htmlType="submit" block loading={busy}>{t('common.save')}</Button>
      </Form>
    </Modal>
  );
}

/** Patrol routes to walk (or keep), and the latest patrol records of the property. */
export function PatrolsPage() {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const { propertyId } = useProperty();
  const { canWalk, canEdit } = usePatrolRoles();
  const [editing, setEditing] = useState<PatrolRoute | 'new' | null>(null);
  const [routeId, setRouteId] = useState<string>();
  const [page, setPage] = useState(1);

  const routes = useQuery({
    queryKey: ['patrol-routes', propertyId],
    queryFn: ({ signal }) => getJson<PatrolRoutePage>(`/api/workorders/patrol-routes?propertyId=${propertyId}&pageSize=200`, signal),
    enabled: !!propertyId,
  });
  const records = useQuery({
    queryKey: ['patrol-records', propertyId, routeId, page],
    queryFn: ({ signal }) => getJson<PatrolRecordPage>(`/api/workorders/patrol-records${query({ propertyId, routeId, page, pageSize: 10 })}`, signal),
    enabled: !!propertyId,
    placeholderData: keepPreviousData,
  });
  // A guard sees only the routes they can walk; those who keep the routes see the inactive ones too.
  const shown = (routes.data?.items ?? []).filter((r) => canEdit || r.active);

  return (
    <div style={{ maxWidth: 960, margin: '0 auto' }}>
      <h1 className="pp-page-title">
        {t('patrol.routes')}
        {canEdit && propertyId && <Button icon={<PlusOutlined />} onClick={() => setEditing('new')}>{t('patrol.newRoute')}</Button>}
      </h1>
      {routes.error && <Alert type="error" showIcon title={problemMessage(routes.error, t)} />}
      {routes.isLoading && <Card size="small"><Skeleton active paragraph={{ rows: 2 }} /></Card>}
      {routes.data && shown.length === 0 && <Card size="small"><Empty description={t('patrol.noRoutes')} /></Card>}
      <div className="pp-card-grid">
        {shown.map((r) => (
          <Card key={r.id} size="small" data-testid="patrol-route"
            title={<span>{r.name} {!r.active && <Tag>{t('patrol.inactive')}</Tag>}</span>}
            extra={canEdit && <Button type="text" size="small" icon={<EditOutlined />} aria-label={`${t('patrol.editRoute')} ${r.name}`} onClick={() => setEditing(r)} />}>
            <div className="pp-muted" style={{ marginBottom: 8 }}>
              {r.area} · {t('patrol.items', { count: r.checklist.length })} · {t('patrol.version', { version: r.checklistVersion })}
            </div>
            <ol className="pp-checklist-preview">
              {r.checklist.slice(0, 3).map((item) => <li key={item}>{item}</li>)}
              {r.checklist.length > 3 && <li className="pp-muted">…</li>}
            </ol>
            {canWalk && r.active && (
              <Button type="primary" block size="large" onClick={() => navigate(`/patrols/${r.id}/walk`)}>{t('patrol.start')}</Button>
            )}
          </Card>
        ))}
      </div>

      <h2 className="pp-page-title" style={{ marginTop: 20 }}>
        {t('patrol.records')}
        <Select allowClear placeholder={t('patrol.routeFilter')} aria-label={t('patrol.routeFilter')} style={{ minWidth: 160 }} value={routeId}
          onChange={(v) => { setRouteId(v); setPage(1); }} options={routes.data?.items.map((r) => ({ value: r.id, label: r.name }))} />
      </h2>
      {records.error && <Alert type="error" showIcon title={problemMessage(records.error, t)} />}
      {records.isLoading && <Card size="small"><Skeleton active paragraph={{ rows: 1 }} /></Card>}
      {records.data && records.data.items.length === 0 && <Card size="small"><Empty description={t('patrol.noRecords')} /></Card>}
      {records.data?.items.map((r) => (
        <Link key={r.id} to={`/patrols/records/${r.id}`} className="pp-phone-card" style={{ display: 'block', color: 'inherit' }} data-testid="patrol-record">
          <Card size="small" hoverable>
            <div style={{ display: 'flex', justifyContent: 'space-between', alignItems: 'center', gap: 8 }}>
              <b>{r.routeName}</b>
              <span>
                {Number(r.failedItems) > 0
                  ? <Tag color="red">{t('patrol.failed', { count: Number(r.failedItems) })}</Tag>
                  : <Tag color="green">{t('patrol.allPassed')}</Tag>}
                <RightOutlined className="pp-muted" />
              </span>
            </div>
            <div className="pp-muted" style={{ marginTop: 4 }}>{formatTime(r.patrolledAt)} · {r.patroller.name}</div>
          </Card>
        </Link>
      ))}
      {records.data && Number(records.data.total) > 10 && (
        <Pagination simple current={page} pageSize={10} total={Number(records.data.total)} onChange={setPage} style={{ marginTop: 12, textAlign: 'center' }} />
      )}
      {editing && propertyId && <RouteEditor route={editing === 'new' ? null : editing} propertyId={propertyId} onClose={() => setEditing(null)} />}
    </div>
  );
}
