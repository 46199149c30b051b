// Forgets push devices whose token was not refreshed for 60 days (app/devices.ts pruneStaleDevices).
// Daily, in bounded batches.
import { onSchedule } from 'firebase-functions/v2/scheduler';
import { pruneStaleDevices } from '../app/devices';
import { FUNCTION_MEMORY } from '../memory';

export const pruneDevices = onSchedule(
  { schedule: 'every day 04:00', timeZone: 'Asia/Seoul', timeoutSeconds: 300, memory: FUNCTION_MEMORY.scheduled },
  async () => {
    await pruneStaleDevices();
  },
);
