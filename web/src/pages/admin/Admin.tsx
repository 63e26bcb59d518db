import { EditOutlined, PlusOutlined } from '@ant-design/icons';
import { keepPreviousData, useQuery, useQueryClient } from '@tanstack/react-query';
import { Alert, App, Button, Card, Input, InputNumber, Popconfirm, Radio, Select, Space, Table, Tabs, Tag, Form } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useSearchParams } from 'react-router';
import { call, getJson, query, send } from '../../api/client';
import { getAll } from '../../api/pages';
import { problemMessage } from '../../api/problem';
import type { components } from '../../api/types/directory';
import { useSession } from '../../auth/session';
import { formatTime } from '../../components/format';
import { useProperty } from '../../components/useProperty';
import { FormModal } from './FormModal';
import { ImportTab } from './ImportTab';

type D = components['schemas'];
type Property = D['PropertyView'];
type Building = D['BuildingView'];
type Unit = D['UnitView'];
type Occupant = D['OccupantSummary'];
type Staff = D['StaffSummary'];
type Account = D['AccountView'];
interface Page<T> { items: T[]; total: number | string }

const unitTypes: D['UnitType'][] = ['office', 'shop', 'clubhouse', 'storage', 'residence', 'parking_space'];
const propertyTypes: D['PropertyType'][] = ['office_tower', 'residential', 'industrial_park', 'mall'];
const departments: D['Department'][] = ['customer_service', 'engineering', 'security', 'finance', 'hr_admin', 'project_management'];
const staffRoles: D['StaffRole'][] = ['frontdesk', 'supervisor', 'manager', 'engineer', 'security', 'finance', 'admin'];
const required = (t: (k: string) => string) => [{ required: true, whitespace: true, message: t('common.required') }];
const requiredValue = (t: (k: string) => string) => [{ required: true, message: t('common.required') }];

function useSaved() {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const client = useQueryClient();
  return () => {
    message.success(t('admin.saved'));
    client.invalidateQueries({ queryKey: ['admin'] });
    client.invalidateQueries({ queryKey: ['properties'] });
    client.invalidateQueries({ queryKey: ['unit-directory'] });
  };
}

function PropertiesTab() {
  const { t } = useTranslation();
  const saved = useSaved();
  const [adding, setAdding] = useState(false);
  const list = useQuery({ queryKey: ['admin', 'properties'], queryFn: ({ signal }) => getAll<Property>('/api/directory/properties', signal) });
  return (
    <>
      <Toolbar onAdd={() => setAdding(true)} />
      {list.error && <Alert type="error" showIcon title={problemMessage(list.error, t)} />}
      <Table<Property> rowKey="id" size="small" loading={list.isLoading} dataSource={list.data} pagination={false} scroll={{ x: 560 }} columns={[
        { title: t('admin.name'), dataIndex: 'name' },
        { title: t('admin.type'), dataIndex: 'type', render: (v) => t(`enums.propertyType.${v}`) },
        { title: t('admin.address'), dataIndex: 'address', render: (v) => v ?? '—' },
        { title: t('admin.registeredAt'), dataIndex: 'registeredAt', width: 130, render: formatTime },
      ]} />
      {adding && (
        <FormModal<{ name: string; type: D['PropertyType']; address?: string }> title={`${t('admin.add')} · ${t('admin.properties')}`} onClose={() => setAdding(false)}
          initialValues={{ type: 'office_tower' }}
          onSave={async (v) => { await send('/api/directory/properties', { name: v.name.trim(), type: v.type, address: v.address?.trim() || null }); saved(); }}>
          <Form.Item name="name" label={t('admin.name')} rules={required(t)}><Input maxLength={100} autoFocus /></Form.Item>
          <Form.Item name="type" label={t('admin.type')}><Select options={propertyTypes.map((p) => ({ value: p, label: t(`enums.propertyType.${p}`) }))} /></Form.Item>
          <Form.Item name="address" label={t('admin.address')}><Input maxLength={200} /></Form.Item>
        </FormModal>
      )}
    </>
  );
}

