// The storeHours callables: parse, run the use case in app/storeHours.ts, answer.
import { pauseStoreHandler, resumeStoreHandler, setBusyModeHandler, setStoreHoursHandler } from '../app/storeHours';
import { pauseStoreInput, resumeStoreInput, setBusyModeInput, setStoreHoursInput } from '../boundary/storeHoursSchemas';
import { defineCallable } from './shell';

export const setStoreHours = defineCallable('setStoreHours', setStoreHoursInput, setStoreHoursHandler);

export const pauseStore = defineCallable('pauseStore', pauseStoreInput, pauseStoreHandler);

export const resumeStore = defineCallable('resumeStore', resumeStoreInput, resumeStoreHandler);

export const setBusyMode = defineCallable('setBusyMode', setBusyModeInput, setBusyModeHandler);
