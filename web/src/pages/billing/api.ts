// Billing's API as the console uses it; the types are generated from its OpenAPI document (src/api/types/billing.ts).
import type { components } from '../../api/types/billing';

type B = components['schemas'];

export type BillLine = B['BillLineView'];
export type BillLinePage = B['PageOfBillLineView'];
export type BillLineStatus = B['BillLineStatus'];
export type UnitBills = B['UnitBillsView'];
export type BillRun = B['BillRunView'];
export type BillRunLine = B['BillRunLineView'];
export type FeeItem = B['FeeItem'];
export type PaymentMethod = B['PaymentMethod'];
export type Payment = B['PaymentView'];
export type TakePaymentRequest = B['TakePaymentRequest'];
export type Receipt = B['ReceiptView'];
export type Arrears = B['ArrearsView'];
export type BuildingArrears = B['BuildingArrearsView'];
export type Aging = B['AgingView'];
export type CollectionRate = B['CollectionRateView'];
export type ReceiptPage = B['PageOfReceiptView'];
export type LateFee = B['LateFeeView'];

export const base = '/api/billing';
export const feeItems: FeeItem[] = ['property_service', 'parking', 'water', 'electricity', 'paid_service', 'late_fee'];
export const paymentMethods: PaymentMethod[] = ['cash', 'bank_transfer', 'card', 'online'];
export const lineStatuses: BillLineStatus[] = ['open', 'settled'];
// What the cash desk takes; `online` comes only through the integration endpoint.
export const deskMethods: PaymentMethod[] = ['cash', 'bank_transfer', 'card'];
export const agingBuckets = ['days0To30', 'days31To90', 'days91To180', 'over180Days'] as const;

/**
 * An amount as whole fen. The API writes decimals (exact to the fen) as JSON numbers or strings; counting in whole
 * fen keeps sums exact where floating-point yuan would drift.
 */
export function toFen(value: number | string | null | undefined): number {
  if (value === null || value === undefined || value === '') return 0;
  return Math.round(Number(value) * 100);
}

/** ¥1,234.50 — money as the desk reads it, always to the fen. */
export function formatMoney(value: number | string | null | undefined): string {
  return formatFen(toFen(value));
}

export function formatFen(fen: number): string {
  const sign = fen < 0 ? '-' : '';
  const abs = Math.abs(fen);
  const yuan = String(Math.floor(abs / 100)).replace(/\B(?=(\d{3})+(?!\d))/g, ',');
  return `${sign}¥${yuan}.${String(abs % 100).padStart(2, '0')}`;
}

/**
 * What a cashier typed as an amount, in fen; null when it is not a positive amount of at most two decimals
 * (the API refuses fractions of a fen rather than rounding them).
 */
export function parseAmount(text: string): number | null {
  const trimmed = text.trim().replace(/[,，¥￥\s]/g, '');
  const match = /^(\d{1,12})(?:\.(\d{1,2}))?$/.exec(trimmed);
  if (!match) return null;
  const fen = Number(match[1]) * 100 + Number((match[2] ?? '').padEnd(2, '0'));
  return fen > 0 ? fen : null;
}

/** Fen as the decimal text the API takes ("123.45"), so no floating-point yuan is ever sent. */
export function fenToDecimal(fen: number): string {
  return `${Math.floor(fen / 100)}.${String(fen % 100).padStart(2, '0')}`;
}

const digits = '零壹贰叁肆伍陆柒捌玖';
const positions = ['', '拾', '佰', '仟'];
const sections = ['', '万', '亿'];

/** One group of four digits (1–9999), with 零 for the zeros inside it but not at its end. */
function section(value: number): string {
  let text = '';
  let zero = false;
  for (let p = 3; p >= 0; p--) {
    const d = Math.floor(value / 10 ** p) % 10;
    if (d === 0) {
      zero = text.length > 0;
      continue;
    }
    if (zero) text += '零';
    text += digits[d] + positions[p];
    zero = false;
  }
  return text;
}

function wholeYuan(value: number): string {
  const groups: number[] = [];
  for (let v = value; v > 0; v = Math.floor(v / 10_000)) groups.push(v % 10_000);
  let text = '';
  let skipped = false;
  for (let i = groups.length - 1; i >= 0; i--) {
    if (groups[i] === 0) {
      skipped = text.length > 0;
      continue;
    }
    // A group below a thousand, or after a whole empty group, is read with 零 before it (壹万零伍佰).
    if (text.length > 0 && (skipped || groups[i] < 1000)) text += '零';
    text += section(groups[i]) + sections[i];
    skipped = false;
  }
  return text;
}

/**
 * An amount in Chinese capitals (大写), as the receipt writes it: 壹佰贰拾叁元肆角伍分, 壹佰元整, 壹佰元零伍分.
 * Shown while the cashier types, so the amount is read back before money is taken; the receipt's own words come
 * from the API.
 */
