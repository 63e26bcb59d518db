import { useQueries } from '@tanstack/react-query';
import { Alert, Card, Col, DatePicker, Empty, Row, Statistic } from 'antd';
import dayjs from 'dayjs';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Bar, BarChart, CartesianGrid, LabelList, Legend, Line, LineChart, ResponsiveContainer, Tooltip, XAxis, YAxis } from 'recharts';
import { getJson } from '../api/client';
import { problemMessage } from '../api/problem';
import { useProperty } from '../components/useProperty';
import { minutes, percent, trendMonths, trendRows, type Figures } from './statisticsData';

const blue = '#1677ff';
const green = '#52c41a';
const orange = '#fa8c16';

/** The month's work-order figures of the property (月报) with the half-year trend, for supervisors and managers. */
export function StatisticsPage() {
  const { t } = useTranslation();
  const { propertyId } = useProperty();
  const [month, setMonth] = useState(dayjs());
  const months = trendMonths(month);
  // The chosen month is the last of the six: one query per month, each cached on its own.
  const results = useQueries({
    queries: months.map((m) => ({
      queryKey: ['statistics', propertyId, m],
      queryFn: ({ signal }: { signal: AbortSignal }) => getJson<Figures>(`/api/workorders/statistics?propertyId=${propertyId}&month=${m}`, signal),
      enabled: !!propertyId,
      staleTime: 5 * 60_000,
    })),
  });
  const current = results[results.length - 1];
  const f = current.data;
  const loading = current.isLoading;
  const trend = trendRows(months, results.map((r) => r.data));
  const byCategory = (f?.volume.byCategory ?? [])
    .map((c) => ({ name: t(`category.${c.category}`), count: Number(c.count) }))
    .sort((a, b) => b.count - a.count);
  const times = f ? [
    { name: t('stats.response'), average: f.response.averageMinutes != null ? Number(f.response.averageMinutes) : null, p90: f.response.p90Minutes != null ? Number(f.response.p90Minutes) : null },
    { name: t('stats.resolution'), average: f.resolution.averageMinutes != null ? Number(f.resolution.averageMinutes) : null, p90: f.resolution.p90Minutes != null ? Number(f.resolution.p90Minutes) : null },
  ] : [];
  const rate = (value: number | string | null | undefined) => percent(value) ?? '—';
  const pctSuffix = (value: number | string | null | undefined) => (percent(value) === null ? '' : '%');

  return (
    <>
      <h1 className="pp-page-title">
        {t('stats.title')}
        <DatePicker picker="month" value={month} onChange={(m) => m && setMonth(m)} allowClear={false} aria-label={t('stats.month')}
          disabledDate={(d) => d.isAfter(dayjs(), 'month')} />
      </h1>
      {current.error && <Alert type="error" showIcon title={problemMessage(current.error, t)} style={{ marginBottom: 12 }} />}
      <Row gutter={[12, 12]}>
        {[
          { title: t('stats.submitted'), value: f ? Number(f.volume.submitted) : undefined, suffix: f ? `${t('stats.cancelled')} ${f.volume.cancelled}` : '' },
          { title: t('stats.responseOnTime'), value: f ? rate(f.response.onTimeRate) : undefined, suffix: f ? `${pctSuffix(f.response.onTimeRate)} · ${f.response.onTime}/${f.response.count}` : '' },
          { title: t('stats.resolutionOnTime'), value: f ? rate(f.resolution.onTimeRate) : undefined, suffix: f ? `${pctSuffix(f.resolution.onTimeRate)} · ${f.resolution.onTime}/${f.resolution.count}` : '' },
          { title: t('stats.followUpRate'), value: f ? rate(f.followUp.rate) : undefined, suffix: f ? `${pctSuffix(f.followUp.rate)} · ${f.followUp.followedUp}/${f.followUp.completed}` : '' },
          { title: t('stats.satisfaction'), value: f?.followUp.averageSatisfaction != null ? Number(f.followUp.averageSatisfaction).toFixed(2) : '—', suffix: f ? `/ 5 · ${t('stats.rated', { count: Number(f.followUp.rated) })}` : '' },
          { title: t('stats.reopenRate'), value: f ? rate(f.reopen.rate) : undefined, suffix: f ? `${pctSuffix(f.reopen.rate)} · ${f.reopen.reopened}/${f.reopen.submitted}` : '' },
        ].map((s) => (
          <Col key={s.title} xs={12} md={8} xl={4}>
            <Card size="small" loading={loading} style={{ height: '100%' }}>
              <Statistic title={s.title} value={s.value} suffix={<span className="pp-muted">{s.suffix}</span>} />
            </Card>
          </Col>
        ))}
        <Col xs={24} lg={12}>
          <Card size="small" title={t('stats.byCategory')} loading={loading}>
            {byCategory.every((c) => c.count === 0) ? <Empty description={t('stats.none')} /> : (
              <figure className="pp-chart" aria-label={`${t('stats.byCategory')}: ${byCategory.map((c) => `${c.name} ${c.count}`).join('，')}`}>
                <ResponsiveContainer width="100%" height={Math.max(200, byCategory.length * 34)}>
                  <BarChart data={byCategory} layout="vertical" margin={{ left: 8, right: 32 }}>
                    <CartesianGrid horizontal={false} strokeDasharray="3 3" />
                    <XAxis type="number" allowDecimals={false} />
                    <YAxis type="category" dataKey="name" width={80} />
                    <Tooltip />
                    <Bar dataKey="count" name={t('stats.orders')} fill={blue} radius={[0, 4, 4, 0]} barSize={18}>
                      <LabelList dataKey="count" position="right" />
                    </Bar>
                  </BarChart>
                </ResponsiveContainer>
              </figure>
            )}
          </Card>
        </Col>
        <Col xs={24} lg={12}>
          <Card size="small" title={t('stats.times')} loading={loading}>
            <Row gutter={12}>
              <Col span={12}><Statistic title={t('stats.responseAverage')} value={minutes(f?.response.averageMinutes)} /></Col>
              <Col span={12}><Statistic title={t('stats.responseP90')} value={minutes(f?.response.p90Minutes)} /></Col>
              <Col span={12}><Statistic title={t('stats.resolutionAverage')} value={minutes(f?.resolution.averageMinutes)} /></Col>
              <Col span={12}><Statistic title={t('stats.resolutionP90')} value={minutes(f?.resolution.p90Minutes)} /></Col>
            </Row>
            {times.some((x) => x.average !== null) && (
              <figure className="pp-chart" aria-label={t('stats.times')}>
                <ResponsiveContainer width="100%" height={150}>
                  <BarChart data={times} layout="vertical" margin={{ left: 8, right: 48, top: 8 }}>
                    <XAxis type="number" hide />
                    <YAxis type="category" dataKey="name" width={64} />
                    <Tooltip formatter={(v) => minutes(v as number)} />
                    <Legend />
                    <Bar dataKey="average" name={t('stats.average')} fill={blue} barSize={12}><LabelList dataKey="average" position="right" formatter={(v) => minutes(v as number)} /></Bar>
                    <Bar dataKey="p90" name="P90" fill={orange} barSize={12}><LabelList dataKey="p90" position="right" formatter={(v) => minutes(v as number)} /></Bar>
                  </BarChart>
                </ResponsiveContainer>
              </figure>
            )}
          </Card>
        </Col>
        <Col xs={24} lg={12}>
          <Card size="small" title={t('stats.trendVolume')}>
            <figure className="pp-chart" aria-label={`${t('stats.trendVolume')}: ${trend.map((r) => `${r.month} ${r.submitted}`).join('，')}`}>
              <ResponsiveContainer width="100%" height={220}>
                <BarChart data={trend} margin={{ top: 16, right: 8 }}>
                  <CartesianGrid vertical={false} strokeDasharray="3 3" />
                  <XAxis dataKey="month" />
                  <YAxis allowDecimals={false} width={36} />
                  <Tooltip />
                  <Bar dataKey="submitted" name={t('stats.submitted')} fill={blue} radius={[4, 4, 0, 0]} barSize={24}>
                    <LabelList dataKey="submitted" position="top" />
                  </Bar>
                </BarChart>
              </ResponsiveContainer>
            </figure>
          </Card>
        </Col>
        <Col xs={24} lg={12}>
          <Card size="small" title={t('stats.trendRates')}>
            <figure className="pp-chart" aria-label={t('stats.trendRates')}>
              <ResponsiveContainer width="100%" height={220}>
                <LineChart data={trend} margin={{ top: 16, right: 16 }}>
                  <CartesianGrid vertical={false} strokeDasharray="3 3" />
                  <XAxis dataKey="month" />
                  <YAxis domain={[0, 100]} unit="%" width={44} />
                  <Tooltip formatter={(v) => (v === null || v === undefined ? '—' : `${v}%`)} />
                  <Legend />
                  <Line type="monotone" dataKey="responseOnTime" name={t('stats.responseOnTime')} stroke={blue} strokeWidth={2} connectNulls />
                  <Line type="monotone" dataKey="resolutionOnTime" name={t('stats.resolutionOnTime')} stroke={green} strokeWidth={2} connectNulls />
                </LineChart>
              </ResponsiveContainer>
            </figure>
          </Card>
        </Col>
      </Row>
    </>
  );
}