function Toolbar({ onAdd, children }: { onAdd?: () => void; children?: React.ReactNode }) {
  const { t } = useTranslation();
  return (
    <div className="pp-toolbar">
      <Space wrap>{children}</Space>
      {onAdd && <Button type="primary" icon={<PlusOutlined />} onClick={onAdd}>{t('admin.add')}</Button>}
    </div>
  );
}

function useBuildings(propertyId: string | undefined) {
  return useQuery({
    queryKey: ['admin', 'buildings', propertyId],
    queryFn: ({ signal }) => getAll<Building>(`/api/directory/buildings?propertyId=${propertyId}`, signal),
    enabled: !!propertyId,
  });
}

function BuildingsTab({ propertyId, canEdit }: { propertyId: string; canEdit: boolean }) {
  const { t } = useTranslation();
  const saved = useSaved();
  const [adding, setAdding] = useState(false);
  const list = useBuildings(propertyId);
  return (
    <>
      <Toolbar onAdd={canEdit ? () => setAdding(true) : undefined} />
      {list.error && <Alert type="error" showIcon title={problemMessage(list.error, t)} />}
      <Table<Building> rowKey="id" size="small" loading={list.isLoading} dataSource={list.data} pagination={false} columns={[
        { title: t('admin.name'), dataIndex: 'name' },
        { title: t('admin.registeredAt'), dataIndex: 'registeredAt', width: 130, render: formatTime },
      ]} />
      {adding && (
        <FormModal<{ name: string }> title={`${t('admin.add')} · ${t('admin.buildings')}`} onClose={() => setAdding(false)}
          onSave={async (v) => { await send('/api/directory/buildings', { propertyId, name: v.name.trim() }); saved(); }}>
          <Form.Item name="name" label={t('admin.name')} rules={required(t)}><Input maxLength={100} autoFocus /></Form.Item>
        </FormModal>
      )}
    </>
  );
}

interface UnitValues { buildingId: string; number: string; floor: number; type: D['UnitType']; chargeableArea: number }

