import { DeleteOutlined, PlusOutlined } from '@ant-design/icons';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { Alert, App, Button, Card, Col, Form, Input, Radio, Result, Row, Select, Space, Switch, type UploadFile } from 'antd';
import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { getJson, send } from '../../api/client';
import {
  complaintCategories, complaintChannels, complaintTiers, type Complaint, type ComplaintCategory, type ComplaintChannel, type ComplaintTier,
  type ReceiveComplaintRequest,
} from '../../api/complaints';
import { getAll } from '../../api/pages';
import { problemMessage } from '../../api/problem';
import type { Occupancy, Unit } from '../../api/schema';
import { PhotoPicker, pickedFiles, uploadPhotos } from '../../components/Photos';
import { searchUnits, unitChoices } from '../../components/unitSearch';
import { useProperty } from '../../components/useProperty';
import { ComplaintStatusTag, placeOf, TierTag } from './format';
import './i18n';

interface OccupantRow { id: string; phone: string | null }
interface OccupantRecord { id: string; name: string; phone: string | null }

interface Values {
  unitId?: string;
  anonymous: boolean;
  complainantName?: string;
  complainantPhone?: string;
  location?: string;
  channel: ComplaintChannel;
  category: ComplaintCategory;
  tier: ComplaintTier;
  description: string;
  coComplainants?: { name?: string; phone?: string; unit?: string }[];
  photos?: UploadFile[];
}

/** The request the form's values make: empty texts left out, no unit for an anonymous complaint (it would name the complainant). */
export function intakeRequest(propertyId: string, v: Values): ReceiveComplaintRequest {
  const text = (s?: string) => s?.trim() || null;
  return {
    propertyId,
    unitId: v.anonymous ? null : v.unitId ?? null,
    anonymous: v.anonymous,
    complainantName: text(v.complainantName),
    complainantPhone: text(v.complainantPhone),
    location: text(v.location),
    channel: v.channel,
    category: v.category,
    tier: v.tier,
    description: v.description.trim(),
    coComplainants: v.tier === 'collective'
      ? (v.coComplainants ?? []).filter((c) => c.name?.trim()).map((c) => ({ name: c.name!.trim(), phone: text(c.phone), unit: text(c.unit) }))
      : null,
  };
}

// The same unit search as the repair intake: units with who holds them now.
function useUnitDirectory(propertyId: string | undefined) {
  return useQuery({
    queryKey: ['unit-directory', propertyId],
    enabled: !!propertyId,
    staleTime: 5 * 60_000,
    queryFn: async ({ signal }) => {
      const [units, occupancies, occupants] = await Promise.all([
        getAll<Unit>(`/api/directory/units?propertyId=${propertyId}`, signal),
        getAll<Occupancy>(`/api/directory/occupancies?propertyId=${propertyId}&current=true`, signal),
        getAll<OccupantRow>(`/api/directory/occupants?propertyId=${propertyId}`, signal),
      ]);
      return unitChoices(units, occupancies, new Map(occupants.map((o) => [o.id, o.phone])));
    },
  });
}

function Taken({ complaint, onAnother }: { complaint: Complaint; onAnother: () => void }) {
  const { t } = useTranslation();
  return (
    <Card>
      <Result
        status="success"
        title={t('complaints.intake.submitted', { number: complaint.number })}
        subTitle={<Space wrap><ComplaintStatusTag status={complaint.status} /><TierTag tier={complaint.tier} />{placeOf(complaint)} · {complaint.description}</Space>}
        extra={
          <Space>
            <Link to={`/complaints/${complaint.id}`}><Button type="primary" autoFocus>{t('complaints.intake.view')}</Button></Link>
            <Button onClick={onAnother}>{t('complaints.intake.another')}</Button>
          </Space>
        }
      />
    </Card>
  );
}

