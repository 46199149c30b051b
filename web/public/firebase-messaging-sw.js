// Background pushes for the partner center (web). Loads the compat SDK from Hosting's reserved
// URLs, which serve the SDK and this project's config on a deployed site (not offline).
/* global importScripts, firebase */
importScripts('/__/firebase/12.19.0/firebase-app-compat.js');
importScripts('/__/firebase/12.19.0/firebase-messaging-compat.js');
importScripts('/__/firebase/init.js');

const messaging = firebase.messaging();
messaging.onBackgroundMessage((payload) => {
  const title = payload.notification?.title ?? '고카페인 파트너센터';
  self.registration.showNotification(title, {
    body: payload.notification?.body ?? '새 주문이 접수되었습니다.',
    data: payload.data ?? {},
    tag: payload.data?.orderId,
  });
});

self.addEventListener('notificationclick', (event) => {
  event.notification.close();
  event.waitUntil(self.clients.openWindow('/'));
});