function UnitsTab({ propertyId, canEdit }: { propertyId: string; canEdit: boolean }) {
  const { t } = useTranslation();
  const saved = useSaved();
  const [editing, setEditing] = useState<Unit | 'new' | null>(null);
  const [buildingId, setBuildingId] = useState<string>();
  const [type, setType] = useState<string>();
  const [page, setPage] = useState(1);
  const buildings = useBuildings(propertyId);
  const list = useQuery({
    queryKey: ['admin', 'units', propertyId, buildingId, type, page],
    queryFn: ({ signal }) => getJson<Page<Unit>>(`/api/directory/units${query({ propertyId, buildingId, type, page, pageSize: 20 })}`, signal),
    placeholderData: keepPreviousData,
  });
  const save = async (v: UnitValues) => {
    if (editing === 'new') {
      await send('/api/directory/units', { buildingId: v.buildingId, number: v.number.trim(), floor: v.floor, type: v.type, chargeableArea: v.chargeableArea });
    } else if (editing) {
      await call(`/api/directory/units/${editing.id}`, { method: 'PUT', body: { floor: v.floor, type: v.type, chargeableArea: v.chargeableArea } });
    }
    saved();
  };
  return (
    <>
      <Toolbar onAdd={canEdit ? () => setEditing('new') : undefined}>
        <Select allowClear placeholder={t('admin.allBuildings')} aria-label={t('admin.building')} style={{ width: 140 }} value={buildingId}
          onChange={(v) => { setBuildingId(v); setPage(1); }} options={buildings.data?.map((b) => ({ value: b.id, label: b.name }))} />
        <Select allowClear placeholder={t('admin.allTypes')} aria-label={t('admin.type')} style={{ width: 120 }} value={type}
          onChange={(v) => { setType(v); setPage(1); }} options={unitTypes.map((u) => ({ value: u, label: t(`enums.unitType.${u}`) }))} />
      </Toolbar>
      {list.error && <Alert type="error" showIcon title={problemMessage(list.error, t)} />}
      <Table<Unit> rowKey="id" size="small" loading={list.isLoading} dataSource={list.data?.items} scroll={{ x: 560 }}
        pagination={{ current: page, pageSize: 20, total: Number(list.data?.total ?? 0), showSizeChanger: false, onChange: setPage, showTotal: (total) => t('admin.total', { total }) }}
        columns={[
          { title: t('admin.building'), dataIndex: 'buildingName', width: 90 },
          { title: t('admin.number'), dataIndex: 'number', width: 90 },
          { title: t('admin.floor'), dataIndex: 'floor', width: 70 },
          { title: t('admin.type'), dataIndex: 'type', render: (v) => t(`enums.unitType.${v}`) },
          { title: t('admin.area'), dataIndex: 'chargeableArea', align: 'right', render: (v) => Number(v).toFixed(2) },
          ...(canEdit ? [{ title: '', key: 'edit', width: 48, render: (_: unknown, u: Unit) => <Button type="text" size="small" icon={<EditOutlined />} aria-label={`${t('admin.edit')} ${u.buildingName} ${u.number}`} onClick={() => setEditing(u)} /> }] : []),
        ]} />
      {editing && (
        <FormModal<UnitValues> title={`${editing === 'new' ? t('admin.add') : t('admin.edit')} · ${t('admin.units')}`} onClose={() => setEditing(null)} onSave={save}
          initialValues={editing === 'new'
            ? { type: 'office', buildingId: buildingId ?? buildings.data?.[0]?.id }
            : { buildingId: editing.buildingId, number: editing.number, floor: Number(editing.floor), type: editing.type, chargeableArea: Number(editing.chargeableArea) }}>
          <Form.Item name="buildingId" label={t('admin.building')} rules={requiredValue(t)}>
            <Select disabled={editing !== 'new'} options={buildings.data?.map((b) => ({ value: b.id, label: b.name }))} />
          </Form.Item>
          <Form.Item name="number" label={t('admin.number')} rules={required(t)}><Input maxLength={20} disabled={editing !== 'new'} /></Form.Item>
          <div style={{ display: 'grid', gridTemplateColumns: '1fr 1fr', gap: 12 }}>
            <Form.Item name="floor" label={t('admin.floor')} rules={requiredValue(t)}><InputNumber min={-10} max={200} precision={0} style={{ width: '100%' }} /></Form.Item>
            <Form.Item name="chargeableArea" label={t('admin.area')} rules={requiredValue(t)}><InputNumber min={0.01} precision={2} style={{ width: '100%' }} /></Form.Item>
          </div>
          <Form.Item name="type" label={t('admin.type')}><Select options={unitTypes.map((u) => ({ value: u, label: t(`enums.unitType.${u}`) }))} /></Form.Item>
        </FormModal>
      )}
    </>
  );
}

/** Accounts by person, for the account column of the occupant and staff lists. */
function useAccounts(enabled: boolean) {
  return useQuery({
    queryKey: ['admin', 'accounts'],
    queryFn: ({ signal }) => getAll<Account>('/api/directory/accounts', signal),
    enabled,
    select: (items) => new Map(items.map((a) => [a.personId, a])),
  });
}

function AccountCell({ personId, accounts, canCreate, canManage, onCreate }: {
  personId: string; accounts: Map<string, Account> | undefined; canCreate: boolean; canManage: boolean; onCreate: () => void;
}) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const client = useQueryClient();
  const account = accounts?.get(personId);
  const toggle = async (action: 'disable' | 'enable') => {
    try {
      await send(`/api/directory/accounts/${account!.id}/${action}`);
      message.success(t('admin.saved'));
      client.invalidateQueries({ queryKey: ['admin', 'accounts'] });
    } catch (e) {
      message.error(problemMessage(e, t));
    }
  };
  if (!account) {
    return canCreate ? <Button size="small" onClick={onCreate}>{t('admin.createAccount')}</Button> : <span className="pp-muted">{accounts ? t('admin.noAccount') : '—'}</span>;
  }
  return (
    <Space size={4} wrap>
      <span>{account.userName}</span>
      {account.disabled ? <Tag color="red">{t('admin.disabled')}</Tag> : <Tag color="green">{t('admin.active')}</Tag>}
      {canManage && (account.disabled
        ? <Button size="small" type="link" onClick={() => toggle('enable')}>{t('admin.enable')}</Button>
        : (
          <Popconfirm title={t('admin.disableConfirm')} onConfirm={() => toggle('disable')} okText={t('actions.confirm')} cancelText={t('actions.dismiss')}>
            <Button size="small" type="link" danger>{t('admin.disable')}</Button>
          </Popconfirm>
        ))}
    </Space>
  );
}

