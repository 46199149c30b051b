// Web push: where the browser supports it and a VAPID key is configured, the FCM token is
// registered through registerDevice and a service worker (public/firebase-messaging-sw.js) shows
// background messages. There is no FCM offline, so this path is not exercised by the tests; the
// in-page alert (alerts.ts) is.
import type { Backend } from './firebase';

export async function registerWebPush(backend: Backend): Promise<string> {
  if (backend.emulated) return '로컬 에뮬레이터에서는 웹 푸시를 쓸 수 없습니다. 화면 알림을 사용합니다.';
  if (!backend.vapidKey) return '웹 푸시 키(VAPID)가 설정되지 않았습니다.';
  const { getMessaging, getToken, isSupported } = await import('firebase/messaging');
  if (!(await isSupported())) return '이 브라우저는 웹 푸시를 지원하지 않습니다.';
  const permission = await Notification.requestPermission();
  if (permission !== 'granted') return '알림이 허용되지 않았습니다. 브라우저 설정에서 알림을 허용해 주세요.';
  const registration = await navigator.serviceWorker.register('/firebase-messaging-sw.js');
  const token = await getToken(getMessaging(backend.app), { vapidKey: backend.vapidKey, serviceWorkerRegistration: registration });
  await backend.api.registerDevice({ token, platform: 'web' });
  return '이 브라우저로 주문 알림을 받습니다.';
}
