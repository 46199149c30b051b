// The typed caller: one method per callable, each an httpsCallable<Request, Response>.
import { httpsCallable } from 'firebase/functions';
import { CALLABLE_NAMES } from './generated/contract.js';
/**
 * The backend's callables, typed. Pass the Functions instance of region asia-northeast3:
 * `gocafein(getFunctions(app, 'asia-northeast3'))`.
 */
export function gocafein(functions, options) {
    const api = {};
    for (const name of CALLABLE_NAMES) {
        const callable = httpsCallable(functions, name, options);
        api[name] = async (request) => (await callable(request)).data;
    }
    return Object.freeze(api);
}