function AccountForm({ person, onClose }: { person: { id: string; name: string; phone?: string | null }; onClose: () => void }) {
  const { t } = useTranslation();
  const client = useQueryClient();
  const { message } = App.useApp();
  return (
    <FormModal<{ userName: string; initialPassword: string }> title={`${t('admin.createAccount')} · ${person.name}`} onClose={onClose}
      initialValues={{ userName: person.phone && !person.phone.includes('*') ? person.phone : undefined }}
      onSave={async (v) => {
        await send('/api/directory/accounts', { personId: person.id, userName: v.userName.trim(), initialPassword: v.initialPassword });
        message.success(t('admin.saved'));
        client.invalidateQueries({ queryKey: ['admin', 'accounts'] });
      }}>
      <Form.Item name="userName" label={t('admin.userName')} rules={required(t)}><Input maxLength={64} autoComplete="off" autoFocus /></Form.Item>
      <Form.Item name="initialPassword" label={t('admin.initialPassword')} extra={t('admin.passwordHint')}
        rules={[...requiredValue(t), { min: 8, max: 128, message: t('admin.passwordHint') }]}>
        <Input.Password autoComplete="new-password" />
      </Form.Item>
    </FormModal>
  );
}

interface OccupantValues { kind: D['OccupantKind']; name: string; phone?: string; email?: string }

function OccupantsTab({ propertyId }: { propertyId: string }) {
  const { t } = useTranslation();
  const { has } = useSession();
  const saved = useSaved();
  const [adding, setAdding] = useState(false);
  const [accountFor, setAccountFor] = useState<Occupant | null>(null);
  const [name, setName] = useState('');
  const [kind, setKind] = useState<string>();
  const [page, setPage] = useState(1);
  // The desk creates occupants' accounts, so it sees who has one (Directory scopes the list to its properties).
  const accounts = useAccounts(has('frontdesk', 'supervisor', 'manager', 'admin'));
  const list = useQuery({
    queryKey: ['admin', 'occupants', propertyId, name, kind, page],
    queryFn: ({ signal }) => getJson<Page<Occupant>>(`/api/directory/occupants${query({ propertyId, name, kind, page, pageSize: 20 })}`, signal),
    placeholderData: keepPreviousData,
  });
  return (
    <>
      <Toolbar onAdd={() => setAdding(true)}>
        <Input.Search allowClear placeholder={t('admin.searchName')} aria-label={t('admin.searchName')} style={{ width: 200 }} onSearch={(v) => { setName(v.trim()); setPage(1); }} />
        <Select allowClear placeholder={t('admin.kind')} aria-label={t('admin.kind')} style={{ width: 100 }} value={kind}
          onChange={(v) => { setKind(v); setPage(1); }} options={(['person', 'company'] as const).map((k) => ({ value: k, label: t(`enums.occupantKind.${k}`) }))} />
      </Toolbar>
      {list.error && <Alert type="error" showIcon title={problemMessage(list.error, t)} />}
      <Table<Occupant> rowKey="id" size="small" loading={list.isLoading} dataSource={list.data?.items} scroll={{ x: 720 }}
        pagination={{ current: page, pageSize: 20, total: Number(list.data?.total ?? 0), showSizeChanger: false, onChange: setPage, showTotal: (total) => t('admin.total', { total }) }}
        columns={[
          { title: t('admin.name'), dataIndex: 'name' },
          { title: t('admin.kind'), dataIndex: 'kind', width: 70, render: (v) => t(`enums.occupantKind.${v}`) },
          { title: t('admin.phone'), dataIndex: 'phone', width: 130, render: (v) => v ?? '—' },
          { title: t('admin.email'), dataIndex: 'email', render: (v) => v ?? '—' },
          {
            title: t('admin.account'), key: 'account', width: 220,
            render: (_, o) => o.kind === 'company' ? <span className="pp-muted">—</span>
              : <AccountCell personId={o.id} accounts={accounts.data} canCreate={!accounts.data?.has(o.id)} canManage={has('admin')} onCreate={() => setAccountFor(o)} />,
          },
        ]} />
      {adding && (
        <FormModal<OccupantValues> title={`${t('admin.add')} · ${t('admin.occupants')}`} onClose={() => setAdding(false)} initialValues={{ kind: 'person' }}
          onSave={async (v) => {
            await send('/api/directory/occupants', {
              propertyId, kind: v.kind, name: v.name.trim(), phone: v.phone?.trim() || null, email: v.email?.trim() || null, idType: null, idNumber: null, companyId: null,
            });
            saved();
          }}>
          <Form.Item name="kind" label={t('admin.kind')}>
            <Radio.Group optionType="button" options={(['person', 'company'] as const).map((k) => ({ value: k, label: t(`enums.occupantKind.${k}`) }))} />
          </Form.Item>
          <Form.Item name="name" label={t('admin.name')} rules={required(t)}><Input maxLength={100} autoFocus /></Form.Item>
          <Form.Item name="phone" label={t('admin.phone')} dependencies={['email']}
            rules={[({ getFieldValue }) => ({ validator: (_, v) => (v?.trim() || getFieldValue('email')?.trim() ? Promise.resolve() : Promise.reject(new Error(t('admin.needContact')))) })]}>
            <Input maxLength={30} inputMode="tel" />
          </Form.Item>
          <Form.Item name="email" label={t('admin.email')}><Input maxLength={200} inputMode="email" /></Form.Item>
        </FormModal>
      )}
      {accountFor && <AccountForm person={accountFor} onClose={() => setAccountFor(null)} />}
    </>
  );
}

