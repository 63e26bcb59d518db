import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { ApiError, call, refreshTokens, signIn } from './client';
import { tokens } from './tokens';

const json = (status: number, body: unknown) =>
  new Response(JSON.stringify(body), { status, headers: { 'content-type': 'application/json' } });

describe('calls with a session', () => {
  let fetchMock: ReturnType<typeof vi.fn>;
  beforeEach(() => {
    fetchMock = vi.fn();
    vi.stubGlobal('fetch', fetchMock);
    tokens.clear();
  });
  afterEach(() => vi.unstubAllGlobals());

  it('signs in and sends the access token', async () => {
    fetchMock.mockResolvedValueOnce(json(200, { accessToken: 'a1', refreshToken: 'r1', expiresIn: 900 }));
    fetchMock.mockResolvedValueOnce(json(200, { ok: true }));
    await signIn('frontdesk', 'pw');
    await call('/api/directory/me');
    expect(fetchMock.mock.calls[1][1].headers.authorization).toBe('Bearer a1');
    expect(tokens.refresh()).toBe('r1');
  });

  it('refreshes silently on a 401 and repeats the call with the new token', async () => {
    tokens.set('old', 'r1');
    fetchMock
      .mockResolvedValueOnce(json(401, { title: 'Unauthorized' }))
      .mockResolvedValueOnce(json(200, { accessToken: 'new', refreshToken: 'r2', expiresIn: 900 }))
      .mockResolvedValueOnce(json(200, { items: [] }));
    const response = await call('/api/workorders/work-orders');
    expect(response.status).toBe(200);
    expect(fetchMock.mock.calls[1][0]).toBe('/api/directory/auth/refresh');
    expect(JSON.parse(fetchMock.mock.calls[1][1].body)).toEqual({ refreshToken: 'r1' });
    expect(fetchMock.mock.calls[2][1].headers.authorization).toBe('Bearer new');
    expect(tokens.refresh()).toBe('r2');
  });

  it('uses one refresh for calls that fail together, since a refresh token works once', async () => {
    tokens.set('old', 'r1');
    fetchMock.mockImplementation(async (path: string, init: RequestInit) => {
      if (path === '/api/directory/auth/refresh') return json(200, { accessToken: 'new', refreshToken: 'r2', expiresIn: 900 });
      const auth = (init.headers as Record<string, string>).authorization;
      return auth === 'Bearer new' ? json(200, {}) : json(401, {});
    });
    await Promise.all([call('/api/a'), call('/api/b'), call('/api/c')]);
    expect(fetchMock.mock.calls.filter(([path]) => path === '/api/directory/auth/refresh')).toHaveLength(1);
  });

  it('signs out cleanly when the refresh is refused', async () => {
    tokens.set('old', 'r1');
    const signedOut = vi.fn();
    const unsubscribe = tokens.subscribe(signedOut);
    fetchMock
      .mockResolvedValueOnce(json(401, {}))
      .mockResolvedValueOnce(json(401, { title: 'The refresh token is not valid.' }));
    await expect(call('/api/workorders/board')).rejects.toBeInstanceOf(ApiError);
    expect(tokens.refresh()).toBeNull();
    expect(tokens.access()).toBeNull();
    expect(signedOut).toHaveBeenCalled();
    expect(tokens.takeExpired()).toBe(true); // the sign-in page says why
    expect(tokens.takeExpired()).toBe(false);
    unsubscribe();
  });

  it('keeps the session when the network is down during a refresh', async () => {
    tokens.set('old', 'r1');
    fetchMock.mockRejectedValue(new TypeError('Failed to fetch'));
    expect(await refreshTokens()).toBe(false);
    expect(tokens.refresh()).toBe('r1');
  });

  it('sends the version it read as If-Match', async () => {
    tokens.set('a', 'r');
    fetchMock.mockResolvedValueOnce(json(200, {}));
    await call('/api/workorders/work-orders/1/accept', { method: 'POST', ifMatch: '"42"' });
    expect(fetchMock.mock.calls[0][1].headers['if-match']).toBe('"42"');
  });
});
