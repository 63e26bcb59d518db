import { LockOutlined, UserOutlined } from '@ant-design/icons';
import { Alert, Button, Card, Form, Input, Segmented } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { signIn } from '../api/client';
import { tokens } from '../api/tokens';
import { problemMessage } from '../api/problem';
import { languages } from '../i18n';

export function SignInPage() {
  const { t, i18n } = useTranslation();
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const [expired] = useState(() => tokens.takeExpired());

  const submit = async (values: { userName: string; password: string }) => {
    setBusy(true);
    setError(null);
    try {
      await signIn(values.userName.trim(), values.password);
    } catch (e) {
      setError(problemMessage(e, t));
      setBusy(false);
    }
  };

  return (
    <div className="pp-signin">
      <Card className="pp-signin-card" variant="borderless" style={{ boxShadow: '0 8px 24px rgba(20,40,80,.08)' }}>
        <div style={{ display: 'flex', alignItems: 'center', gap: 10, marginBottom: 20 }}>
          <span className="pp-brand-mark" aria-hidden style={{ width: 36, height: 36, fontSize: 18 }}>服</span>
          <div>
            <h1 style={{ margin: 0, fontSize: 20 }}>{t('app.title')}</h1>
            <div className="pp-muted">{t('signIn.subtitle')}</div>
          </div>
        </div>
        <Form layout="vertical" onFinish={submit} requiredMark={false} size="large">
          <Form.Item name="userName" label={t('signIn.userName')} rules={[{ required: true, message: t('common.required') }]}>
            <Input prefix={<UserOutlined />} autoComplete="username" autoFocus />
          </Form.Item>
          <Form.Item name="password" label={t('signIn.password')} rules={[{ required: true, message: t('common.required') }]}>
            <Input.Password prefix={<LockOutlined />} autoComplete="current-password" />
          </Form.Item>
          {expired && !error && <Alert type="info" showIcon title={t('signIn.expired')} style={{ marginBottom: 16 }} />}
          {error && <Alert type="error" showIcon title={error} style={{ marginBottom: 16 }} role="alert" />}
          <Button type="primary" htmlType="submit" block loading={busy}>{t('signIn.submit')}</Button>
        </Form>
        <div style={{ marginTop: 16, textAlign: 'center' }}>
          <Segmented size="small" value={i18n.language} onChange={(v) => i18n.changeLanguage(String(v))}
            options={languages.map((l) => ({ value: l, label: t(`lang.${l}`) }))} />
        </div>
      </Card>
    </div>
  );
}
