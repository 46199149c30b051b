// Live Firestore reads as Preact hooks: onSnapshot on the client package's read descriptors.
import { useEffect, useState } from 'preact/hooks';
import { type DocumentReference, onSnapshot, type Query, type QuerySnapshot } from 'firebase/firestore';

export interface Live<T> {
  data: T;
  loading: boolean;
  error: Error | null;
}

/** Listens to a query; `key` says when the query changed (queries are rebuilt each render). */
export function useLiveQuery<T>(
  build: () => Query<T> | null,
  key: string,
  onChange?: (snapshot: QuerySnapshot<T>, first: boolean) => void,
): Live<T[]> {
  // The state remembers which query it belongs to, so a new key reads as loading until it answers.
  const [state, setState] = useState<Live<T[]> & { key: string | null }>({ data: [], loading: true, error: null, key: null });
  useEffect(() => {
    const query = build();
    if (!query) {
      setState({ data: [], loading: false, error: null, key });
      return undefined;
    }
    let first = true;
    return onSnapshot(
      query,
      (snapshot) => {
        onChange?.(snapshot, first);
        first = false;
        setState({ data: snapshot.docs.map((doc) => doc.data()), loading: false, error: null, key });
      },
      (error) => setState({ data: [], loading: false, error, key }),
    );
  }, [key]);
  return state.key === key ? state : { data: [], loading: true, error: null };
}

export function useLiveDocument<T>(build: () => DocumentReference<T> | null, key: string): Live<T | null> {
  const [state, setState] = useState<Live<T | null> & { key: string | null }>({ data: null, loading: true, error: null, key: null });
  useEffect(() => {
    const ref = build();
    if (!ref) {
      setState({ data: null, loading: false, error: null, key });
      return undefined;
    }
    return onSnapshot(
      ref,
      (snapshot) => setState({ data: snapshot.exists() ? snapshot.data() : null, loading: false, error: null, key }),
      (error) => setState({ data: null, loading: false, error, key }),
    );
  }, [key]);
  return state.key === key ? state : { data: null, loading: true, error: null };
}

/** Re-renders every `ms` (remaining-time displays). */
export function useNow(ms = 1000): number {
  const [now, setNow] = useState(Date.now());
  useEffect(() => {
    const timer = setInterval(() => setNow(Date.now()), ms);
    return () => clearInterval(timer);
  }, [ms]);
  return now;
}
