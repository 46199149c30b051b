// placeOrder: parse, place (app/placeOrder.ts), answer with the public view.
import { placeOrderHandler } from '../app/placeOrder';
import { placeOrderInput } from '../boundary/schemas';
import { defineCallable } from './shell';

// Placing an order costs pushes and tasks: its App Check token is single-use (replay protection).
export const placeOrder = defineCallable('placeOrder', placeOrderInput, placeOrderHandler, { consumeAppCheckToken: true });
