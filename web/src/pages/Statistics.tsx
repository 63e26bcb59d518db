import { useQuery } from '@tanstack/react-query';
import { Alert, Card, Col, DatePicker, Progress, Row, Statistic } from 'antd';
import dayjs from 'dayjs';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { getJson } from '../api/client';
import { problemMessage } from '../api/problem';
import type { components } from '../api/types/workorders';
import { useProperty } from '../components/useProperty';

type Figures = components['schemas']['WorkOrderStatistics'];

const percent = (rate: number | string | null) => (rate === null ? null : Math.round(Number(rate) * 1000) / 10);
const minutes = (value: number | string | null) => (value === null ? '—' : Number(value) >= 120 ? `${(Number(value) / 60).toFixed(1)} h` : `${Number(value).toFixed(0)} min`);

/** The month's work-order figures of the property (月报), for supervisors and managers. */
export function StatisticsPage() {
  const { t } = useTranslation();
  const { propertyId } = useProperty();
  const [month, setMonth] = useState(dayjs());
  const figures = useQuery({
    queryKey: ['statistics', propertyId, month.format('YYYY-MM')],
    queryFn: ({ signal }) => getJson<Figures>(`/api/workorders/statistics?propertyId=${propertyId}&month=${month.format('YYYY-MM')}`, signal),
    enabled: !!propertyId,
  });
  const f = figures.data;
  const most = Math.max(1, ...(f?.volume.byCategory.map((c) => Number(c.count)) ?? [1]));

  return (
    <>
      <h1 className="pp-page-title">
        {t('stats.title')}
        <DatePicker picker="month" value={month} onChange={(m) => m && setMonth(m)} allowClear={false} aria-label={t('stats.month')} />
      </h1>
      {figures.error && <Alert type="error" showIcon title={problemMessage(figures.error, t)} />}
      <Row gutter={[12, 12]}>
        {[
          { title: t('stats.submitted'), value: f ? Number(f.volume.submitted) : undefined, suffix: f ? `${t('stats.cancelled')} ${f.volume.cancelled}` : '' },
          { title: t('stats.responseOnTime'), value: f ? percent(f.response.onTimeRate) ?? '—' : undefined, suffix: f?.response.onTimeRate != null ? '%' : '' },
          { title: t('stats.resolutionOnTime'), value: f ? percent(f.resolution.onTimeRate) ?? '—' : undefined, suffix: f?.resolution.onTimeRate != null ? '%' : '' },
          { title: t('stats.followUpRate'), value: f ? percent(f.followUp.rate) ?? '—' : undefined, suffix: f?.followUp.rate != null ? '%' : '' },
          { title: t('stats.satisfaction'), value: f?.followUp.averageSatisfaction != null ? Number(f.followUp.averageSatisfaction).toFixed(2) : '—', suffix: '/ 5' },
          { title: t('stats.reopenRate'), value: f ? percent(f.reopen.rate) ?? '—' : undefined, suffix: f?.reopen.rate != null ? '%' : '' },
        ].map((s) => (
          <Col key={s.title} xs={12} md={8} xl={4}>
            <Card size="small" loading={figures.isLoading}><Statistic title={s.title} value={s.value} suffix={<span className="pp-muted">{s.suffix}</span>} /></Card>
          </Col>
        ))}
        <Col xs={24} md={12}>
          <Card size="small" title={t('stats.byCategory')} loading={figures.isLoading}>
            {f?.volume.byCategory.map((c) => (
              <div key={c.category} style={{ display: 'grid', gridTemplateColumns: '88px 1fr', alignItems: 'center', gap: 8 }}>
                <span>{t(`category.${c.category}`)}</span>
                <Progress percent={(Number(c.count) / most) * 100} format={() => String(c.count)} size="small" status="normal" />
              </div>
            ))}
          </Card>
        </Col>
        <Col xs={24} md={12}>
          <Card size="small" title={t('stats.times')} loading={figures.isLoading}>
            <Row gutter={12}>
              <Col span={12}><Statistic title={t('stats.responseAverage')} value={minutes(f?.response.averageMinutes ?? null)} /></Col>
              <Col span={12}><Statistic title={t('stats.responseP90')} value={minutes(f?.response.p90Minutes ?? null)} /></Col>
              <Col span={12}><Statistic title={t('stats.resolutionAverage')} value={minutes(f?.resolution.averageMinutes ?? null)} /></Col>
              <Col span={12}><Statistic title={t('stats.resolutionP90')} value={minutes(f?.resolution.p90Minutes ?? null)} /></Col>
            </Row>
          </Card>
        </Col>
      </Row>
    </>
  );
}
