// The whole database in one request: a kindless all-descendants query at the root (what the Admin
// SDK's recursiveDelete uses), through the emulator's REST API. Same content as
// support/database.ts dumpDatabase (every document, its fields and update time), in one round trip
// instead of one per document and collection, so the fuzz test can compare before and after every call.
import { TEST_PROJECT } from '../support/firestoreServer';

export async function snapshotDatabase(): Promise<Map<string, string>> {
  const host = process.env.FIRESTORE_EMULATOR_HOST;
  const response = await fetch(`http://${host}/v1/projects/${TEST_PROJECT}/databases/(default)/documents:runQuery`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', Authorization: 'Bearer owner' },
    body: JSON.stringify({ structuredQuery: { from: [{ allDescendants: true }] } }),
  });
  if (!response.ok) throw new Error(`database snapshot failed: HTTP ${response.status}`);
  const rows = (await response.json()) as { document?: { name: string; fields?: unknown; updateTime: string } }[];
  const out = new Map<string, string>();
  for (const { document } of rows) {
    if (document) out.set(document.name.split('/documents/')[1]!, `${document.updateTime}:${JSON.stringify(document.fields ?? {})}`);
  }
  return out;
}
