// The partner center: sign-in, onboarding (입점신청), store picker, and the store's screens.
import { useEffect, useState } from 'preact/hooks';
import { onAuthStateChanged, signInWithEmailAndPassword, signOut, type User } from 'firebase/auth';
import { onSnapshot } from 'firebase/firestore';
import { myPartnerApplications, parseError, storeDocument, userDocument } from '@gocafein/client';
import type { Backend } from './firebase';
import { useLiveDocument, useLiveQuery } from './hooks';
import { AdminPage } from './admin';
import { OrdersPage } from './orders';
import { SettingsPage } from './settings';
import { ReviewsPage } from './reviews';
import { SalesPage } from './sales';
import { ApplyForm } from './apply';
import { dateTime } from './format';

export type Role = 'owner' | 'staff';
export interface Session {
  user: User;
  stores: Record<string, Role>;
  admin: boolean;
}

function useHash(): string {
  const [hash, setHash] = useState(location.hash || '#/');
  useEffect(() => {
    const onChange = () => setHash(location.hash || '#/');
    addEventListener('hashchange', onChange);
    return () => removeEventListener('hashchange', onChange);
  }, []);
  return hash;
}

export const go = (hash: string) => {
  location.hash = hash;
};

function useSession(backend: Backend): Session | null | undefined {
  const [session, setSession] = useState<Session | null | undefined>(undefined);
  useEffect(() => {
    let stopUserDoc: (() => void) | undefined;
    const stopAuth = onAuthStateChanged(backend.auth, async (user) => {
      stopUserDoc?.();
      if (!user) return setSession(null);
      const load = async (refresh: boolean) => {
        const token = await user.getIdTokenResult(refresh);
        setSession({
          user,
          stores: (token.claims.stores ?? {}) as Record<string, Role>,
          admin: token.claims.admin === true,
        });
      };
      await load(false);
      // The server bumps claimsVersion after a membership change: take the new claims at once.
      let seen: unknown;
      stopUserDoc = onSnapshot(
        userDocument(backend.db, user.uid),
        (snapshot) => {
          const version = snapshot.data()?.claimsVersion;
          if (seen !== undefined && version !== seen) void load(true);
          seen = version;
        },
        () => undefined,
      );
    });
    return () => {
      stopUserDoc?.();
      stopAuth();
    };
  }, [backend]);
  return session;
}

export function App({ backend }: { backend: Backend }) {
  const session = useSession(backend);
  const hash = useHash();
  if (session === undefined)
    return (
      <p class="center" role="status">
        불러오는 중…
      </p>
    );
  if (session === null) return <SignIn backend={backend} />;

  const [, page, storeId, sub] = hash.split('/');
  let body;
  if (page === 'admin') body = session.admin ? <AdminPage backend={backend} /> : <p class="notice">관리자만 볼 수 있습니다.</p>;
  else if (page === 'store' && storeId) {
    body = (
      <StoreScreen
        backend={backend}
        session={session}
        storeId={decodeURIComponent(storeId)}
        page={STORE_PAGES.includes(sub as StorePage) ? (sub as StorePage) : 'orders'}
      />
    );
  } else body = <Home backend={backend} session={session} />;

  return (
    <div class="shell">
      <header class="topbar">
        <a class="brand" href="#/">
          고카페인 파트너센터
        </a>
        <span class="who" title={session.user.email ?? ''}>
          {session.user.email}
        </span>
        <button type="button" class="ghost" onClick={() => signOut(backend.auth).then(() => go('#/'))}>
          파트너센터 나가기
        </button>
      </header>
      <main id="main">{body}</main>
    </div>
  );
}

function SignIn({ backend }: { backend: Backend }) {
  const [email, setEmail] = useState('');
  const [password, setPassword] = useState('');
  const [error, setError] = useState('');
  const [busy, setBusy] = useState(false);
  const submit = async (event: Event) => {
    event.preventDefault();
    setBusy(true);
    setError('');
    try {
      await signInWithEmailAndPassword(backend.auth, email.trim(), password);
    } catch (caught) {
      const code = (caught as { code?: string }).code ?? '';
      setError(
        /invalid-credential|wrong-password|user-not-found|invalid-email/.test(code)
          ? '이메일 또는 비밀번호가 올바르지 않습니다.'
          : parseError(caught).message,
      );
    } finally {
      setBusy(false);
    }
  };
  return (
    <main class="signin">
      <h1>고카페인 파트너센터</h1>
      <p class="muted">사장님 계정으로 로그인해 주세요.</p>
      <form onSubmit={submit} class="card stack">
        <label>
          이메일
          <input type="email" autocomplete="username" required value={email} onInput={(e) => setEmail(e.currentTarget.value)} />
        </label>
        <label>
          비밀번호
          <input
            type="password"
            autocomplete="current-password"
            required
            value={password}
            onInput={(e) => setPassword(e.currentTarget.value)}
          />
        </label>
        {error && (
          <p class="error" role="alert">
            {error}
          </p>
        )}
        <button type="submit" class="primary" disabled={busy}>
          로그인
        </button>
      </form>
      {backend.emulated && <p class="muted small">로컬 에뮬레이터에 연결되어 있습니다. 데모 계정은 npm start 출력을 확인하세요.</p>}
    </main>
  );
}

