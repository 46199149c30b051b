// Live Firestore reads as Preact hooks: onSnapshot on the client package's read descriptors.
import { useEffect, useState } from 'preact/hooks';
import { type DocumentReference, onSnapshot, type Query, type QuerySnapshot } from 'firebase/firestore';

export interface Live<T> {
  data: T;
  loading: boolean;
  error: Error | null;
}

/** Listens to a query; `key` says when the query changed (queries are rebuilt each render). */
export function useLiveQuery<T>(build: () => Query<T> | null, key: string, onChange?: (snapshot: QuerySnapshot<T>, first: boolean) => void): Live<T[]> {
  const [state, setState] = useState<Live<T[]>>({ data: [], loading: true, error: null });
  useEffect(() => {
    const query = build();
    if (!query) {
      setState({ data: [], loading: false, error: null });
      return undefined;
    }
    setState({ data: [], loading: true, error: null });
    let first = true;
    return onSnapshot(
      query,
      (snapshot) => {
        onChange?.(snapshot, first);
        first = false;
        setState({ data: snapshot.docs.map((doc) => doc.data()), loading: false, error: null });
      },
      (error) => setState({ data: [], loading: false, error }),
    );
  }, [key]);
  return state;
}

export function useLiveDocument<T>(build: () => DocumentReference<T> | null, key: string): Live<T | null> {
  const [state, setState] = useState<Live<T | null>>({ data: null, loading: true, error: null });
  useEffect(() => {
    const ref = build();
    if (!ref) {
      setState({ data: null, loading: false, error: null });
      return undefined;
    }
    setState({ data: null, loading: true, error: null });
    return onSnapshot(
      ref,
      (snapshot) => setState({ data: snapshot.exists() ? snapshot.data() : null, loading: false, error: null }),
      (error) => setState({ data: null, loading: false, error }),
    );
  }, [key]);
  return state;
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