export function amountInWords(fen: number): string {
  if (!Number.isInteger(fen) || fen < 0) return '';
  const yuan = Math.floor(fen / 100);
  const jiao = Math.floor(fen / 10) % 10;
  const cents = fen % 10;
  if (jiao === 0 && cents === 0) return yuan === 0 ? '零元整' : `${wholeYuan(yuan)}元整`;
  let text = '';
  if (yuan > 0) {
    text += `${wholeYuan(yuan)}元`;
    // A zero between 元 and what follows is read: 壹佰元零伍分, 壹拾元零伍角.
    if (jiao === 0 || yuan % 10 === 0) text += '零';
  }
  if (jiao > 0) text += `${digits[jiao]}角`;
  if (cents > 0) text += `${digits[cents]}分`;
  return text;
}

/**
 * A new idempotency key: one per payment the cashier means to take, so a double click or a resend after a lost
 * answer pays once. crypto.randomUUID needs a secure context; getRandomValues works everywhere.
 */
export function newIdempotencyKey(): string {
  if (typeof crypto.randomUUID === 'function') return `desk-${crypto.randomUUID()}`;
  const bytes = crypto.getRandomValues(new Uint8Array(16));
  return `desk-${Array.from(bytes, (b) => b.toString(16).padStart(2, '0')).join('')}`;
}

/** Open lines oldest first, as a payment is allocated (earliest due date, then period). */
export function openLinesOldestFirst(lines: BillLine[]): BillLine[] {
  return lines
    .filter((l) => l.status === 'open' && toFen(l.amountOpen) > 0)
    .sort((a, b) => a.dueDate.localeCompare(b.dueDate) || a.period.localeCompare(b.period) || a.item.localeCompare(b.item));
}

/** How a payment of `fen` would fall on the open lines (oldest first): what each line gets, and the credit left. */
export function previewAllocation(open: BillLine[], fen: number): { shares: Map<string, number>; credit: number } {
  let left = fen;
  const shares = new Map<string, number>();
  for (const line of openLinesOldestFirst(open)) {
    if (left <= 0) break;
    const share = Math.min(left, toFen(line.amountOpen));
    shares.set(line.id, share);
    left -= share;
  }
  return { shares, credit: Math.max(left, 0) };
}

/** Sums of the run's lines to issue, per fee item (the run view gives them per building only). */
export function totalsByItem(lines: BillRunLine[]): { item: FeeItem; lines: number; fen: number }[] {
  const totals = new Map<FeeItem, { item: FeeItem; lines: number; fen: number }>();
  for (const line of lines) {
    if (line.alreadyBilled) continue;
    const total = totals.get(line.item) ?? { item: line.item, lines: 0, fen: 0 };
    total.lines += 1;
    total.fen += toFen(line.amount);
    totals.set(line.item, total);
  }
  return [...totals.values()].sort((a, b) => feeItems.indexOf(a.item) - feeItems.indexOf(b.item));
}