export function ComplaintIntakePage() {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const client = useQueryClient();
  const { propertyId } = useProperty();
  const directory = useUnitDirectory(propertyId);
  const [form] = Form.useForm<Values>();
  const [search, setSearch] = useState('');
  const [busy, setBusy] = useState(false);
  const [taken, setTaken] = useState<Complaint | null>(null);
  const anonymous = Form.useWatch('anonymous', form);
  const tier = Form.useWatch('tier', form);
  const matches = useMemo(() => searchUnits(directory.data ?? [], search), [directory.data, search]);

  const pickUnit = async (unitId?: string) => {
    const choice = directory.data?.find((c) => c.unit.id === unitId);
    const holder = choice?.holders.find((h) => h.kind === 'person') ?? choice?.holders[0];
    if (!holder) return;
    // The list masks phones; the occupant's record has the number to call back.
    try {
      const record = await getJson<OccupantRecord>(`/api/directory/occupants/${holder.occupantId}`);
      form.setFieldsValue({ complainantName: record.name, complainantPhone: record.phone ?? undefined });
    } catch {
      form.setFieldsValue({ complainantName: holder.name });
    }
  };

  const submit = async (values: Values) => {
    if (!propertyId) return;
    setBusy(true);
    try {
      const complaint = await send<Complaint>('/api/complaints/complaints', intakeRequest(propertyId, values));
      client.invalidateQueries({ queryKey: ['complaints'] });
      setTaken(complaint);
      // The complaint is taken either way; a refused photo is said, and can be added again on the complaint's page.
      try {
        await uploadPhotos(`/api/complaints/complaints/${complaint.id}/photos`, pickedFiles(values.photos));
      } catch (e) {
        message.warning(`${t('complaints.photos.failed')}：${problemMessage(e, t)}`, 8);
      }
    } catch (e) {
      message.error(problemMessage(e, t), 6);
    } finally {
      setBusy(false);
    }
  };

  if (taken) return <Taken complaint={taken} onAnother={() => { setTaken(null); form.resetFields(); setSearch(''); }} />;

  return (
    <>
      <h1 className="pp-page-title">{t('complaints.intake.title')}</h1>
      <Card>
        <Form<Values>
          form={form} layout="vertical" onFinish={submit} requiredMark={false}
          initialValues={{ channel: 'phone', category: 'noise', tier: 'general', anonymous: false, coComplainants: [{}] }}
          onKeyDown={(e) => { if (e.key === 'Enter' && (e.ctrlKey || e.metaKey)) { e.preventDefault(); form.submit(); } }}
        >
          <Row gutter={16}>
            <Col xs={24} md={14}>
              <Form.Item name="unitId" label={t('complaints.intake.find')}>
                <Select
                  autoFocus allowClear showSearch filterOption={false} onSearch={setSearch} onChange={pickUnit} loading={directory.isLoading}
                  disabled={anonymous} placeholder={anonymous ? t('complaints.intake.noUnit') : t('complaints.intake.findPlaceholder')}
                  notFoundContent={t('intake.noMatch')} data-testid="complaint-unit-search"
                  options={matches.map(({ unit, holders }) => ({
                    value: unit.id,
                    label: (
                      <span>
                        <b>{unit.buildingName} {unit.number}</b>
                        <span className="pp-muted"> {holders.map((h) => `${h.name}${h.phone ? ` ${h.phone}` : ''}`).join('；')}</span>
                      </span>
                    ),
                  }))}
                />
              </Form.Item>
            </Col>
            <Col xs={24} md={10}>
              <Form.Item name="channel" label={t('order.channel')}>
                <Radio.Group optionType="button" options={complaintChannels.map((c) => ({ value: c, label: t(`complaints.channel.${c}`) }))} />
              </Form.Item>
            </Col>
          </Row>
          <Row gutter={16} align="middle">
            <Col xs={24} md={6}>
              <Form.Item name="anonymous" label={t('complaints.intake.anonymous')} valuePropName="checked" tooltip={t('complaints.intake.anonymousHint')}>
                <Switch onChange={(on) => on && form.setFieldsValue({ unitId: undefined })} aria-label={t('complaints.intake.anonymous')} />
              </Form.Item>
            </Col>
            <Col xs={24} md={9}>
              <Form.Item name="complainantName" label={t('complaints.intake.complainantName')}><Input maxLength={100} /></Form.Item>
            </Col>
            <Col xs={24} md={9}>
              <Form.Item name="complainantPhone" label={t('complaints.intake.complainantPhone')}><Input maxLength={32} inputMode="tel" /></Form.Item>
            </Col>
          </Row>
          <Form.Item name="category" label={t('order.category')} rules={[{ required: true }]}>
            <Radio.Group optionType="button" options={complaintCategories.map((c) => ({ value: c, label: t(`complaints.category.${c}`) }))} />
          </Form.Item>
          <Form.Item name="tier" label={t('complaints.filters.tier')} extra={t('complaints.intake.tierHint')}>
            <Radio.Group optionType="button" options={complaintTiers.map((c) => ({ value: c, label: t(`complaints.tier.${c}`) }))} />
          </Form.Item>
          {tier === 'collective' && (
            <Form.Item label={t('complaints.intake.coComplainants')} required>
              <Form.List name="coComplainants" rules={[{
                validator: async (_, rows?: Values['coComplainants']) => {
                  if (!rows?.some((r) => r?.name?.trim())) throw new Error(t('complaints.intake.needCo'));
                },
              }]}>
                {(fields, { add, remove }, { errors }) => (
                  <>
                    {fields.map((field) => (
                      <Space key={field.key} align="baseline" wrap>
                        <Form.Item name={[field.name, 'name']} noStyle><Input placeholder={t('complaints.intake.coName')} maxLength={100} style={{ width: 140 }} /></Form.Item>
                        <Form.Item name={[field.name, 'phone']} noStyle><Input placeholder={t('complaints.intake.coPhone')} maxLength={32} style={{ width: 150 }} /></Form.Item>
                        <Form.Item name={[field.name, 'unit']} noStyle><Input placeholder={t('complaints.intake.coUnit')} maxLength={100} style={{ width: 130 }} /></Form.Item>
                        <Button type="text" icon={<DeleteOutlined />} onClick={() => remove(field.name)} aria-label="remove" />
                      </Space>
                    ))}
                    <div style={{ marginTop: 8 }}>
                      <Button icon={<PlusOutlined />} onClick={() => add({})}>{t('complaints.intake.addCo')}</Button>
                    </div>
                    <Form.ErrorList errors={errors} />
                  </>
                )}
              </Form.List>
            </Form.Item>
          )}
          <Form.Item name="description" label={t('complaints.detail.description')} rules={[{ required: true, whitespace: true, message: t('common.required') }, { max: 2000 }]}>
            <Input.TextArea rows={3} showCount maxLength={2000} data-testid="complaint-description" />
          </Form.Item>
          <Form.Item name="location" label={t('complaints.intake.location')}>
            <Input maxLength={200} placeholder={t('complaints.intake.locationPlaceholder')} />
          </Form.Item>
          <Form.Item name="photos" label={t('complaints.photos.title')} valuePropName="fileList" getValueFromEvent={(e) => e?.fileList}>
            <PhotoPicker testId="complaint-photo-picker" />
          </Form.Item>
          <Form.Item noStyle shouldUpdate>
            {() => {
              const v = form.getFieldsValue();
              // Mirrors the API's rule so the clerk sees it before sending: a unit, a named complainant, or anonymous.
              const missing = !v.anonymous && !v.unitId && !v.complainantName?.trim() && !v.complainantPhone?.trim();
              return missing && form.isFieldsTouched() ? <Alert type="info" showIcon title={t('complaints.intake.needWho')} style={{ marginBottom: 12 }} /> : null;
            }}
          </Form.Item>
          <Button type="primary" htmlType="submit" loading={busy} size="large">{t('complaints.intake.submit')}</Button>
        </Form>
      </Card>
    </>
  );
}
