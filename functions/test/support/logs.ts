// Captures structured log lines (firebase-functions/logger writes JSON with a `severity`) so the
// test output stays readable and tests can assert on what was logged.
export interface LogEntry {
  severity: string;
  message: string;
  [key: string]: unknown;
}

export const capturedLogs: LogEntry[] = [];

const methods = ['log', 'info', 'warn', 'error', 'debug'] as const;
// eslint-disable-next-line @typescript-eslint/unbound-method -- Node's console methods are bound to the console
const originals = Object.fromEntries(methods.map((m) => [m, console[m]])) as Record<(typeof methods)[number], (...args: unknown[]) => void>;

export function captureStructuredLogs(): void {
  for (const method of methods) {
    console[method] = (...args: unknown[]) => {
      if (args.length === 1 && typeof args[0] === 'string' && args[0].startsWith('{"')) {
        try {
          const entry = JSON.parse(args[0]) as LogEntry;
          if (entry.severity) {
            capturedLogs.push(entry);
            if (process.env.SHOW_LOGS) originals[method](args[0]);
            return;
          }
        } catch {
          // not a structured line: print it
        }
      }
      originals[method](...args);
    };
  }
}

export function clearLogs(): void {
  capturedLogs.length = 0;
}
