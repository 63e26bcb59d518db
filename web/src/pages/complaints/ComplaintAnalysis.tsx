import { DownloadOutlined } from '@ant-design/icons';
import { useQuery } from '@tanstack/react-query';
import { Alert, App, Button, Card, Col, DatePicker, Row, Statistic } from 'antd';
import dayjs from 'dayjs';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Bar, BarChart, CartesianGrid, Cell, Pie, PieChart, ResponsiveContainer, Tooltip, XAxis, YAxis } from 'recharts';
import { call, getJson } from '../../api/client';
import type { ComplaintStatistics } from '../../api/complaints';
import { problemMessage } from '../../api/problem';
import { useProperty } from '../../components/useProperty';
import { chartRows, followUpRateMet, percent, validRateMet } from './analysis';
import './i18n';

const tierColors: Record<string, string> = { general: '#91caff', important: '#fa8c16', hot: '#faad14', collective: '#f5222d' };

function Bars({ rows, height = 240 }: { rows: { label: string; count: number }[]; height?: number }) {
  return (
    <ResponsiveContainer width="100%" height={height}>
      <BarChart data={rows} margin={{ top: 8, right: 8, bottom: 8, left: -16 }}>
        <CartesianGrid strokeDasharray="3 3" vertical={false} />
        <XAxis dataKey="label" interval={0} tick={{ fontSize: 12 }} />
        <YAxis allowDecimals={false} tick={{ fontSize: 12 }} />
        <Tooltip />
        <Bar dataKey="count" fill="#1677ff" radius={[4, 4, 0, 0]} maxBarSize={48} isAnimationActive={false} />
      </BarChart>
    </ResponsiveContainer>
  );
}

