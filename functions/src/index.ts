// Entry point: global options and the exported functions. Keep this file light: every import here
// is paid on each cold start of every function.
import { setGlobalOptions } from 'firebase-functions/v2';
import { functionsRegion } from './config';

setGlobalOptions({ region: functionsRegion });

export { placeOrder } from './callables/placeOrder';
export {
  startPreparing,
  completeOrder,
  prepareShipment,
  shipOrder,
  updateTracking,
  cancelOrder,
} from './callables/orderCommands';
