import { tokens } from './tokens';

/** An RFC 9457 problem document as the services write them. */
export interface Problem {
  type?: string;
  title?: string;
  status?: number;
  detail?: string;
  errors?: Record<string, string[]>;
}

/** A failed call: the HTTP status (0 when the network failed) and the problem body, if any. */
export class ApiError extends Error {
  constructor(
    public readonly status: number,
    public readonly problem: Problem | null,
  ) {
    super(problem?.detail ?? problem?.title ?? `HTTP ${status}`);
  }
}

export interface TokenResponse {
  accessToken: string;
  refreshToken: string;
  expiresIn: number;
}

let language = 'zh-CN';
/** The language the services answer texts in (inbox, CSV). */
export function setApiLanguage(lang: string) {
  language = lang;
}

async function readProblem(response: Response): Promise<Problem | null> {
  try {
    return (await response.json()) as Problem;
  } catch {
    return null;
  }
}

async function post(path: string, body: unknown): Promise<Response> {
  return fetch(path, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) });
}

export async function signIn(userName: string, password: string): Promise<void> {
  const response = await safeFetch(() => post('/api/directory/auth/token', { userName, password }));
  if (!response.ok) throw new ApiError(response.status, await readProblem(response));
  const body = (await response.json()) as TokenResponse;
  tokens.takeExpired();
  tokens.set(body.accessToken, body.refreshToken);
}

export async function signOut(): Promise<void> {
  const refreshToken = tokens.refresh();
  tokens.clear();
  if (refreshToken) await post('/api/directory/auth/sign-out', { refreshToken }).catch(() => undefined);
}

// One refresh at a time: several calls failing with 401 together share it, since a refresh token works once.
let refreshing: Promise<boolean> | null = null;

/** Trades the refresh token for a new pair; false (and signed out) when it is no longer valid. */
export function refreshTokens(): Promise<boolean> {
  refreshing ??= (async () => {
    const refreshToken = tokens.refresh();
    if (!refreshToken) {
      tokens.clear();
      return false;
    }
    try {
      const response = await post('/api/directory/auth/refresh', { refreshToken });
      if (!response.ok) {
        // 401: unknown, expired, revoked or used; the session is over.
        if (response.status === 401 || response.status === 400) tokens.clear(true);
        return false;
      }
      const body = (await response.json()) as TokenResponse;
      tokens.set(body.accessToken, body.refreshToken);
      return true;
    } catch {
      return false; // offline: keep the session, the next call tries again
    } finally {
      refreshing = null;
    }
  })();
  return refreshing;
}

async function safeFetch(call: () => Promise<Response>): Promise<Response> {
  try {
    return await call();
  } catch {
    throw new ApiError(0, null);
  }
}

export interface CallOptions {
  method?: string;
  body?: unknown;
  ifMatch?: string | null;
  signal?: AbortSignal;
}

/** Calls the gateway with the access token, refreshing it once on a 401; throws ApiError on any failure. */
export async function call(path: string, options: CallOptions = {}): Promise<Response> {
  const send = () => {
    const headers: Record<string, string> = { 'accept-language': language };
    const access = tokens.access();
    if (access) headers.authorization = `Bearer ${access}`;
    if (options.ifMatch) headers['if-match'] = options.ifMatch;
    let body: BodyInit | undefined;
    if (options.body instanceof FormData) {
      body = options.body;
    } else if (options.body !== undefined) {
      headers['content-type'] = 'application/json';
      body = JSON.stringify(options.body);
    }
    return fetch(path, { method: options.method ?? 'GET', headers, body, signal: options.signal });
  };
  if (!tokens.access() && tokens.refresh()) await refreshTokens();
  let response = await safeFetch(send);
  if (response.status === 401 && (await refreshTokens())) response = await safeFetch(send);
  if (!response.ok) throw new ApiError(response.status, await readProblem(response));
  return response;
}

export async function getJson<T>(path: string, signal?: AbortSignal): Promise<T> {
  return (await (await call(path, { signal })).json()) as T;
}

/** A JSON answer with the ETag the API gave it (the version an action's If-Match names). */
export async function getWithETag<T>(path: string, signal?: AbortSignal): Promise<{ data: T; etag: string | null }> {
  const response = await call(path, { signal });
  return { data: (await response.json()) as T, etag: response.headers.get('etag') };
}

export async function send<T>(path: string, body?: unknown, options: Omit<CallOptions, 'body'> = {}): Promise<T> {
  const response = await call(path, { method: 'POST', body, ...options });
  if (response.status === 204) return undefined as T;
  const text = await response.text();
  return (text ? JSON.parse(text) : undefined) as T;
}

/** Builds a query string from the values that are set. */
export function query(params: Record<string, string | number | boolean | null | undefined>): string {
  const search = new URLSearchParams();
  for (const [key, value] of Object.entries(params)) {
    if (value !== undefined && value !== null && value !== '') search.set(key, String(value));
  }
  const text = search.toString();
  return text ? `?${text}` : '';
}
