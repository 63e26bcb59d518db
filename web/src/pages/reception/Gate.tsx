import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { Alert, App, Button, Card, Input, Space, Tag } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ApiError, getJson, send } from '../../api/client';
import { problemMessage } from '../../api/problem';
import { formatTime } from '../../components/format';
import { useProperty } from '../../components/useProperty';
import { base, today, type ExitPass, type ExitPassPage, type Visit } from './api';
import './texts';
import './deskTexts';

/** The guard's gate view, made for a phone: check a visitor in by pass code; check today's exit passes and release or refuse. */
export function GatePage() {
  const { t } = useTranslation();
  const { propertyId } = useProperty();
  return (
    <div style={{ maxWidth: 560, display: 'grid', gap: 12 }}>
      <h1 className="pp-page-title">{t('gate.title')}</h1>
      {propertyId && <GateCheckIn propertyId={propertyId} />}
      {propertyId && <GateExitPasses propertyId={propertyId} />}
    </div>
  );
}

function GateCheckIn({ propertyId }: { propertyId: string }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const client = useQueryClient();
  const [code, setCode] = useState('');
  const [found, setFound] = useState<Visit | null>(null);
  const lookUp = useMutation({
    mutationFn: (value: string) => getJson<Visit>(`${base}/visits/by-pass-code/${encodeURIComponent(value)}?propertyId=${propertyId}`),
    onSuccess: setFound,
    onError: (e) => {
      setFound(null);
      message.error(e instanceof ApiError && e.status === 404 ? t('gate.notFound') : problemMessage(e, t));
    },
  });
  const checkIn = useMutation({
    mutationFn: (visit: Visit) => send<Visit>(`${base}/visits/${visit.id}/check-in`),
    onSuccess: (visit) => {
      message.success(t('gate.checkedIn', { name: visit.visitorName }));
      setFound(visit);
      setCode('');
      client.invalidateQueries({ queryKey: ['reception', 'visits'] });
    },
    onError: (e) => message.error(problemMessage(e, t)),
  });
  return (
    <Card size="small" title={t('gate.passCode')}>
      <Space.Compact style={{ width: '100%' }}>
        <Input size="large" inputMode="numeric" maxLength={8} value={code} placeholder={t('gate.placeholder')} aria-label={t('gate.passCode')}
          onChange={(e) => setCode(e.target.value.replace(/\D/g, ''))} onPressEnter={() => code.length === 8 && lookUp.mutate(code)} />
        <Button size="large" type="primary" disabled={code.length !== 8} loading={lookUp.isPending} onClick={() => lookUp.mutate(code)}>{t('gate.find')}</Button>
      </Space.Compact>
      {found && (
        <Card size="small" style={{ marginTop: 12 }} data-testid="gate-visit">
          <div style={{ display: 'grid', gap: 6 }}>
            <div style={{ fontSize: 18 }}><strong>{found.visitorName}</strong> <Tag>{t(`reception.visitors.status.${found.status}`, { defaultValue: found.status })}</Tag></div>
            <div>{found.buildingName} {found.unitNumber} · {t('gate.party', { count: found.partySize })} · {found.purpose}</div>
            <div className="pp-muted">{t(`reception.idType.${found.idType}`)} {found.idNumberMasked}</div>
            <div className="pp-muted">{formatTime(found.expectedFrom)} – {formatTime(found.expectedUntil)}</div>
            {found.status === 'awaiting_host' && <Alert type="warning" showIcon title={t('gate.waitHost')} />}
            {found.status === 'expected' && (
              <Button size="large" type="primary" block loading={checkIn.isPending} onClick={() => checkIn.mutate(found)}>{t('gate.checkIn')}</Button>
            )}
          </div>
        </Card>
      )}
    </Card>
  );
}

function GateExitPasses({ propertyId }: { propertyId: string }) {
  const { t } = useTranslation();
  const { message, modal } = App.useApp();
  const client = useQueryClient();
  const day = today();
  const passes = useQuery({
    queryKey: ['reception', 'exit-passes', 'gate', propertyId, day],
    queryFn: ({ signal }) => getJson<ExitPassPage>(`${base}/exit-passes?propertyId=${propertyId}&date=${day}&status=verified&pageSize=50`, signal),
    refetchInterval: 30_000,
  });
  const act = useMutation({
    mutationFn: ({ pass, action, reason }: { pass: ExitPass; action: 'release' | 'refuse'; reason?: string }) =>
      send<ExitPass>(`${base}/exit-passes/${pass.id}/${action}`, action === 'release'
        ? { items: pass.items.map((i) => ({ sequence: i.sequence, quantity: i.quantity })), note: null }
        : { reason }),
    onSuccess: (_, { action }) => {
      message.success(t(action === 'release' ? 'gate.released' : 'gate.refused'));
      client.invalidateQueries({ queryKey: ['reception', 'exit-passes'] });
    },
    onError: (e) => message.error(problemMessage(e, t)),
  });
  const refuse = (pass: ExitPass) => {
    let reason = '';
    modal.confirm({
      title: t('gate.refuse'),
      content: <Input.TextArea aria-label={t('gate.reason')} placeholder={t('gate.reason')} maxLength={500} onChange={(e) => { reason = e.target.value; }} />,
      okText: t('reception.common.ok'), cancelText: t('reception.common.cancel'),
      onOk: () => act.mutateAsync({ pass, action: 'refuse', reason }),
    });
  };
  const rows = passes.data?.items ?? [];
  return (
    <Card size="small" title={`${t('gate.exitPasses')} (${rows.length})`}>
      {passes.error && <Alert type="error" showIcon title={problemMessage(passes.error, t)} />}
      {rows.length === 0 && !passes.isFetching && <div className="pp-muted">{t('gate.noPasses')}</div>}
      <div style={{ display: 'grid', gap: 8 }}>
        {rows.map((p) => (
          <Card key={p.id} size="small" data-testid="gate-exit-pass">
            <div style={{ display: 'grid', gap: 4 }}>
              <div><strong>{p.buildingName} {p.unitNumber}</strong> · {p.carrierName}</div>
              <ul style={{ margin: 0, paddingInlineStart: 20 }}>
                {p.items.map((i) => <li key={i.sequence}>{i.name} × {i.quantity}</li>)}
              </ul>
              <div className="pp-muted">{t('desk.pass.signer')}: {p.signerName} · {p.verifiedByName}</div>
              <Space style={{ marginTop: 4 }}>
                <Button type="primary" onClick={() => act.mutate({ pass: p, action: 'release' })}>{t('gate.releaseAll')}</Button>
                <Button danger onClick={() => refuse(p)}>{t('gate.refuse')}</Button>
              </Space>
            </div>
          </Card>
        ))}
      </div>
    </Card>
  );
}
