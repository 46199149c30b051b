import { type Functions, type HttpsCallableOptions } from 'firebase/functions';
import { type CallableRequests, type CallableResponses } from './generated/contract.js';
export type CallableName = keyof CallableRequests;
export type RequestOf<Name extends CallableName> = CallableRequests[Name];
export type ResponseOf<Name extends CallableName> = CallableResponses[Name];
/** `api.placeOrder(request)` resolves to the response data; failures reject with the SDK's error (see parseError). */
export type GocafeinApi = {
    readonly [Name in CallableName]: (request: RequestOf<Name>) => Promise<ResponseOf<Name>>;
};
/**
 * The backend's callables, typed. Pass the Functions instance of region asia-northeast3:
 * `gocafein(getFunctions(app, 'asia-northeast3'))`.
 */
export declare function gocafein(functions: Functions, options?: HttpsCallableOptions): GocafeinApi;
