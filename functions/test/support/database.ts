// Direct access to the offline Firestore for seeding and for asserting what was (not) written.
import { db, toStored } from '../../src/infra/firestore';
import type { DocumentReference } from 'firebase-admin/firestore';

/** Every document in the database, by path, with its update time: a denial must not change it. */
export async function dumpDatabase(): Promise<Map<string, string>> {
  const out = new Map<string, string>();
  async function walk(collections: Awaited<ReturnType<DocumentReference['listCollections']>>) {
    for (const collection of collections) {
      const documents = await collection.listDocuments();
      for (const ref of documents) {
        const snapshot = await ref.get();
        if (snapshot.exists) out.set(ref.path, `${snapshot.updateTime?.toMillis()}:${JSON.stringify(snapshot.data())}`);
        await walk(await ref.listCollections());
      }
    }
  }
  await walk(await db().listCollections());
  return out;
}

export async function setDoc(path: string, data: Record<string, unknown>): Promise<void> {
  await db()
    .doc(path)
    .set(toStored(data) as Record<string, unknown>);
}
