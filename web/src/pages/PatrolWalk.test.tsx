import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { fireEvent, render, screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { App } from 'antd';
import { MemoryRouter } from 'react-router';
import { afterEach, describe, expect, it, vi } from 'vitest';
import type { PatrolRoute } from '../api/patrols';
import { Walking } from './PatrolWalk';

// jsdom does not scroll; the walk scrolls each new item into view.
window.scrollTo = () => {};

const json = (status: number, body: unknown) => new Response(JSON.stringify(body), { status, headers: { 'content-type': 'application/json' } });

const route: PatrolRoute = {
  id: 'r1', propertyId: 'p1', name: '夜间巡查', area: '大堂', checklist: ['消防通道畅通', '大堂侧门已上锁'], checklistVersion: 3, active: true,
  createdAt: '2026-12-01T00:00:00Z', updatedAt: '2026-12-01T00:00:00Z',
};

function walk() {
  render(
    <QueryClientProvider client={new QueryClient()}>
      <MemoryRouter><App><Walking route={route} onChanged={() => {}} /></App></MemoryRouter>
    </QueryClientProvider>,
  );
}

describe('walking a patrol', () => {
  afterEach(() => { vi.unstubAllGlobals(); sessionStorage.clear(); });

  it('moves on with one tap for a fine item and hands in a failure only with what is wrong and where', async () => {
    const fetchMock = vi.fn(async (url: string, init?: RequestInit) =>
      url.includes('/records') && init?.method === 'POST'
        ? json(201, { id: 'rec1' })
        : json(200, { items: [], total: 0 }));
    vi.stubGlobal('fetch', fetchMock);
    walk();

    expect(screen.getByTestId('patrol-step')).toHaveTextContent('第 1 / 2 项');
    await userEvent.click(screen.getByRole('button', { name: /正\s*常/ }));
    expect(screen.getByTestId('patrol-step')).toHaveTextContent('第 2 / 2 项');

    await userEvent.click(screen.getByRole('button', { name: /异\s*常/ }));
    await userEvent.click(screen.getByRole('button', { name: /检查并提交/ }));
    expect(await screen.findByText('请填写异常情况')).toBeInTheDocument();
    expect(screen.getByText('请选择房号或填写具体位置')).toBeInTheDocument();

    fireEvent.change(screen.getByLabelText('异常情况'), { target: { value: '侧门未上锁' } });
    fireEvent.change(screen.getByLabelText('具体位置'), { target: { value: '大堂东侧门' } });
    await userEvent.click(screen.getByRole('button', { name: /检查并提交/ }));
    await userEvent.click(await screen.findByTestId('patrol-submit'));

    await vi.waitFor(() => expect(fetchMock.mock.calls.some(([url]) => String(url).endsWith('/patrol-routes/r1/records'))).toBe(true));
    const [, init] = fetchMock.mock.calls.find(([url]) => String(url).endsWith('/records'))!;
    const body = JSON.parse(String(init!.body));
    expect(body.checklistVersion).toBe(3);
    expect(body.items).toEqual([
      { item: 1, passed: true, note: null, unitId: null, location: null, category: null, priority: null },
      { item: 2, passed: false, note: '侧门未上锁', unitId: null, location: '大堂东侧门', category: null, priority: null },
    ]);
  }, 90_000); // a whole walk through Ant Design under jsdom, on shared cores
});
