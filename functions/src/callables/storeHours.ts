// The storeHours callables: parse, run the use case in app/storeHours.ts, answer.
import { pauseStoreHandler, resumeStoreHandler, setBusyModeHandler, setStoreHoursHandler } from '../app/storeHours';
import { pauseStoreInput, resumeStoreInput, setBusyModeInput, setStoreHoursInput } from '../boundary/storeHoursSchemas';
import { defineCallable } from './shell';

export const setStoreHours = /* @__PURE__ */ defineCallable('setStoreHours', setStoreHoursInput, setStoreHoursHandler);

export const pauseStore = /* @__PURE__ */ defineCallable('pauseStore', pauseStoreInput, pauseStoreHandler);

export const resumeStore = /* @__PURE__ */ defineCallable('resumeStore', resumeStoreInput, resumeStoreHandler);

export const setBusyMode = /* @__PURE__ */ defineCallable('setBusyMode', setBusyModeInput, setBusyModeHandler);
