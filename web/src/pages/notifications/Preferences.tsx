import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { Alert, App, Button, Card, Checkbox, Select, Space, Spin, Switch, Table, TimePicker, Typography } from 'antd';
import dayjs from 'dayjs';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { getJson, send } from '../../api/client';
import { problemMessage } from '../../api/problem';
import { base, categories, hhmm, toRequest, type Category, type Preferences } from './api';
import './texts';

type Channel = 'email' | 'sms';

/** My notification preferences: email and SMS per category (the inbox always), language, quiet hours. */
export function PreferencesPage() {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const client = useQueryClient();
  const current = useQuery({ queryKey: ['notifications', 'preferences'], queryFn: ({ signal }) => getJson<Preferences>(`${base}/preferences`, signal) });
  const [language, setLanguage] = useState('zh-CN');
  const [chosen, setChosen] = useState<Record<Channel, Category[]>>({ email: [], sms: [] });
  const [quiet, setQuiet] = useState(false);
  const [from, setFrom] = useState<string | null>('22:00');
  const [until, setUntil] = useState<string | null>('07:00');
  const [timeZone, setTimeZone] = useState('Asia/Shanghai');

  useEffect(() => {
    const p = current.data;
    if (!p) return;
    setLanguage(p.language);
    setChosen({ email: [...p.email], sms: [...p.sms] });
    setQuiet(!!p.quietHours);
    if (p.quietHours) {
      setFrom(hhmm(p.quietHours.from));
      setUntil(hhmm(p.quietHours.until));
    }
    setTimeZone(p.timeZone);
  }, [current.data]);

  const save = useMutation({
    mutationFn: () => send<Preferences>(`${base}/preferences`, toRequest({ language, email: chosen.email, sms: chosen.sms, quiet, from, until, timeZone }), { method: 'PUT' }),
    onSuccess: (saved) => {
      client.setQueryData(['notifications', 'preferences'], saved);
      message.success(t('notify.common.saved'));
    },
    onError: (e) => message.error(problemMessage(e, t)),
  });

  const toggle = (channel: Channel, category: Category, on: boolean) =>
    setChosen((c) => ({ ...c, [channel]: on ? [...c[channel].filter((x) => x !== category), category] : c[channel].filter((x) => x !== category) }));

  if (current.isLoading) return <Spin className="pp-page-loading" size="large" />;
  return (
    <div style={{ maxWidth: 680, margin: '0 auto' }} data-testid="notification-preferences">
      <h1 className="pp-page-title">{t('notify.preferences.title')}</h1>
      {current.error && <Alert type="error" showIcon title={problemMessage(current.error, t)} />}
      <Typography.Paragraph type="secondary">{t('notify.preferences.intro')}</Typography.Paragraph>
      <Card size="small">
        <Table<{ category: Category }>
          size="small"
          pagination={false}
          rowKey="category"
          dataSource={categories.map((category) => ({ category }))}
          columns={[
            { title: t('notify.preferences.category'), key: 'category', render: (_, r) => t(`notify.category.${r.category}`) },
            { title: t('notify.channel.inbox'), key: 'inbox', align: 'center', render: () => <Checkbox checked disabled /> },
            ...(['email', 'sms'] as Channel[]).map((channel) => ({
              title: t(`notify.channel.${channel}`), key: channel, align: 'center' as const,
              render: (_: unknown, r: { category: Category }) => (
                <Checkbox checked={chosen[channel].includes(r.category)} onChange={(e) => toggle(channel, r.category, e.target.checked)}
                  aria-label={`${t(`notify.channel.${channel}`)} ${t(`notify.category.${r.category}`)}`} data-testid={`pref-${channel}-${r.category}`} />
              ),
            })),
          ]}
        />
        <Space direction="vertical" style={{ marginTop: 16, width: '100%' }} size="middle">
          <Space wrap>
            <span>{t('notify.preferences.language')}</span>
            <Select value={language} onChange={setLanguage} style={{ width: 140 }} aria-label={t('notify.preferences.language')}
              options={[{ value: 'zh-CN', label: '简体中文' }, { value: 'en', label: 'English' }]} />
          </Space>
          <Space wrap>
            <Switch checked={quiet} onChange={setQuiet} aria-label={t('notify.preferences.quietOn')} data-testid="pref-quiet" />
            <span>{t('notify.preferences.quiet')}</span>
            <TimePicker format="HH:mm" value={from ? dayjs(`2000-01-01T${from}`) : null} disabled={!quiet} allowClear={false}
              onChange={(v) => setFrom(v ? v.format('HH:mm') : null)} aria-label={t('notify.preferences.from')} />
            <span>–</span>
            <TimePicker format="HH:mm" value={until ? dayjs(`2000-01-01T${until}`) : null} disabled={!quiet} allowClear={false}
              onChange={(v) => setUntil(v ? v.format('HH:mm') : null)} aria-label={t('notify.preferences.until')} />
            <span className="pp-muted">{t('notify.preferences.timeZone')}: {timeZone}</span>
          </Space>
          <Button type="primary" onClick={() => save.mutate()} loading={save.isPending} data-testid="pref-save">{t('notify.common.save')}</Button>
        </Space>
      </Card>
    </div>
  );
}
