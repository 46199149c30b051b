// The device contract: apps register their FCM token after sign-in and on every start (which
// refreshes it), and unregister it before sign-out. See docs/notifications.md.
import { z } from 'zod/mini';
import { registerUserDevice, unregisterUserDevice } from '../app/devices';
import { PLATFORMS } from '../domain/devices';
import { schema, text } from '../boundary/primitives';
import { defineCallable } from './shell';

const fcmToken = /* @__PURE__ */ schema(() =>
  text().check(z.trim(), z.minLength(1), z.maxLength(4096), z.regex(/^\S+$/, '올바른 기기 토큰이 아닙니다.')),
);

export const registerDeviceInput = /* @__PURE__ */ schema(() => z.strictObject({ token: fcmToken, platform: z.enum(PLATFORMS) }));
export const unregisterDeviceInput = /* @__PURE__ */ schema(() => z.strictObject({ token: fcmToken }));

/** Registers or refreshes the caller's device. A token registered by another user moves to the caller. */
export const registerDevice = /* @__PURE__ */ defineCallable('registerDevice', registerDeviceInput, async (input, caller) => {
  const { device, tokenId } = await registerUserDevice(caller.uid, input.token, input.platform);
  return {
    tokenId,
    platform: device.platform,
    createdAt: new Date(device.createdAt).toISOString(),
    refreshedAt: new Date(device.refreshedAt).toISOString(),
  };
});

/** Forgets the caller's device. Idempotent; a token now held by another user is left to them. */
export const unregisterDevice = /* @__PURE__ */ defineCallable('unregisterDevice', unregisterDeviceInput, async (input, caller) => {
  return unregisterUserDevice(caller.uid, input.token);
});
