// The narrow boundary between exportOrders and Cloud Storage: save one file, hand back a
// short-lived signed download URL. Tests replace it with a fake (deps.ts `exportStorage`): the Storage
// emulator can't run on our machines, so the real adapter below is exercised only in a deployment.
// @google-cloud/storage loads on the first large export, never at cold start.
import { dependency } from '../deps';
import { ensureAdminApp } from './firestore';

export interface SaveForDownload {
  path: string;
  content: Buffer;
  contentType: string;
  /** The file name the browser saves it under. */
  downloadName: string;
  expiresAt: number;
}

export interface ExportStorage {
  /** Writes the file and returns a V4 signed GET URL valid until `expiresAt`. */
  saveForDownload(file: SaveForDownload): Promise<string>;
}

/**
 * Cloud Storage through firebase-admin. Signing needs the runtime service account to hold
 * iam.serviceAccounts.signBlob on itself (roles/iam.serviceAccountTokenCreator; docs/sales.md).
 */
export function cloudStorageExports(bucketName: string): ExportStorage {
  return {
    async saveForDownload({ path, content, contentType, downloadName, expiresAt }) {
      ensureAdminApp();
      // eslint-disable-next-line @typescript-eslint/no-require-imports -- firebase-admin/storage loads on the first export, not at cold start
      const { getStorage } = require('firebase-admin/storage') as typeof import('firebase-admin/storage');
      const bucket = bucketName ? getStorage().bucket(bucketName) : getStorage().bucket();
      const file = bucket.file(path);
      await file.save(content, {
        resumable: false,
        contentType,
        metadata: { contentDisposition: `attachment; filename*=UTF-8''${encodeURIComponent(downloadName)}` },
      });
      const [url] = await file.getSignedUrl({ version: 'v4', action: 'read', expires: expiresAt });
      return url;
    },
  };
}

export function exportStorage(bucketName: string): ExportStorage {
  return dependency('exportStorage') ?? cloudStorageExports(bucketName);
}
