// Deploy-time configuration, read from firebase-functions params. Nothing project-specific is in code.
import { defineString } from 'firebase-functions/params';

/** Cloud Functions region; Seoul by default, next to the owners and customers. */
export const functionsRegion = defineString('FUNCTIONS_REGION', {
  default: 'asia-northeast3',
  description: 'Region every function is deployed to',
});
