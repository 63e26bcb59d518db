import { Alert, Button, Form, Modal, type FormInstance } from 'antd';
import { useState, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { ApiError } from '../../api/client';
import { problemMessage } from '../../api/problem';
import i18n from '../../i18n';

/**
 * A dialog with one form that saves through the API: the problem's message above the button and, for a 400, each
 * named field marked (with the service's sentence in English, a plain "check this" in Chinese).
 */
export function FormModal<T extends object>({ title, initialValues, onSave, onClose, children, width = 480 }: {
  title: string;
  initialValues?: Partial<T>;
  onSave: (values: T) => Promise<unknown>;
  onClose: () => void;
  children: ReactNode | ((form: FormInstance<T>) => ReactNode);
  width?: number;
}) {
  const { t } = useTranslation();
  const [form] = Form.useForm<T>();
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const save = async (values: T) => {
    setBusy(true);
    setError(null);
    try {
      await onSave(values);
      onClose();
    } catch (e) {
      setError(problemMessage(e, t));
      const errors = e instanceof ApiError && e.status === 400 ? e.problem?.errors ?? {} : {};
      const english = i18n.language.startsWith('en');
      const known = new Set(Object.keys(form.getFieldsValue() ?? {}));
      form.setFields(Object.entries(errors)
        .map(([key, messages]) => ({ name: key.charAt(0).toLowerCase() + key.slice(1).split(/[.[]/)[0], messages }))
        .filter((f) => known.has(f.name))
        .map((f) => ({ name: f.name as never, errors: english ? f.messages : [t('errors.checkField')] })));
    } finally {
      setBusy(false);
    }
  };
  return (
    <Modal open title={title} onCancel={onClose} footer={null} destroyOnHidden width={width}>
      <Form<T> form={form} layout="vertical" requiredMark={false} onFinish={save} initialValues={initialValues}>
        {typeof children === 'function' ? children(form) : children}
        {error && <Alert type="error" showIcon title={error} style={{ marginBottom: 12 }} />}
        <Button type="primary" htmlType="submit" block loading={busy}>{t('common.save')}</Button>
      </Form>
    </Modal>
  );
}
