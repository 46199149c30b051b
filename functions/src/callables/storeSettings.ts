// The storeSettings callables: parse, run the use case in app/storeSettings.ts, answer.
import { setStoreStatusHandler, updateStoreHandler } from '../app/storeSettings';
import { setStoreStatusInput, updateStoreInput } from '../boundary/storeSchemas';
import { defineCallable } from './shell';

export const setStoreStatus = /* @__PURE__ */ defineCallable('setStoreStatus', setStoreStatusInput, setStoreStatusHandler);

export const updateStore = /* @__PURE__ */ defineCallable('updateStore', updateStoreInput, updateStoreHandler);
