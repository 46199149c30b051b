// A Firebase client app as the partner and customer apps use it: the JS SDK (modular), signed in
// to the Auth emulator, calling callables on the Functions emulator and reading Firestore.
import { deleteApp, initializeApp } from 'firebase/app';
import { connectAuthEmulator, getAuth, signInWithEmailAndPassword } from 'firebase/auth';
import { connectFirestoreEmulator, getFirestore } from 'firebase/firestore';
import { connectFunctionsEmulator, getFunctions } from 'firebase/functions';
import { PORTS, PROJECT_ID } from './stack.mjs';

export const REGION = 'asia-northeast3';
let appCounter = 0;

export async function signIn(email, password) {
  appCounter += 1;
  const app = initializeApp(
    { projectId: PROJECT_ID, apiKey: 'demo-api-key', authDomain: `${PROJECT_ID}.firebaseapp.com` },
    `client-${appCounter}`,
  );
  const auth = getAuth(app);
  connectAuthEmulator(auth, `http://127.0.0.1:${PORTS.auth}`, { disableWarnings: true });
  const functions = getFunctions(app, REGION);
  connectFunctionsEmulator(functions, '127.0.0.1', PORTS.functions);
  const firestore = getFirestore(app);
  connectFirestoreEmulator(firestore, '127.0.0.1', PORTS.firestore);
  const credential = await signInWithEmailAndPassword(auth, email, password);
  // @gocafein/client (client/dist), built by setUp(): loaded here, after set-up, not at import time.
  const { gocafein } = await import('../../client/dist/index.js');
  const api = gocafein(functions);
  return {
    app,
    auth,
    firestore,
    uid: credential.user.uid,
    /** The typed caller of @gocafein/client (client/): `api.placeOrder({...})`. */
    api,
    /** Calls a callable through the package and returns its data. Errors keep code, message and details. */
    call: async (name, data) => {
      if (!api[name]) throw new Error(`${name} is not in the client contract (functions/src/contract/callables.ts)`);
      return api[name](data);
    },
    /** Fetches a fresh ID token so new custom claims apply. */
    refreshClaims: () => credential.user.getIdToken(true),
    close: () => deleteApp(app),
  };
}