interface StaffValues { name: string; phone: string; email?: string; department: D['Department']; roles: D['StaffRole'][]; propertyIds: string[] }

function StaffTab({ propertyId, canEdit }: { propertyId: string; canEdit: boolean }) {
  const { t } = useTranslation();
  const saved = useSaved();
  const { properties } = useProperty();
  const [editing, setEditing] = useState<Staff | 'new' | null>(null);
  const [accountFor, setAccountFor] = useState<Staff | null>(null);
  const [name, setName] = useState('');
  const accounts = useAccounts(canEdit);
  // A list masks the phone: the form starts from the record, which has it in full.
  const record = useQuery({
    queryKey: ['admin', 'staff-record', editing === 'new' ? null : editing?.id],
    queryFn: ({ signal }) => getJson<D['StaffView']>(`/api/directory/staff/${(editing as Staff).id}`, signal),
    enabled: !!editing && editing !== 'new',
  });
  const list = useQuery({
    queryKey: ['admin', 'staff', propertyId, name],
    queryFn: ({ signal }) => getAll<Staff>(`/api/directory/staff${query({ propertyId, name })}`, signal),
  });
  const propertyName = (id: string) => properties.find((p) => p.id === id)?.name ?? id.slice(0, 8);
  const save = async (v: StaffValues) => {
    const body = { name: v.name.trim(), phone: v.phone.trim(), email: v.email?.trim() || null, department: v.department, roles: v.roles, propertyIds: v.propertyIds };
    if (editing === 'new') await send('/api/directory/staff', body);
    else if (editing) await call(`/api/directory/staff/${editing.id}`, { method: 'PUT', body });
    saved();
  };
  return (
    <>
      <Toolbar onAdd={canEdit ? () => setEditing('new') : undefined}>
        <Input.Search allowClear placeholder={t('admin.searchName')} aria-label={t('admin.searchName')} style={{ width: 200 }} onSearch={(v) => setName(v.trim())} />
      </Toolbar>
      {list.error && <Alert type="error" showIcon title={problemMessage(list.error, t)} />}
      <Table<Staff> rowKey="id" size="small" loading={list.isLoading} dataSource={list.data} pagination={{ pageSize: 20, hideOnSinglePage: true }} scroll={{ x: 1060 }}
        columns={[
          { title: t('admin.name'), dataIndex: 'name', width: 100 },
          { title: t('admin.phone'), dataIndex: 'phone', width: 120 },
          { title: t('admin.email'), dataIndex: 'email', width: 200, render: (v) => v ?? '—' },
          { title: t('admin.department'), dataIndex: 'department', width: 110, render: (v) => t(`enums.department.${v}`) },
          { title: t('admin.roles'), dataIndex: 'roles', render: (roles: string[]) => roles.map((r) => <Tag key={r}>{t(`roles.${r}`)}</Tag>) },
          { title: t('admin.propertiesOf'), dataIndex: 'propertyIds', render: (ids: string[]) => ids.map(propertyName).join('、') },
          { title: t('admin.account'), key: 'account', width: 220, render: (_, s) => <AccountCell personId={s.id} accounts={accounts.data} canCreate={canEdit} canManage={canEdit} onCreate={() => setAccountFor(s)} /> },
          ...(canEdit ? [{ title: '', key: 'edit', width: 48, render: (_: unknown, s: Staff) => <Button type="text" size="small" icon={<EditOutlined />} aria-label={`${t('admin.edit')} ${s.name}`} onClick={() => setEditing(s)} /> }] : []),
        ]} />
      {record.error && <Alert type="error" showIcon title={problemMessage(record.error, t)} />}
      {(editing === 'new' || (editing && record.data)) && (
        <FormModal<StaffValues> title={`${editing === 'new' ? t('admin.add') : t('admin.edit')} · ${t('admin.staff')}`} onClose={() => setEditing(null)} onSave={save} width={520}
          initialValues={editing === 'new' || !record.data
            ? { department: 'customer_service', roles: ['frontdesk'], propertyIds: [propertyId] }
            : { name: record.data.name, phone: record.data.phone, email: record.data.email ?? undefined, department: record.data.department, roles: record.data.roles, propertyIds: record.data.propertyIds }}>
          <Form.Item name="name" label={t('admin.name')} rules={required(t)}><Input maxLength={100} autoFocus /></Form.Item>
          <Form.Item name="phone" label={t('admin.phone')} rules={required(t)}><Input maxLength={30} inputMode="tel" /></Form.Item>
          <Form.Item name="email" label={t('admin.email')} rules={[{ type: 'email', message: t('admin.emailShape') }]}><Input maxLength={254} inputMode="email" /></Form.Item>
          <Form.Item name="department" label={t('admin.department')}><Select options={departments.map((d) => ({ value: d, label: t(`enums.department.${d}`) }))} /></Form.Item>
          <Form.Item name="roles" label={t('admin.roles')} rules={requiredValue(t)}><Select mode="multiple" options={staffRoles.map((r) => ({ value: r, label: t(`roles.${r}`) }))} /></Form.Item>
          <Form.Item name="propertyIds" label={t('admin.propertiesOf')} rules={requiredValue(t)}><Select mode="multiple" options={properties.map((p) => ({ value: p.id, label: p.name }))} /></Form.Item>
        </FormModal>
      )}
      {accountFor && <AccountForm person={accountFor} onClose={() => setAccountFor(null)} />}
    </>
  );
}

