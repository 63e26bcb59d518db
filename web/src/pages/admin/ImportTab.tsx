import { DownloadOutlined, InboxOutlined } from '@ant-design/icons';
import { useQueryClient } from '@tanstack/react-query';
import { Alert, Button, Card, Col, Row, Select, Space, Statistic, Switch, Table, Tag, Upload } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { send } from '../../api/client';
import { problemMessage } from '../../api/problem';
import { useProperty } from '../../components/useProperty';
import { importTemplate, rowErrors, type ImportReport, type ImportRow } from './importReport';

const statusColors = { imported: 'green', already_exists: 'default', rejected: 'red' } as const;

/** CSV import of units and occupants into one property, with every row's outcome and the rejected rows' errors. */
export function ImportTab() {
  const { t, i18n } = useTranslation();
  const client = useQueryClient();
  const { propertyId, properties } = useProperty();
  const [target, setTarget] = useState<string | undefined>(propertyId);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const [report, setReport] = useState<ImportReport | null>(null);
  const [onlyRejected, setOnlyRejected] = useState(true);
  const into = target ?? propertyId;

  const upload = async (file: File) => {
    setBusy(true);
    setError(null);
    setReport(null);
    try {
      const data = new FormData();
      data.append('file', file, file.name);
      const result = await send<ImportReport>(`/api/directory/imports/units-and-occupants?propertyId=${into}`, data);
      setReport(result);
      setOnlyRejected(Number(result.rejected) > 0);
      client.invalidateQueries({ queryKey: ['admin'] });
    } catch (e) {
      setError(problemMessage(e, t));
    } finally {
      setBusy(false);
    }
  };
  const downloadTemplate = () => {
    // A BOM so that Excel opens the UTF-8 file with its Chinese intact.
    const url = URL.createObjectURL(new Blob(['\uFEFF', importTemplate], { type: 'text/csv;charset=utf-8' }));
    Object.assign(document.createElement('a'), { href: url, download: 'units-and-occupants.csv' }).click();
    URL.revokeObjectURL(url);
  };
  const column = (c: string) => t(`admin.columns.${c}`, { defaultValue: c });
  const rows = report ? report.results.filter((r) => !onlyRejected || r.status === 'rejected') : [];

  return (
    <>
      <Card size="small" title={t('admin.importTitle')}>
        <p className="pp-muted" style={{ marginTop: 0 }}>{t('admin.importHint')}</p>
        <Space wrap style={{ marginBottom: 12 }}>
          <label htmlFor="import-property">{t('admin.importInto')}</label>
          <Select id="import-property" value={into} onChange={setTarget} style={{ minWidth: 200 }}
            options={properties.map((p) => ({ value: p.id, label: p.name }))} />
          <Button icon={<DownloadOutlined />} onClick={downloadTemplate}>{t('admin.template')}</Button>
        </Space>
        <Upload.Dragger accept=".csv,text/csv" showUploadList={false} multiple={false} disabled={busy || !into} beforeUpload={(file) => { void upload(file); return false; }} data-testid="import-file">
          <p className="ant-upload-drag-icon"><InboxOutlined /></p>
          <p className="ant-upload-text">{busy ? t('admin.importing') : t('admin.chooseFile')}</p>
        </Upload.Dragger>
        {error && <Alert type="error" showIcon title={error} style={{ marginTop: 12 }} />}
      </Card>
      {report && (
        <Card size="small" style={{ marginTop: 12 }} data-testid="import-report"
          title={t('admin.importDone', { imported: report.imported, rejected: report.rejected })}>
          <Row gutter={[12, 12]}>
            <Col xs={12} sm={6}><Statistic title={t('admin.rows')} value={Number(report.rows)} /></Col>
            <Col xs={12} sm={6}><Statistic title={t('admin.imported')} value={Number(report.imported)} valueStyle={{ color: '#389e0d' }} /></Col>
            <Col xs={12} sm={6}><Statistic title={t('admin.alreadyExisting')} value={Number(report.alreadyExisting)} /></Col>
            <Col xs={12} sm={6}><Statistic title={t('admin.rejected')} value={Number(report.rejected)} valueStyle={{ color: Number(report.rejected) ? '#cf1322' : undefined }} /></Col>
          </Row>
          {report.ignoredColumns.length > 0 && (
            <Alert type="info" showIcon style={{ marginTop: 12 }} title={t('admin.ignoredColumns', { columns: report.ignoredColumns.join('、') })} />
          )}
          <div style={{ margin: '12px 0 8px', display: 'flex', gap: 8, alignItems: 'center' }}>
            <Switch id="only-rejected" checked={onlyRejected} onChange={setOnlyRejected} size="small" />
            <label htmlFor="only-rejected">{t('admin.onlyRejected')}</label>
          </div>
          <Table<ImportRow> rowKey="row" size="small" dataSource={rows} pagination={{ pageSize: 50, hideOnSinglePage: true }} scroll={{ x: 600 }}
            rowClassName={(r) => (r.status === 'rejected' ? 'pp-row-rejected' : '')}
            columns={[
              { title: t('admin.row'), dataIndex: 'row', width: 64 },
              { title: t('admin.result'), dataIndex: 'status', width: 90, render: (s: ImportRow['status']) => <Tag color={statusColors[s]}>{t(`enums.importStatus.${s}`)}</Tag> },
              { title: t('admin.number'), width: 120, render: (_, r) => [r.building, r.unitNumber].filter(Boolean).join(' ') || '—' },
              {
                title: t('admin.errors'), key: 'errors',
                render: (_, r) => <ul className="pp-error-list">{rowErrors(r, column, !i18n.language.startsWith('en')).map((e) => <li key={e}>{e}</li>)}</ul>,
              },
            ]} />
        </Card>
      )}
    </>
  );
}