/** The month's complaint analysis of the property (客户投诉处理和分析) with its CSV export, for supervisors and managers. */
export function ComplaintAnalysisPage() {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const { propertyId } = useProperty();
  const [month, setMonth] = useState(dayjs());
  const key = month.format('YYYY-MM');
  const path = `/api/complaints/statistics?propertyId=${propertyId}&month=${key}`;
  const stats = useQuery({
    queryKey: ['complaint-statistics', propertyId, key],
    queryFn: ({ signal }) => getJson<ComplaintStatistics>(path, signal),
    enabled: !!propertyId,
  });
  const f = stats.data?.figures;
  const v = stats.data?.followUps;
  const a = (k: string, options?: Record<string, unknown>) => t(`analysis.${k}`, options);

  // The export needs the access token, so it is fetched and handed to the browser as a file.
  const exportCsv = async () => {
    try {
      const response = await call(`/api/complaints/statistics/export.csv?propertyId=${propertyId}&month=${key}`);
      const url = URL.createObjectURL(await response.blob());
      const link = Object.assign(document.createElement('a'), { href: url, download: `complaints-${key}.csv` });
      link.click();
      URL.revokeObjectURL(url);
    } catch (e) {
      message.error(problemMessage(e, t));
    }
  };

  const rate = (value: number | string | null | undefined) => (percent(value) ?? '—');
  const suffix = (value: number | string | null | undefined) => (percent(value) === null ? '' : '%');
  const met = f ? validRateMet(f) : null;

  return (
    <>
      <h1 className="pp-page-title">
        {a('title')}
        <span>
          <DatePicker picker="month" value={month} onChange={(m) => m && setMonth(m)} allowClear={false} aria-label={a('month')} style={{ marginRight: 8 }} />
          <Button icon={<DownloadOutlined />} onClick={exportCsv} disabled={!propertyId}>{a('export')}</Button>
        </span>
      </h1>
      {stats.error && <Alert type="error" showIcon title={problemMessage(stats.error, t)} />}
      <Row gutter={[12, 12]}>
        {[
          { title: a('received'), value: f?.received },
          { title: a('answered'), value: f?.answered },
          { title: a('justifiedRate'), value: rate(f?.justifiedRate), suffix: suffix(f?.justifiedRate) },
          { title: a('onTime'), value: rate(f?.onTimeReplyRate), suffix: suffix(f?.onTimeReplyRate) },
          { title: a('reopenRate'), value: rate(f?.reopenRate), suffix: suffix(f?.reopenRate) },
          { title: a('satisfaction'), value: rate(f?.satisfactionRate), suffix: suffix(f?.satisfactionRate) },
        ].map((s) => (
          <Col key={s.title} xs={12} md={8} xl={4}>
            <Card size="small" loading={stats.isLoading}><Statistic title={s.title} value={s.value ?? '—'} suffix={s.suffix} /></Card>
          </Col>
        ))}
        <Col xs={24} md={12}>
          <Card size="small" loading={stats.isLoading}>
            <Statistic title={a('validRate')} value={f ? rate(f.validComplaintRate) : '—'} suffix={f ? suffix(f.validComplaintRate) : ''}
              valueStyle={{ color: met === false ? '#cf1322' : met ? '#389e0d' : undefined }} />
            <div className="pp-muted">{a('validTarget', { units: f?.occupiedUnits ?? 0 })}</div>
          </Card>
        </Col>
        <Col xs={24} md={12}>
          <Card size="small" loading={stats.isLoading}>
            <Statistic title={a('compensation')} value={f ? Number(f.compensationTotal).toFixed(2) : '—'} prefix="¥" />
          </Card>
        </Col>
        <Col xs={24}>
          <Card size="small" title={a('followUps')} loading={stats.isLoading} data-testid="analysis-follow-ups">
            <Row gutter={[12, 12]}>
              <Col xs={12} md={6}><Statistic title={a('visitsDone')} value={v ? `${v.visitsDone} / ${v.visitsDue}` : '—'} /></Col>
              <Col xs={12} md={6}><Statistic title={a('visits')} value={v?.visits ?? '—'} /></Col>
              <Col xs={12} md={6}><Statistic title={a('averageSatisfaction')} value={v?.averageSatisfaction == null ? '—' : Number(v.averageSatisfaction).toFixed(2)} suffix={v?.averageSatisfaction == null ? '' : '/ 5'} /></Col>
              <Col xs={12} md={6}>
                <Statistic title={a('followUpRate')} value={rate(v?.followUpCompletionRate)} suffix={suffix(v?.followUpCompletionRate)}
                  valueStyle={{ color: followUpRateMet(v) === false ? '#cf1322' : followUpRateMet(v) ? '#389e0d' : undefined }} />
                <div className="pp-muted">{a('followUpTarget', { handled: v?.feedbackItemsHandled ?? 0, raised: v?.feedbackItemsRaised ?? 0 })}</div>
              </Col>
            </Row>
          </Card>
        </Col>
        <Col xs={24} lg={8}>
          <Card size="small" title={a('byTier')} loading={stats.isLoading}>
            <ResponsiveContainer width="100%" height={240}>
              <PieChart>
                <Pie data={chartRows(f?.byTier ?? [], (r) => t(`complaints.tier.${r.tier}`), (r) => r.count, false)} dataKey="count" nameKey="label"
                  outerRadius={80} label={({ name, value }) => `${name} ${value}`} isAnimationActive={false}>
                  {(f?.byTier ?? []).filter((r) => Number(r.count) > 0).map((r) => <Cell key={r.tier} fill={tierColors[r.tier]} />)}
                </Pie>
                <Tooltip />
              </PieChart>
            </ResponsiveContainer>
          </Card>
        </Col>
        <Col xs={24} lg={16}>
          <Card size="small" title={a('byCategory')} loading={stats.isLoading}>
            <Bars rows={chartRows(f?.byCategory ?? [], (r) => t(`complaints.category.${r.category}`), (r) => r.count)} />
          </Card>
        </Col>
        <Col xs={24}>
          <Card size="small" title={a('byBuilding')} loading={stats.isLoading}>
            <Bars rows={chartRows(f?.byBuilding ?? [], (r) => r.buildingName ?? a('noBuilding'), (r) => r.count)} height={200} />
          </Card>
        </Col>
      </Row>
    </>
  );
}
