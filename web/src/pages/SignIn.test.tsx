import { render, screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { App } from 'antd';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { tokens } from '../api/tokens';
import { SignInPage } from './SignIn';

const json = (status: number, body: unknown) => new Response(JSON.stringify(body), { status, headers: { 'content-type': 'application/json' } });

describe('the sign-in form', () => {
  afterEach(() => { vi.unstubAllGlobals(); tokens.clear(); });

  it('shows the wrong-password message and keeps the user on the form', async () => {
    vi.stubGlobal('fetch', vi.fn().mockResolvedValue(json(401, { title: 'Sign-in failed.', detail: 'The user name or password is incorrect.' })));
    render(<App><SignInPage /></App>);
    await userEvent.type(screen.getByLabelText('用户名'), 'frontdesk');
    await userEvent.type(screen.getByLabelText('密码'), 'wrong-password{Enter}');
    expect(await screen.findByRole('alert')).toHaveTextContent('用户名或密码不正确。');
    expect(tokens.refresh()).toBeNull();
  });

  it('says the session ended when it was the refresh that signed the user out', async () => {
    tokens.set('a', 'r');
    tokens.clear(true);
    render(<App><SignInPage /></App>);
    expect(await screen.findByText('登录已过期，请重新登录。')).toBeInTheDocument();
  });

  it('asks for both fields before calling anyone', async () => {
    const fetchMock = vi.fn();
    vi.stubGlobal('fetch', fetchMock);
    render(<App><SignInPage /></App>);
    await userEvent.click(screen.getByRole('button', { name: /登\s*录/ }));
    expect(await screen.findAllByText('必填')).toHaveLength(2);
    expect(fetchMock).not.toHaveBeenCalled();
  });

  it('stores the session when the password is right', async () => {
    vi.stubGlobal('fetch', vi.fn().mockResolvedValue(json(200, { accessToken: 'a', refreshToken: 'r', expiresIn: 900 })));
    render(<App><SignInPage /></App>);
    await userEvent.type(screen.getByLabelText('用户名'), 'frontdesk');
    await userEvent.type(screen.getByLabelText('密码'), 'Demo@12345{Enter}');
    await vi.waitFor(() => expect(tokens.refresh()).toBe('r'));
  });
});