const tabs = ['properties', 'buildings', 'units', 'occupants', 'staff', 'import'] as const;

/** The administrator's directory: places, people, staff and their accounts, and the CSV import. */
export function AdminPage() {
  const { t } = useTranslation();
  const { has } = useSession();
  const { propertyId } = useProperty();
  const [params, setParams] = useSearchParams();
  const tab = tabs.find((k) => k === params.get('tab')) ?? 'units';
  const admin = has('admin');
  return (
    <>
      <h1 className="pp-page-title">{t('admin.title')}</h1>
      <Card size="small">
        <Tabs activeKey={tab} onChange={(k) => setParams({ tab: k })} items={tabs.filter((k) => admin || (k !== 'import' && k !== 'properties')).map((k) => ({
          key: k,
          label: t(`admin.${k}`),
          children: !propertyId ? null
            : k === 'properties' ? <PropertiesTab />
              : k === 'buildings' ? <BuildingsTab propertyId={propertyId} canEdit={admin} />
                : k === 'units' ? <UnitsTab propertyId={propertyId} canEdit={admin} />
                  : k === 'occupants' ? <OccupantsTab propertyId={propertyId} />
                    : k === 'staff' ? <StaffTab propertyId={propertyId} canEdit={admin} />
                      : <ImportTab />,
        }))} />
      </Card>
    </>
  );
}
