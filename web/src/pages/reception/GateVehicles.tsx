import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { Alert, App, Button, Card, Form, Input, Select } from 'antd';
import { useTranslation } from 'react-i18next';
import { getJson, send } from '../../api/client';
import { problemMessage } from '../../api/problem';
import { formatTime } from '../../components/format';
import { base, type Vehicle, type VehiclePage } from './api';
import { useUnits } from './Visitors';
import './moreTexts';

interface VehicleForm {
  plateNumber: string;
  driverName: string;
  driverPhone?: string;
  hostUnitId?: string;
  purpose: string;
}

/** The gate's register of unfamiliar vehicles (陌生车辆登记): record one coming in, and each on site when it drives out. */
export function GateVehicles({ propertyId }: { propertyId: string }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const client = useQueryClient();
  const [form] = Form.useForm<VehicleForm>();
  const units = useUnits(propertyId);
  const onSite = useQuery({
    queryKey: ['reception', 'vehicles', propertyId],
    queryFn: ({ signal }) => getJson<VehiclePage>(`${base}/vehicles?propertyId=${propertyId}&onSite=true&pageSize=100`, signal),
    refetchInterval: 60_000,
  });
  const refresh = () => client.invalidateQueries({ queryKey: ['reception', 'vehicles'] });
  const register = useMutation({
    mutationFn: (v: VehicleForm) => send<Vehicle>(`${base}/vehicles`, {
      propertyId, plateNumber: v.plateNumber, driverName: v.driverName, driverPhone: v.driverPhone || null, hostUnitId: v.hostUnitId ?? null,
      purpose: v.purpose,
    }),
    onSuccess: (vehicle) => {
      message.success(t('vehicles.registered', { plate: vehicle.plateNumber }));
      form.resetFields();
      refresh();
    },
  });
  const leave = useMutation({
    mutationFn: (vehicle: Vehicle) => send<Vehicle>(`${base}/vehicles/${vehicle.id}/leave`),
    onSuccess: (vehicle) => {
      message.success(t('vehicles.left', { plate: vehicle.plateNumber }));
      refresh();
    },
    onError: (e) => message.error(problemMessage(e, t)),
  });
  const required = [{ required: true, message: t('reception.common.required') }];
  const rows = onSite.data?.items ?? [];
  return (
    <Card size="small" title={t('vehicles.title')}>
      {register.error && <Alert type="error" showIcon title={problemMessage(register.error, t)} style={{ marginBottom: 12 }} />}
      <Form form={form} layout="vertical" onFinish={(v) => register.mutate(v)}>
        <Form.Item name="plateNumber" label={t('vehicles.plate')} rules={required}><Input size="large" maxLength={16} /></Form.Item>
        <Form.Item name="driverName" label={t('vehicles.driver')} rules={required}><Input maxLength={100} /></Form.Item>
        <Form.Item name="driverPhone" label={t('vehicles.driverPhone')}><Input inputMode="tel" maxLength={32} /></Form.Item>
        <Form.Item name="hostUnitId" label={t('vehicles.host')}>
          <Select allowClear showSearch optionFilterProp="label" loading={units.isLoading}
            options={units.data?.map((u) => ({ value: u.id, label: `${u.buildingName} ${u.number}` }))} />
        </Form.Item>
        <Form.Item name="purpose" label={t('vehicles.purpose')} rules={required}><Input maxLength={200} /></Form.Item>
        <Button type="primary" block size="large" htmlType="submit" loading={register.isPending}>{t('vehicles.register')}</Button>
      </Form>
      <h3 style={{ marginTop: 16 }}>{t('vehicles.onSite')} ({rows.length})</h3>
      {rows.length === 0 && !onSite.isFetching && <div className="pp-muted">{t('vehicles.none')}</div>}
      <div style={{ display: 'grid', gap: 8 }}>
        {rows.map((v) => (
          <Card key={v.id} size="small" data-testid="gate-vehicle">
            <div style={{ display: 'flex', justifyContent: 'space-between', alignItems: 'center', gap: 8 }}>
              <div>
                <strong>{v.plateNumber}</strong> · {v.driverName}
                <div className="pp-muted">{v.hostUnitNumber ? `${v.hostBuildingName} ${v.hostUnitNumber} · ` : ''}{v.purpose} · {t('vehicles.enteredAt')} {formatTime(v.enteredAt)}</div>
              </div>
              <Button onClick={() => leave.mutate(v)}>{t('vehicles.leave')}</Button>
            </div>
          </Card>
        ))}
      </div>
    </Card>
  );
}
