import { fireEvent, render, screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { App, Form } from 'antd';
import { afterEach, describe, expect, it, vi } from 'vitest';
import type { Payment, UnitBills } from './api';
import { PaymentForm } from './CashDesk';
import i18n from '../../i18n';
import './texts';

const json = (status: number, body: unknown) => new Response(JSON.stringify(body), { status, headers: { 'content-type': 'application/json' } });

const bills = {
  unitId: 'u1', propertyId: 'p1', buildingName: 'A座', unitNumber: '301', outstanding: 1200, credit: 0,
  lines: [{ id: 'l1', status: 'open', dueDate: '2026-12-01', period: '2026-12', item: 'property_service', amount: 1200, amountPaid: 0, amountOpen: 1200 }],
} as unknown as UnitBills;

const payment = { id: 'pay1', receiptId: 'r1', receiptNumber: 'SJ-2026-000007', buildingName: 'A座', unitNumber: '301', amount: 123.45 } as Payment;

function Desk({ onPaid }: { onPaid: (p: Payment) => void }) {
  const [form] = Form.useForm();
  return <App><PaymentForm form={form} unitId="u1" bills={bills} payer="张伟" onPaid={onPaid} /></App>;
}

const sent = (fetchMock: ReturnType<typeof vi.fn>) =>
  fetchMock.mock.calls.filter(([url]) => String(url).endsWith('/api/billing/payments')).map(([, init]) => JSON.parse(String((init as RequestInit).body)));

describe('taking a payment at the cash desk', () => {
  afterEach(() => { vi.unstubAllGlobals(); i18n.changeLanguage('zh-CN'); });

  it('reads the typed amount back in capitals and sends it as decimal text with the payer', async () => {
    const fetchMock = vi.fn(async () => json(201, payment));
    vi.stubGlobal('fetch', fetchMock);
    const onPaid = vi.fn();
    render(<Desk onPaid={onPaid} />);

    fireEvent.change(screen.getByTestId('pay-amount'), { target: { value: '123.45' } });
    expect(await screen.findByTestId('amount-words')).toHaveTextContent('壹佰贰拾叁元肆角伍分');
    await userEvent.click(screen.getByRole('button', { name: /确认收款/ }));

    await vi.waitFor(() => expect(onPaid).toHaveBeenCalledWith(payment));
    const [body] = sent(fetchMock);
    expect(body).toMatchObject({ unitId: 'u1', method: 'cash', amount: '123.45', payerName: '张伟' });
    expect(body.idempotencyKey).toMatch(/^desk-/);
  }, 60_000);

  it('sends the same key again after a lost answer, so the payment is taken once, and a new key for the next payment', async () => {
    let calls = 0;
    const fetchMock = vi.fn(async () => {
      calls += 1;
      if (calls === 1) throw new TypeError('network down'); // the answer is lost; the server may have taken it
      return json(calls === 2 ? 200 : 201, payment);
    });
    vi.stubGlobal('fetch', fetchMock);
    const onPaid = vi.fn();
    render(<Desk onPaid={onPaid} />);

    fireEvent.change(screen.getByTestId('pay-amount'), { target: { value: '100' } });
    await userEvent.click(screen.getByRole('button', { name: /确认收款/ }));
    expect(await screen.findByText('无法连接服务器，请检查网络后重试。')).toBeInTheDocument();
    await userEvent.click(screen.getByRole('button', { name: /确认收款/ }));
    // 200: the server found the key's earlier payment and took nothing more.
    expect(await screen.findByText(/此前已提交/)).toBeInTheDocument();

    fireEvent.change(screen.getByTestId('pay-amount'), { target: { value: '50' } });
    await userEvent.click(screen.getByRole('button', { name: /确认收款/ }));
    await vi.waitFor(() => expect(onPaid).toHaveBeenCalledTimes(2));

    const [first, resend, next] = sent(fetchMock);
    expect(resend.idempotencyKey).toBe(first.idempotencyKey);
    expect(next.idempotencyKey).not.toBe(first.idempotencyKey);
  }, 60_000);

  it('refuses an amount with fractions of a fen before sending anything', async () => {
    const fetchMock = vi.fn(async () => json(201, payment));
    vi.stubGlobal('fetch', fetchMock);
    render(<Desk onPaid={vi.fn()} />);

    fireEvent.change(screen.getByTestId('pay-amount'), { target: { value: '12.345' } });
    await userEvent.click(screen.getByRole('button', { name: /确认收款/ }));

    expect(await screen.findByText('请输入大于 0 的金额，最多两位小数')).toBeInTheDocument();
    expect(sent(fetchMock)).toHaveLength(0);
  }, 60_000);

  it('tells a refusal from the problem body in the user\'s language', async () => {
    vi.stubGlobal('fetch', vi.fn(async () => json(400, {
      status: 400, title: 'One or more validation errors occurred.', errors: { unitId: ['No unit with this id is known.'] },
    })));
    await i18n.changeLanguage('en');
    render(<Desk onPaid={vi.fn()} />);

    fireEvent.change(screen.getByTestId('pay-amount'), { target: { value: '10' } });
    await userEvent.click(screen.getByRole('button', { name: /Take payment/ }));

    expect(await screen.findByText(/Billing does not know this unit yet/)).toBeInTheDocument();
  }, 60_000);
});