/** A CSV field: quoted when it holds a separator, a quote or a line break; a leading =+-@ is defused for spreadsheets. */
export function csvField(value: string | number): string {
  let text = String(value);
  if (/^[=+\-@]/.test(text) && !/^-?\d/.test(text)) text = `'${text}`;
  return /[",\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

/** The arrears aging as CSV: one row per unit with its building, then a total row per building and the property. */
export function arrearsCsv(arrears: Arrears, header: string[], totalLabel: string): string {
  const money = (v: number | string) => fenToDecimal(toFen(v));
  const bucketCells = (a: Aging) => [...agingBuckets.map((b) => money(a[b])), money(a.total)];
  const rows: (string | number)[][] = [header];
  for (const building of arrears.buildings) {
    for (const unit of building.units) {
      rows.push([building.buildingName, unit.unitNumber, unit.oldestDueDate, ...bucketCells(unit.aging)]);
    }
    rows.push([building.buildingName, totalLabel, '', ...bucketCells(building.aging)]);
  }
  rows.push([totalLabel, '', '', ...bucketCells(arrears.total)]);
  return rows.map((r) => r.map(csvField).join(',')).join('\r\n') + '\r\n';
}

/** Saves text as a download (UTF-8 with a BOM, so spreadsheet programs read 汉字 right). */
export function download(name: string, text: string, type = 'text/csv;charset=utf-8') {
  const url = URL.createObjectURL(new Blob(['\uFEFF', text], { type }));
  Object.assign(document.createElement('a'), { href: url, download: name }).click();
  setTimeout(() => URL.revokeObjectURL(url), 1000);
}

/** A month as the API takes it (yyyy-MM); `offset` months from this one. */
export function monthOf(offset = 0, from = new Date()): string {
  const d = new Date(from.getFullYear(), from.getMonth() + offset, 1);
  return `${d.getFullYear()}-${String(d.getMonth() + 1).padStart(2, '0')}`;
}

/** A fraction (0.9532) as a percentage to two decimals (95.32%); — when the period billed nothing. */
export function formatRate(rate: number | string | null | undefined): string {
  if (rate === null || rate === undefined || rate === '') return '—';
  return `${(Math.round(Number(rate) * 10000) / 100).toFixed(2)}%`;
}

// Deposits and cash days, as generated (src/api/types/billing.ts). Decimals come as JSON numbers or strings, as elsewhere.
type Decimal = number | string;
export type Actor = B['Actor'];
export type DepositKind = B['DepositKind'];
/**
 * `owed`: an access card's deposit the front desk issued, not taken yet; `cancelled`: the card came back before it was;
 * `refund_due`: the card came back after the desk's cash day was closed, so a cashier is to pay it out.
 */
export type DepositStatus = B['DepositStatus'];
export type DepositStepKind = B['DepositStepKind'];
export const depositKinds: DepositKind[] = ['renovation', 'access_card', 'other'];
export type DepositStep = B['DepositStepView'];
/** A deposit; `accessCardId`, `cardNumber`: the access card (出入证) it is for, from the front desk; `cardLost`: reported lost while still owed. */
export type Deposit = B['DepositView'];
export type TakeOwedDepositRequest = B['TakeOwedDepositRequest'];
export type DepositBalance = B['DepositBalanceView'];
export type TakeDepositRequest = B['TakeDepositRequest'];
export type RefundDepositRequest = B['RefundDepositRequest'];
export type ForfeitDepositRequest = B['ForfeitDepositRequest'];

export type CashReceipt = B['CashReceipt'];
export type CashDepositStep = B['CashDepositStep'];
/** A cashier's day; `id`, `counted`, `difference`, `balanced`, `supervisorNote`, `closedAt`, `closedBy` are null until closed. */
export type CashDay = B['CashDayView'];
export type ClosedCashDay = B['ClosedCashDayView'];
export type CloseCashDayRequest = B['CloseCashDayRequest'];

/** Cash counted, in fen: zero is a count too (a day without cash); null when it is not an amount of at most two decimals. */
export function parseCounted(text: string): number | null {
  if (text.trim().replace(/[,，¥￥\s]/g, '') === '0') return 0;
  if (/^0+(\.0{1,2})?$/.test(text.trim())) return 0;
  return parseAmount(text);
}

/**
 * Counted against expected (票款相符 when equal): over (长款) when more cash is in the drawer than the receipts and deposits
 * say, short (短款) when less. The API refuses a mismatch unless a manager closes it with a note.
 */
export function cashDifference(expected: Decimal, countedFen: number): { fen: number; kind: 'balanced' | 'over' | 'short' } {
  const fen = countedFen - toFen(expected);
  return { fen, kind: fen === 0 ? 'balanced' : fen > 0 ? 'over' : 'short' };
}

/** What the day's cash adds up to, from its lines: valid receipts, plus deposits taken, less deposits refunded. */
export function expectedFen(day: Pick<CashDay, 'receipts' | 'deposits'>): number {
  const receipts = day.receipts.filter((r) => !r.voided).reduce((sum, r) => sum + toFen(r.amount), 0);
  const deposits = day.deposits.reduce((sum, d) => sum + (d.kind === 'refunded' ? -toFen(d.amount) : d.kind === 'taken' ? toFen(d.amount) : 0), 0);
  return receipts + deposits;
}

/** Today as the API's day (yyyy-MM-dd), in the browser's time zone (the property's for the desk). */
export function today(from = new Date()): string {
  return `${from.getFullYear()}-${String(from.getMonth() + 1).padStart(2, '0')}-${String(from.getDate()).padStart(2, '0')}`;
}

// Meter readings, declared by hand from MeterReadingsApi.cs: the generated MeterReadingView types `item` as any fee
// item, where a reading is only ever water or electricity.
export type MeterItem = 'water' | 'electricity';
export const meterItems: MeterItem[] = ['water', 'electricity'];
export type MeterReadingStatus = 'accepted' | 'flagged' | 'confirmed';
export interface MeterReading {
  id: string; propertyId: string; unitId: string; buildingName: string; unitNumber: string; item: MeterItem; meter: string; readOn: string;
  period: string; value: Decimal; previous: Decimal | null; usage: Decimal | null; status: MeterReadingStatus; flagReason: string | null;
  readAt: string; readBy: Actor; confirmedBy: Actor | null; confirmedAt: string | null;
}
export interface MeterReadingRequest { unitId: string; item: MeterItem; meter: string | null; readOn: string; value: string }
export interface MeterReadingImport {
  accepted: number; flagged: number; refused: number; readings: MeterReading[]; problems: { line: number; text: string; reason: string }[];
}

/** A meter reading as typed, as the decimal text sent: zero or more, at most three decimals; null otherwise. */
export function parseReading(text: string): string | null {
  const trimmed = text.trim().replace(/[,，\s]/g, '');
  return /^\d{1,12}(\.\d{1,3})?$/.test(trimmed) ? trimmed : null;
}
