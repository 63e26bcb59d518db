import { describe, expect, it } from 'vitest';
import { expiresSoon } from './liveInbox';

const token = (payload: object) => `h.${btoa(JSON.stringify(payload)).replace(/\+/g, '-').replace(/\//g, '_').replace(/=+$/, '')}.s`;

describe('the live inbox token', () => {
  const now = Date.UTC(2026, 11, 6, 12, 0, 0);

  it('is used while it has more than half a minute left', () => {
    expect(expiresSoon(token({ exp: now / 1000 + 600 }), now)).toBe(false);
  });

  it('is refreshed first when it is about to run out or already has', () => {
    expect(expiresSoon(token({ exp: now / 1000 + 10 }), now)).toBe(true);
    expect(expiresSoon(token({ exp: now / 1000 - 60 }), now)).toBe(true);
  });

  it('is refreshed first when it cannot be read', () => {
    expect(expiresSoon('not-a-token', now)).toBe(true);
    expect(expiresSoon(token({ sub: 'x' }), now)).toBe(true);
  });
});
