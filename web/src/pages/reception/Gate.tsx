import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { Alert, App, Button, Card, Input, InputNumber, Modal, Space, Tag } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ApiError, getJson, send } from '../../api/client';
import { problemMessage } from '../../api/problem';
import { formatTime } from '../../components/format';
import { useProperty } from '../../components/useProperty';
import { ReceptionPhotoStrip } from './ReceptionPhotos';
import { base, isFullRelease, passCodeFrom, releaseLines, today, type ExitPass, type ExitPassPage, type Visit } from './api';
import { GateVehicles } from './GateVehicles';
import './texts';
import './deskTexts';
import './moreTexts';

/** The guard's gate view, made for a phone: check a visitor in by pass code; check today's exit passes and release or refuse. */
export function GatePage() {
  const { t } = useTranslation();
  const { propertyId } = useProperty();
  return (
    <div style={{ maxWidth: 560, display: 'grid', gap: 12 }}>
      <h1 className="pp-page-title">{t('gate.title')}</h1>
      {propertyId && <GateCheckIn propertyId={propertyId} />}
      {propertyId && <GateExitPasses propertyId={propertyId} />}
      {propertyId && <GateVehicles propertyId={propertyId} />}
    </div>
  );
}

function GateCheckIn({ propertyId }: { propertyId: string }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const client = useQueryClient();
  const [input, setInput] = useState('');
  const [found, setFound] = useState<Visit | null>(null);
  // A blocklisted visitor's refusal: the detail carries the reason for security, "call security" for anyone else.
  const [refusal, setRefusal] = useState<string | null>(null);
  const code = passCodeFrom(input);
  const lookUp = useMutation({
    mutationFn: (value: string) => getJson<Visit>(`${base}/visits/by-pass-code/${encodeURIComponent(value)}?propertyId=${propertyId}`),
    onSuccess: (visit) => {
      setFound(visit);
      setRefusal(null);
    },
    onError: (e) => {
      setFound(null);
      setRefusal(null);
      message.error(e instanceof ApiError && e.status === 404 ? t('gate.notFound') : problemMessage(e, t));
    },
  });
  const checkIn = useMutation({
    mutationFn: (visit: Visit) => send<Visit>(`${base}/visits/${visit.id}/check-in`),
    onSuccess: (visit) => {
      message.success(t('gate.checkedIn', { name: visit.visitorName }));
      setFound(visit);
      setInput('');
      client.invalidateQueries({ queryKey: ['reception', 'visits'] });
    },
    onError: (e) => {
      if (e instanceof ApiError && (e.problem as { blocklisted?: boolean } | null)?.blocklisted) setRefusal(e.message);
      else message.error(problemMessage(e, t));
    },
  });
  return (
    <Card size="small" title={t('gate.passCode')}>
      <Space.Compact style={{ width: '100%' }}>
        {/* A scanner types the QR payload into the field followed by Enter; a guard types the 8 digits. */}
        <Input size="large" maxLength={80} value={input} placeholder={t('gateMore.scan')} aria-label={t('gate.passCode')}
          onChange={(e) => setInput(e.target.value)} onPressEnter={() => code && lookUp.mutate(code)} />
        <Button size="large" type="primary" disabled={!code} loading={lookUp.isPending} onClick={() => code && lookUp.mutate(code)}>{t('gate.find')}</Button>
      </Space.Compact>
      {found && (
        <Card size="small" style={{ marginTop: 12 }} data-testid="gate-visit">
          <div style={{ display: 'grid', gap: 6 }}>
            <div style={{ fontSize: 18 }}><strong>{found.visitorName}</strong> <Tag>{t(`reception.visitors.status.${found.status}`, { defaultValue: found.status })}</Tag>
              {found.category !== 'ordinary' && <Tag color="purple">{t(`desk.category.${found.category}`)}</Tag>}</div>
            <div>{found.buildingName} {found.unitNumber} · {t('gate.party', { count: found.partySize })} · {found.purpose}</div>
            <div className="pp-muted">{t(`reception.idType.${found.idType}`)} {found.idNumberMasked}</div>
            {found.idNumber && <div data-testid="gate-full-id">{t('gateMore.fullId')}: <strong>{found.idNumber}</strong></div>}
            {refusal && <Alert type="error" showIcon title={t('gateMore.refusedTitle')} description={refusal} data-testid="gate-refused" />}
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
  const [partly, setPartly] = useState<ExitPass | null>(null);
  const act = useMutation({
    mutationFn: ({ pass, action, reason, quantities }: { pass: ExitPass; action: 'release' | 'refuse'; reason?: string; quantities?: Record<number, number> }) =>
      send<ExitPass>(`${base}/exit-passes/${pass.id}/${action}`, action === 'release'
        ? { items: releaseLines(pass, quantities), note: reason || null }
        : { reason }),
    onSuccess: (result, { action }) => {
      setPartly(null);
      message.success(t(action === 'refuse' ? 'gate.refused' : result.status === 'partly_released' ? 'gateMore.partlyReleased' : 'gate.released'));
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
              {/* What the tenant photographed: the guard compares it with the goods at the gate. */}
              <ReceptionPhotoStrip path={`/exit-passes/${p.id}`} count={Number(p.photoCount)} size={72} testId="gate-exit-pass-photos" />
              <Space style={{ marginTop: 4 }}>
                <Button type="primary" onClick={() => act.mutate({ pass: p, action: 'release' })}>{t('gate.releaseAll')}</Button>
                <Button onClick={() => setPartly(p)}>{t('gateMore.partly')}</Button>
                <Button danger onClick={() => refuse(p)}>{t('gate.refuse')}</Button>
              </Space>
            </div>
          </Card>
        ))}
      </div>
      {partly && (
        <PartialRelease pass={partly} busy={act.isPending} onClose={() => setPartly(null)}
          onRelease={(quantities, note) => act.mutate({ pass: partly, action: 'release', quantities, reason: note })} />
      )}
    </Card>
  );
}

/** Some goods go out, the rest stays: the quantity let out per line, and why the rest is refused. */
function PartialRelease({ pass, busy, onClose, onRelease }: {
  pass: ExitPass; busy: boolean; onClose: () => void; onRelease: (quantities: Record<number, number>, note: string) => void;
}) {
  const { t } = useTranslation();
  const [quantities, setQuantities] = useState<Record<number, number>>(() => Object.fromEntries(pass.items.map((i) => [Number(i.sequence), Number(i.quantity)])));
  const [note, setNote] = useState('');
  const lines = releaseLines(pass, quantities);
  const full = isFullRelease(pass, lines);
  return (
    <Modal open title={t('gateMore.partly')} onCancel={onClose} confirmLoading={busy} okText={t('reception.common.ok')} cancelText={t('reception.common.cancel')}
      okButtonProps={{ disabled: lines.length === 0 || (!full && !note.trim()) }} onOk={() => onRelease(quantities, note)}>
      <div style={{ display: 'grid', gap: 8 }}>
        {pass.items.map((i) => (
          <Space key={i.sequence}>
            <span style={{ minWidth: 120, display: 'inline-block' }}>{i.name} × {i.quantity}</span>
            <InputNumber min={0} max={Number(i.quantity)} precision={0} value={quantities[Number(i.sequence)]} aria-label={`${t('gateMore.releaseQty')} ${i.name}`}
              onChange={(v) => setQuantities((q) => ({ ...q, [Number(i.sequence)]: v ?? 0 }))} />
          </Space>
        ))}
        <Input.TextArea rows={2} maxLength={500} value={note} onChange={(e) => setNote(e.target.value)}
          placeholder={t('gateMore.partlyNote')} aria-label={t('gateMore.partlyNote')} />
      </div>
    </Modal>
  );
}
