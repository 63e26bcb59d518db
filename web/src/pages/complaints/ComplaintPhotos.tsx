import { CameraOutlined } from '@ant-design/icons';
import { useQuery } from '@tanstack/react-query';
import { App, Button, Card, Upload } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { getJson } from '../../api/client';
import type { Complaint, ComplaintPhoto } from '../../api/complaints';
import { problemMessage } from '../../api/problem';
import { maxPhotos, PhotoThumbnails, photoTypes, uploadPhotos } from '../../components/Photos';
import './i18n';

/** A complaint's photos as thumbnails (fetched only when it has some); `null` while it has none. */
export function ComplaintPhotoStrip({ complaint, size }: { complaint: Pick<Complaint, 'id' | 'photoCount'>; size?: number }) {
  const count = Number(complaint.photoCount);
  const photos = useQuery({
    queryKey: ['complaint-photos', complaint.id, count],
    enabled: count > 0,
    queryFn: ({ signal }) => getJson<ComplaintPhoto[]>(`/api/complaints/complaints/${complaint.id}/photos`, signal),
  });
  if (count === 0 || !photos.data) return null;
  return <div data-testid="complaint-photos"><PhotoThumbnails photos={photos.data} base="/api/complaints" size={size} /></div>;
}

/**
 * The complaint's photos on its page, and adding more while it is open (at most six in all): sent with the version read
 * (If-Match), so a complaint changed meanwhile answers 409 and the page reloads.
 */
export function ComplaintPhotosCard({ complaint, etag, onChanged }: { complaint: Complaint; etag: string | null; onChanged: () => void }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const [busy, setBusy] = useState(false);
  const count = Number(complaint.photoCount);
  const room = maxPhotos - count;

  const add = async (files: File[]) => {
    setBusy(true);
    try {
      await uploadPhotos(`/api/complaints/complaints/${complaint.id}/photos`, files.slice(0, room), etag);
      message.success(t('complaints.photos.added', { count: Math.min(files.length, room) }));
    } catch (e) {
      message.error(problemMessage(e, t), 6);
    } finally {
      setBusy(false);
      onChanged();
    }
  };

  return (
    <Card size="small" title={`${t('complaints.photos.title')} (${count})`} style={{ marginTop: 12 }}
      extra={complaint.status !== 'closed' && room > 0 && (
        <Upload accept={photoTypes} multiple showUploadList={false}
          // Every picked file passes through here; the first one sends the whole choice in one request.
          beforeUpload={(file, list) => { if (file === list[0]) void add(list); return false; }}>
          <Button size="small" icon={<CameraOutlined />} loading={busy} data-testid="complaint-add-photos">{t('complaints.photos.add')}</Button>
        </Upload>
      )}>
      {count === 0 ? <span className="pp-muted">{t('order.noPhotos')}</span> : <ComplaintPhotoStrip complaint={complaint} />}
    </Card>
  );
}
