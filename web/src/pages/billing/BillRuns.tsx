import { useQueryClient } from '@tanstack/react-query';
import { Alert, App, Button, Card, Col, DatePicker, Row, Space, Statistic, Table } from 'antd';
import dayjs from 'dayjs';
import type { TFunction } from 'i18next';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useSearchParams } from 'react-router';
import { send } from '../../api/client';
import { useSession } from '../../auth/session';
import { useProperty } from '../../components/useProperty';
import { base, formatFen, monthOf, toFen, totalsByItem, type BillRun, type BillRunLine } from './api';
import { Money, moneyColumn } from './format';
import { billingProblem } from './problems';
import './texts';

// A skipped unit's reason is the API's English sentence; the known ones are told in the user's language.
function skipReason(reason: string, t: TFunction): string {
  if (/rate/i.test(reason) && /in effect/i.test(reason)) return t('billing.run.skip.noRate');
  if (/Not held/i.test(reason)) return t('billing.run.skip.notHeld');
  if (/comes to nothing/i.test(reason)) return t('billing.run.skip.zero');
  return reason;
}

/** The finance desk's bill run: preview a month's bills, then issue them; a rerun issues nothing new. */
export function BillRunsPage() {
  const { t } = useTranslation();
  const { message, modal } = App.useApp();
  const { has } = useSession();
  const client = useQueryClient();
  const { propertyId } = useProperty();
  const [params, setParams] = useSearchParams();
  // Notices for next month go out on the 25th: next month is what the desk usually runs.
  const period = params.get('period') ?? monthOf(1);
  const [run, setRun] = useState<BillRun | null>(null);
  const [busy, setBusy] = useState<'preview' | 'commit' | null>(null);
  const [error, setError] = useState<string | null>(null);
  const mayCommit = has('finance', 'admin');

  const call = async (kind: 'preview' | 'commit') => {
    setBusy(kind);
    setError(null);
    try {
      const result = await send<BillRun>(kind === 'preview' ? `${base}/bill-runs/preview` : `${base}/bill-runs`, { propertyId, period });
      setRun(result);
      if (kind === 'commit') {
        message.success(Number(result.issued) > 0
          ? t('billing.run.committed', { count: Number(result.issued), total: formatFen(toFen(result.issuedTotal)) })
          : t('billing.run.nothingToIssue'));
        client.invalidateQueries({ queryKey: ['billing'] });
      }
    } catch (e) {
      setError(billingProblem(e, t));
    } finally {
      setBusy(null);
    }
  };

  const commit = () => {
    if (!run) return;
    modal.confirm({
      title: t('billing.run.commit'),
      content: t('billing.run.commitConfirm', { period: run.period, count: Number(run.issued), total: formatFen(toFen(run.issuedTotal)) }),
      okText: t('billing.run.commit'),
      cancelText: t('actions.dismiss'),
      onOk: () => call('commit'),
    });
  };

  const choosePeriod = (value: string) => {
    setRun(null);
    setParams(value ? { period: value } : {});
  };

  const items = run ? totalsByItem(run.lines) : [];
  const shown = run && run.period === period ? run : null;

  return (
    <>
      <h1 className="pp-page-title">{t('billing.run.title')}</h1>
      <Card size="small" style={{ marginBottom: 12 }}>
        <Space wrap>
          <DatePicker
            picker="month" allowClear={false} value={dayjs(`${period}-01`)} format="YYYY-MM" aria-label={t('billing.run.period')}
            onChange={(d) => d && choosePeriod(d.format('YYYY-MM'))} style={{ width: 130 }} data-testid="run-period"
          />
          <Button onClick={() => call('preview')} loading={busy === 'preview'} disabled={!propertyId} type={shown && !shown.committed ? 'default' : 'primary'}>
            {t('billing.run.preview')}
          </Button>
          {mayCommit && (
            <Button type="primary" onClick={commit} loading={busy === 'commit'} disabled={!shown || shown.committed || Number(shown.issued) === 0}>
              {t('billing.run.commit')}
            </Button>
          )}
          <span className="pp-muted">{mayCommit ? t('billing.run.hint') : t('billing.run.previewOnly')}</span>
        </Space>
      </Card>
      {error && <Alert type="error" showIcon title={error} style={{ marginBottom: 12 }} />}
      {shown && (
        <>
          {shown.committed && (
            <Alert
              type="success" showIcon style={{ marginBottom: 12 }}
              title={Number(shown.issued) > 0
                ? t('billing.run.committed', { count: Number(shown.issued), total: formatFen(toFen(shown.issuedTotal)) })
                : t('billing.run.nothingToIssue')}
            />
          )}
          <Row gutter={[12, 12]} style={{ marginBottom: 12 }}>
            {[
              { title: shown.committed ? t('billing.run.issued') : t('billing.run.toIssue'), value: Number(shown.issued) },
              { title: t('billing.columns.total'), value: formatFen(toFen(shown.issuedTotal)) },
              { title: t('billing.run.alreadyBilled'), value: Number(shown.alreadyBilled) },
              { title: t('billing.run.dueDate'), value: shown.dueDate },
            ].map((s) => (
              <Col xs={12} md={6} key={s.title}>
                <Card size="small"><Statistic title={s.title} value={s.value} styles={{ content: { fontVariantNumeric: 'tabular-nums' } }} /></Card>
              </Col>
            ))}
          </Row>
          <Row gutter={[12, 12]} style={{ marginBottom: 12 }}>
            <Col xs={24} lg={12}>
              <Card size="small" title={t('billing.run.byBuilding')} styles={{ body: { padding: 0 } }}>
                <Table
                  rowKey="buildingName" size="small" pagination={false} dataSource={shown.buildings} data-testid="run-buildings"
                  columns={[
                    { title: t('billing.columns.building'), dataIndex: 'buildingName' },
                    { title: t('billing.columns.lines'), dataIndex: 'lines', align: 'right', width: 80 },
                    { title: t('billing.columns.total'), dataIndex: 'total', ...moneyColumn, render: (v) => <Money value={v} /> },
                  ]}
                />
              </Card>
            </Col>
            <Col xs={24} lg={12}>
              <Card size="small" title={t('billing.run.byItem')} styles={{ body: { padding: 0 } }}>
                <Table
                  rowKey="item" size="small" pagination={false} dataSource={items} data-testid="run-items"
                  columns={[
                    { title: t('billing.columns.item'), dataIndex: 'item', render: (v) => t(`billing.item.${v}`) },
                    { title: t('billing.columns.lines'), dataIndex: 'lines', align: 'right', width: 80 },
                    { title: t('billing.columns.total'), dataIndex: 'fen', ...moneyColumn, render: (v: number) => <span className="pp-money">{formatFen(v)}</span> },
                  ]}
                />
              </Card>
            </Col>
          </Row>
          {shown.skipped.length > 0 && (
            <Card size="small" title={`${t('billing.run.skipped')} (${shown.skipped.length})`} style={{ marginBottom: 12 }} styles={{ body: { padding: 0 } }}>
              <Table
                rowKey="unitId" size="small" dataSource={shown.skipped} pagination={{ pageSize: 10, hideOnSinglePage: true }} scroll={{ x: 480 }}
                columns={[
                  { title: t('billing.columns.building'), dataIndex: 'buildingName', width: 100 },
                  { title: t('billing.columns.unit'), dataIndex: 'unitNumber', width: 100 },
                  { title: t('billing.columns.reason'), dataIndex: 'reason', render: (v: string) => skipReason(v, t) },
                ]}
              />
            </Card>
          )}
          <Card size="small" title={t('billing.run.lines')} styles={{ body: { padding: 0 } }}>
            <Table<BillRunLine>
              rowKey={(l) => `${l.unitId}:${l.item}`} size="small" dataSource={shown.lines} scroll={{ x: 760 }}
              pagination={{ pageSize: 20, showSizeChanger: true, pageSizeOptions: [20, 50, 100] }}
              rowClassName={(l) => (l.alreadyBilled ? 'pp-muted-row' : '')}
              columns={[
                { title: t('billing.columns.building'), dataIndex: 'buildingName', width: 90 },
                { title: t('billing.columns.unit'), dataIndex: 'unitNumber', width: 90 },
                { title: t('billing.columns.type'), dataIndex: 'unitType', width: 80, render: (v) => (v ? t(`billing.unitType.${v}`) : '—') },
                { title: t('billing.columns.area'), dataIndex: 'chargeableArea', align: 'right', width: 110 },
                { title: t('billing.columns.item'), dataIndex: 'item', width: 110, render: (v) => t(`billing.item.${v}`) },
                { title: t('billing.columns.description'), dataIndex: 'description', ellipsis: true },
                { title: t('billing.columns.amount'), dataIndex: 'amount', width: 120, ...moneyColumn, render: (v) => <Money value={v} /> },
                {
                  title: t('billing.columns.status'), key: 'billed', width: 110,
                  render: (_, l) => (l.alreadyBilled ? <span className="pp-muted">{t('billing.run.alreadyBilled')}</span> : t(shown.committed ? 'billing.run.issued' : 'billing.run.toIssue')),
                },
              ]}
            />
          </Card>
        </>
      )}
    </>
  );
}
