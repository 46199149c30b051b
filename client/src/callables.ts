// The typed caller: one method per callable, each an httpsCallable<Request, Response>.
import { type Functions, type HttpsCallableOptions, httpsCallable } from 'firebase/functions';
import { CALLABLE_NAMES, type CallableRequests, type CallableResponses } from './generated/contract.js';

export type CallableName = keyof CallableRequests;
export type RequestOf<Name extends CallableName> = CallableRequests[Name];
export type ResponseOf<Name extends CallableName> = CallableResponses[Name];

/** `api.placeOrder(request)` resolves to the response data; failures reject with the SDK's error (see parseError). */
export type GocafeinApi = { readonly [Name in CallableName]: (request: RequestOf<Name>) => Promise<ResponseOf<Name>> };

/**
 * The backend's callables, typed. Pass the Functions instance of region asia-northeast3:
 * `gocafein(getFunctions(app, 'asia-northeast3'))`.
 */
export function gocafein(functions: Functions, options?: HttpsCallableOptions): GocafeinApi {
  const api: Record<string, (request: unknown) => Promise<unknown>> = {};
  for (const name of CALLABLE_NAMES) {
    const callable = httpsCallable<RequestOf<typeof name>, ResponseOf<typeof name>>(functions, name, options);
    api[name] = async (request) => (await callable(request as RequestOf<typeof name>)).data;
  }
  return Object.freeze(api) as unknown as GocafeinApi;
}