function Home({ backend, session }: { backend: Backend; session: Session }) {
  const storeIds = Object.keys(session.stores);
  useEffect(() => {
    if (storeIds.length === 1 && !session.admin) go(`#/store/${encodeURIComponent(storeIds[0])}`);
  }, [storeIds.join(',')]);
  return (
    <section class="stack">
      {session.admin && (
        <a class="card link" href="#/admin">
          <strong>입점신청 심사</strong>
          <span class="muted">관리자 페이지</span>
        </a>
      )}
      {storeIds.length > 0 ? (
        <>
          <h1>매장 선택</h1>
          <ul class="list" aria-label="내 매장">
            {storeIds.map((id) => (
              <li key={id}>
                <StoreLink backend={backend} storeId={id} role={session.stores[id]} />
              </li>
            ))}
          </ul>
        </>
      ) : (
        !session.admin && <Onboarding backend={backend} session={session} />
      )}
    </section>
  );
}

function StoreLink({ backend, storeId, role }: { backend: Backend; storeId: string; role: Role }) {
  const store = useLiveDocument(() => storeDocument(backend.db, storeId), storeId);
  return (
    <a class="card link" href={`#/store/${encodeURIComponent(storeId)}`}>
      <strong>{store.data?.name ?? storeId}</strong>
      <span class="muted">{role === 'owner' ? '사장님' : '직원'}</span>
    </a>
  );
}

const APPLICATION_STATUS: Record<string, string> = { pending: '심사 중', approved: '승인됨', rejected: '반려됨' };

function Onboarding({ backend, session }: { backend: Backend; session: Session }) {
  const applications = useLiveQuery(() => myPartnerApplications(backend.db, session.user.uid), session.user.uid);
  const [applying, setApplying] = useState(false);
  const pending = applications.data.some((a) => a.status === 'pending');
  return (
    <section class="stack">
      <h1>입점신청</h1>
      {applications.loading && <p role="status">불러오는 중…</p>}
      {applications.data.length === 0 && !applications.loading && (
        <p>아직 입점신청 내역이 없습니다. 입점신청이 승인되면 파트너센터를 이용할 수 있습니다.</p>
      )}
      <ul class="list" aria-label="입점신청 내역">
        {applications.data.map((application) => (
          <li key={application.applicationId} class="card">
            <strong>{application.storeName}</strong>
            <span class={`badge status-${application.status}`}>{APPLICATION_STATUS[application.status]}</span>
            <span class="muted small">신청 {dateTime(application.createdAt)}</span>
            {application.reviewNote && <p>사유: {application.reviewNote}</p>}
            {application.status === 'approved' && <p>승인되었습니다. 잠시 후 매장이 표시됩니다.</p>}
          </li>
        ))}
      </ul>
      {!pending && !applying && (
        <button type="button" class="primary" onClick={() => setApplying(true)}>
          입점신청 하기
        </button>
      )}
      {applying && <ApplyForm backend={backend} onDone={() => setApplying(false)} />}
    </section>
  );
}

type StorePage = 'orders' | 'reviews' | 'sales' | 'settings';
const STORE_PAGES: StorePage[] = ['orders', 'reviews', 'sales', 'settings'];

function StoreScreen({ backend, session, storeId, page }: { backend: Backend; session: Session; storeId: string; page: StorePage }) {
  const role = session.stores[storeId];
  const store = useLiveDocument(() => (role ? storeDocument(backend.db, storeId) : null), `${storeId}:${role}`);
  if (!role && !session.admin) {
    return (
      <p class="notice" role="alert">
        이 매장의 파트너센터에 접근할 권한이 없습니다. <a href="#/">내 매장으로</a>
      </p>
    );
  }
  const base = `#/store/${encodeURIComponent(storeId)}`;
  return (
    <section>
      <div class="storebar">
        <h1 class="storename">{store.data?.name ?? '매장'}</h1>
        {Object.keys(session.stores).length > 1 && (
          <a href="#/" class="small">
            매장 변경
          </a>
        )}
      </div>
      <nav class="pagenav" aria-label="파트너센터 메뉴">
        <a href={base} aria-current={page === 'orders' ? 'page' : undefined}>
          주문현황
        </a>
        <a href={`${base}/reviews`} aria-current={page === 'reviews' ? 'page' : undefined}>
          리뷰
        </a>
        <a href={`${base}/sales`} aria-current={page === 'sales' ? 'page' : undefined}>
          매출
        </a>
        <a href={`${base}/settings`} aria-current={page === 'settings' ? 'page' : undefined}>
          매장 설정
        </a>
      </nav>
      {page === 'orders' && <OrdersPage backend={backend} storeId={storeId} defaultPrepMinutes={store.data?.defaultPrepMinutes ?? 10} />}
      {page === 'reviews' && <ReviewsPage backend={backend} storeId={storeId} role={role ?? 'staff'} store={store.data} />}
      {page === 'sales' && <SalesPage backend={backend} storeId={storeId} />}
      {page === 'settings' && (
        <SettingsPage backend={backend} storeId={storeId} role={role ?? 'staff'} store={store.data} uid={session.user.uid} />
      )}
    </section>
  );
}
