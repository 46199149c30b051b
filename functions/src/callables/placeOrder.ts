// placeOrder: parse, place (app/placeOrder.ts), answer with the public view.
import { placeOrderHandler } from '../app/placeOrder';
import { placeOrderInput } from '../boundary/schemas';
import { defineCallable } from './shell';
import { FUNCTION_MEMORY } from '../memory';

// Placing an order costs pushes and tasks: its App Check token is single-use (replay protection).
export const placeOrder = /* @__PURE__ */ defineCallable('placeOrder', placeOrderInput, placeOrderHandler, {
  consumeAppCheckToken: true,
  memory: FUNCTION_MEMORY.placeOrder,
});
