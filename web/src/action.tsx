// Calling a callable from a button: busy state, and the server's Korean message on refusal.
import { useState } from 'preact/hooks';
import { parseError, type ParsedError } from '@gocafein/client';

export function useAction() {
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<ParsedError | null>(null);
  const run = async (call: () => Promise<unknown>): Promise<boolean> => {
    setBusy(true);
    setError(null);
    try {
      await call();
      return true;
    } catch (caught) {
      setError(parseError(caught));
      return false;
    } finally {
      setBusy(false);
    }
  };
  return { busy, error, run, clear: () => setError(null) };
}

export function ActionError({ error }: { error: ParsedError | null }) {
  if (!error) return null;
  return (
    <p class="error" role="alert" data-reason={error.reason}>
      {error.message}
      {error.fields?.map((field) => (
        <span class="block small" key={field.path}>
          {field.message}
        </span>
      ))}
    </p>
  );
}
