import { CameraOutlined } from '@ant-design/icons';
import { Image, Space, Upload, type UploadFile } from 'antd';
import { useTranslation } from 'react-i18next';
import { send } from '../api/client';
import { AuthImage } from './AuthImage';

/** What every service takes (ServiceDefaults/Photos): JPEG, PNG or WebP, at most six per upload. */
export const photoTypes = 'image/jpeg,image/png,image/webp';
export const maxPhotos = 6;

/**
 * Photos picked in a form (the camera on a phone), sent later with {@link uploadPhotos}. Use inside
 * `<Form.Item name="photos" valuePropName="fileList" getValueFromEvent={(e) => e?.fileList}>`.
 */
export function PhotoPicker({ max = maxPhotos, fileList, onChange, testId }: {
  max?: number; fileList?: UploadFile[]; onChange?: (info: { fileList: UploadFile[] }) => void; testId?: string;
}) {
  const { t } = useTranslation();
  return (
    <Upload listType="picture-card" accept={photoTypes} capture="environment" beforeUpload={() => false} maxCount={max} multiple
      fileList={fileList} onChange={onChange} data-testid={testId}>
      {(fileList?.length ?? 0) < max && <div><CameraOutlined style={{ fontSize: 20 }} /><div style={{ fontSize: 12 }}>{t('actions.choosePhoto')}</div></div>}
    </Upload>
  );
}

/** The browser files behind a picker's list. */
export function pickedFiles(list?: UploadFile[]): File[] {
  return list?.map((f) => f.originFileObj).filter((f): f is NonNullable<typeof f> => !!f) ?? [];
}

/** Posts the files as one multipart form to a photos endpoint (`…/{id}/photos`); nothing is sent for none. */
export async function uploadPhotos<T = unknown>(path: string, files: File[], ifMatch?: string | null): Promise<T | undefined> {
  if (files.length === 0) return undefined;
  const data = new FormData();
  files.forEach((f) => data.append('files', f, f.name));
  return send<T>(path, data, { ifMatch });
}

/** Thumbnails of stored photos, opening a preview; `base` is the service's gateway prefix the photo urls are relative to. */
export function PhotoThumbnails({ photos, base, size }: { photos: { id: string; url: string; fileName?: string | null }[]; base: string; size?: number }) {
  return (
    <Space wrap>
      <Image.PreviewGroup>
        {photos.map((p) => <AuthImage key={p.id} src={`${base}${p.url}`} alt={p.fileName ?? p.id} size={size} />)}
      </Image.PreviewGroup>
    </Space>
  );
}
