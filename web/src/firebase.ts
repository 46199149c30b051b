// Firebase for the partner center. Locally the Hosting emulator says where the other emulators
// run (/__/firebase/init.js?useEmulator=true lists their ports), so no port is written here; a
// deployed site reads its web config from Hosting's /__/firebase/init.json.
import { type FirebaseApp, type FirebaseOptions, initializeApp } from 'firebase/app';
import { type Auth, connectAuthEmulator, getAuth } from 'firebase/auth';
import { connectFirestoreEmulator, type Firestore, getFirestore } from 'firebase/firestore';
import { connectFunctionsEmulator, type Functions, getFunctions } from 'firebase/functions';
import { gocafein, type GocafeinApi } from '@gocafein/client';

export const REGION = 'asia-northeast3';

interface EmulatorAddress {
  host: string;
  port: number;
}
type Emulators = Partial<Record<'auth' | 'firestore' | 'functions', EmulatorAddress>>;

export interface Backend {
  app: FirebaseApp;
  auth: Auth;
  db: Firestore;
  functions: Functions;
  api: GocafeinApi;
  emulated: boolean;
  /** Web push (VAPID public key), from the deployed config; absent locally. */
  vapidKey: string | null;
}

const LOCAL_HOSTS = new Set(['127.0.0.1', 'localhost', '[::1]']);

function parseVar(script: string, name: string): unknown {
  const match = script.match(new RegExp(`var ${name} = ([\\s\\S]*?);\\n`));
  if (!match || match[1].trim() === 'undefined') return undefined;
  return JSON.parse(match[1]);
}

async function loadSettings(): Promise<{ options: FirebaseOptions; emulators: Emulators | null; vapidKey: string | null }> {
  const query = new URLSearchParams(location.search);
  const vapidKey = query.get('vapidKey') ?? (import.meta.env.VITE_VAPID_KEY as string | undefined) ?? null;
  if (LOCAL_HOSTS.has(location.hostname)) {
    const script = await (await fetch('/__/firebase/init.js?useEmulator=true')).text();
    const emulators = (parseVar(script, 'firebaseEmulators') as Emulators | undefined) ?? null;
    // A demo-* project has no web config to fetch: any API key works against the emulators.
    const options = (parseVar(script, 'firebaseConfig') as FirebaseOptions | undefined) ?? {
      projectId: query.get('project') ?? 'demo-gocafein',
      apiKey: 'demo-api-key',
    };
    return { options, emulators, vapidKey };
  }
  const options = (await (await fetch('/__/firebase/init.json')).json()) as FirebaseOptions;
  return { options, emulators: null, vapidKey };
}

export async function connectBackend(): Promise<Backend> {
  const { options, emulators, vapidKey } = await loadSettings();
  const app = initializeApp(options);
  const auth = getAuth(app);
  const db = getFirestore(app);
  const functions = getFunctions(app, REGION);
  if (emulators?.auth) connectAuthEmulator(auth, `http://${emulators.auth.host}:${emulators.auth.port}`, { disableWarnings: true });
  if (emulators?.firestore) connectFirestoreEmulator(db, emulators.firestore.host, emulators.firestore.port);
  if (emulators?.functions) connectFunctionsEmulator(functions, emulators.functions.host, emulators.functions.port);
  return { app, auth, db, functions, api: gocafein(functions), emulated: emulators !== null, vapidKey };
}
