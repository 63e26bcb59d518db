import { DownloadOutlined } from '@ant-design/icons';
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { Alert, Button, Card, Col, DatePicker, Progress, Row, Space, Statistic, Table } from 'antd';
import dayjs from 'dayjs';
import { useTranslation } from 'react-i18next';
import { Link, useSearchParams } from 'react-router';
import { getJson, query } from '../../api/client';
import { useSession } from '../../auth/session';
import { useProperty } from '../../components/useProperty';
import {
  agingBuckets, arrearsCsv, base, download, formatFen, formatRate, monthOf, toFen,
  type Aging, type Arrears, type BuildingArrears, type CollectionRate,
} from './api';
import { Money, moneyColumn } from './format';
import { billingProblem } from './problems';
import './texts';

type UnitRow = BuildingArrears['units'][number];

/** Arrears (欠费) aged by building and unit, with drill-down to the unit at the cash desk, the collection rate and CSV. */
export function ArrearsPage() {
  const { t } = useTranslation();
  const { has } = useSession();
  const { propertyId } = useProperty();
  const [params, setParams] = useSearchParams();
  const asOf = params.get('asOf') ?? undefined;
  const period = params.get('period') ?? monthOf(0);
  const expanded = params.getAll('building');
  const cashier = has('finance', 'admin');

  const set = (changes: Record<string, string | string[] | null>) => {
    const next = new URLSearchParams(params);
    for (const [key, value] of Object.entries(changes)) {
      next.delete(key);
      for (const v of Array.isArray(value) ? value : value ? [value] : []) next.append(key, v);
    }
    setParams(next, { replace: true });
  };

  const arrears = useQuery({
    queryKey: ['billing', 'arrears', propertyId, asOf],
    queryFn: ({ signal }) => getJson<Arrears>(`${base}/arrears${query({ propertyId, asOf })}`, signal),
    enabled: !!propertyId,
    placeholderData: keepPreviousData,
  });
  const rate = useQuery({
    queryKey: ['billing', 'collection-rate', propertyId, period],
    queryFn: ({ signal }) => getJson<CollectionRate>(`${base}/arrears/collection-rate${query({ propertyId, period })}`, signal),
    enabled: !!propertyId,
    placeholderData: keepPreviousData,
  });

  const bucketColumns = <T extends { aging: Aging }>() => [
    ...agingBuckets.map((b) => ({
      title: t(`billing.arrears.${b}`), key: b, width: 120, ...moneyColumn,
      render: (_: unknown, r: T) => (toFen(r.aging[b]) > 0 ? <Money value={r.aging[b]} /> : <span className="pp-muted">—</span>),
    })),
    { title: t('billing.columns.total'), key: 'total', width: 130, ...moneyColumn, render: (_: unknown, r: T) => <Money value={r.aging.total} strong /> },
  ];

  const exportCsv = () => {
    if (!arrears.data) return;
    const header = [
      t('billing.columns.building'), t('billing.columns.unit'), t('billing.arrears.oldest'),
      ...agingBuckets.map((b) => t(`billing.arrears.${b}`)), t('billing.columns.total'),
    ];
    download(`arrears-${arrears.data.asOf}.csv`, arrearsCsv(arrears.data, header, t('billing.columns.total')));
  };

  const data = arrears.data;
  const units = data?.buildings.reduce((n, b) => n + b.units.length, 0) ?? 0;
  const rateValue = rate.data?.rate === null || rate.data?.rate === undefined ? null : Number(rate.data.rate);

  return (
    <>
      <h1 className="pp-page-title">
        {t('billing.arrears.title')}
        <Button icon={<DownloadOutlined />} onClick={exportCsv} disabled={!data}>{t('billing.arrears.export')}</Button>
      </h1>
      {arrears.error && <Alert type="error" showIcon title={billingProblem(arrears.error, t)} style={{ marginBottom: 12 }} />}
      <Row gutter={[12, 12]} style={{ marginBottom: 12 }}>
        <Col xs={24} lg={14}>
          <Card size="small" style={{ height: '100%' }}
            title={
              <Space wrap>
                {t('billing.arrears.asOf')}
                <DatePicker
                  size="small" allowClear={false} value={dayjs(asOf ?? data?.asOf ?? undefined)} aria-label={t('billing.arrears.asOf')}
                  onChange={(d) => set({ asOf: d ? d.format('YYYY-MM-DD') : null })}
                />
              </Space>
            }
          >
            <Row gutter={[12, 12]}>
              <Col xs={12} sm={8}>
                <Statistic title={t('billing.arrears.total')} value={formatFen(toFen(data?.total.total))} styles={{ content: { color: '#cf1322', fontVariantNumeric: 'tabular-nums' } }} />
              </Col>
              <Col xs={12} sm={8}><Statistic title={t('billing.arrears.units')} value={units} /></Col>
              {agingBuckets.map((b) => (
                <Col xs={12} sm={8} key={b}>
                  <Statistic title={t(`billing.arrears.${b}`)} value={formatFen(toFen(data?.total[b]))} styles={{ content: { fontSize: 18, fontVariantNumeric: 'tabular-nums' } }} />
                </Col>
              ))}
            </Row>
          </Card>
        </Col>
        <Col xs={24} lg={10}>
          <Card size="small" style={{ height: '100%' }}
            title={
              <Space wrap>
                {t('billing.arrears.rate')}
                <DatePicker
                  size="small" picker="month" format="YYYY-MM" allowClear={false} value={dayjs(`${period}-01`)} aria-label={t('billing.arrears.ratePeriod')}
                  onChange={(d) => d && set({ period: d.format('YYYY-MM') })}
                />
              </Space>
            }
          >
            {rate.error && <Alert type="error" showIcon title={billingProblem(rate.error, t)} />}
            {rate.data && (
              <Space align="center" size="large" wrap>
                <Progress type="dashboard" size={110} percent={rateValue === null ? 0 : Math.round(rateValue * 10000) / 100}
                  format={() => formatRate(rate.data.rate)} status={rateValue === null ? 'normal' : undefined} />
                <div>
                  <div>{t('billing.arrears.billed')}：<Money value={rate.data.billed} /></div>
                  <div>{t('billing.arrears.collected')}：<Money value={rate.data.collected} /></div>
                  <div>{t('billing.arrears.outstanding')}：<Money value={rate.data.outstanding} /></div>
                  {rateValue === null && <div className="pp-muted">{t('billing.arrears.noBills')}</div>}
                </div>
              </Space>
            )}
          </Card>
        </Col>
      </Row>
      <Card size="small" styles={{ body: { padding: 0 } }}>
        <Table<BuildingArrears>
          rowKey="buildingId" size="middle" dataSource={data?.buildings} loading={arrears.isFetching} pagination={false} scroll={{ x: 820 }}
          locale={{ emptyText: t('billing.arrears.none') }} data-testid="arrears-buildings"
          expandable={{
            expandedRowKeys: expanded, onExpandedRowsChange: (keys) => set({ building: keys.map(String) }),
            expandedRowRender: (b) => (
              <Table<UnitRow>
                rowKey="unitId" size="small" dataSource={b.units} pagination={{ pageSize: 20, hideOnSinglePage: true }}
                columns={[
                  {
                    title: t('billing.columns.unit'), dataIndex: 'unitNumber', width: 110,
                    render: (v, u) => (cashier ? <Link to={`/billing/cash-desk?unit=${u.unitId}`} title={t('billing.arrears.open')}>{v}</Link> : v),
                  },
                  { title: t('billing.arrears.oldest'), dataIndex: 'oldestDueDate', width: 110 },
                  ...bucketColumns<UnitRow>(),
                ]}
              />
            ),
          }}
          columns={[
            { title: t('billing.columns.building'), dataIndex: 'buildingName', width: 110, render: (v, b) => `${v}（${b.units.length}）` },
            { title: '', key: 'spacer', width: 110 },
            ...bucketColumns<BuildingArrears>(),
          ]}
          summary={() => data && data.buildings.length > 0 ? (
            <Table.Summary.Row>
              <Table.Summary.Cell index={0} />
              <Table.Summary.Cell index={1}><b>{t('billing.columns.total')}</b></Table.Summary.Cell>
              <Table.Summary.Cell index={2} />
              {agingBuckets.map((b, i) => (
                <Table.Summary.Cell key={b} index={3 + i} align="right"><Money value={data.total[b]} /></Table.Summary.Cell>
              ))}
              <Table.Summary.Cell index={7} align="right"><Money value={data.total.total} strong /></Table.Summary.Cell>
            </Table.Summary.Row>
          ) : null}
        />
      </Card>
    </>
  );
}
