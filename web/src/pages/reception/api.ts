// Reception's API as the console uses it; the types are generated from its OpenAPI document.
import type { components } from '../../api/types/reception';

type R = components['schemas'];

export type Visit = R['VisitView'];
export type VisitPage = R['PageOfVisitView'];
export type VisitStatus = R['VisitStatus'];
export type IdDocumentType = R['IdDocumentType'];
export type RegisterVisitRequest = R['RegisterVisitRequest'];
export type VisitorCategory = R['VisitorCategory'];
export type LostItem = R['LostItemView'];
export type LostItemPage = R['PageOfLostItemView'];
export type LostItemStatus = R['LostItemStatus'];
export type LostItemCategory = R['LostItemCategory'];
export type LostItemDisposal = R['LostItemDisposal'];
export type ReceptionPhoto = R['ReceptionPhotoView'];
export type LostItemNotice = R['LostItemNoticeView'];
export type LostItemNoticePage = R['PageOfLostItemNoticeView'];
export type MyLostItemClaim = R['MyLostItemClaimView'];
export type ClaimRequest = R['ClaimRequestView'];
export type Inspection = R['InspectionView'];
export type InspectionPage = R['PageOfInspectionView'];
export type InspectionKind = R['InspectionKind'];
export type RecordInspectionRequest = R['RecordInspectionRequest'];
export type UnitKey = R['UnitKeyView'];
export type UnitKeyPage = R['PageOfUnitKeyView'];
export type Enquiry = R['EnquiryView'];
export type EnquiryPage = R['PageOfEnquiryView'];
export type EnquiryChannel = R['EnquiryChannel'];

export const base = '/api/reception';
export const idTypes: IdDocumentType[] = ['resident_id_card', 'passport', 'other'];
export const visitorCategories: VisitorCategory[] = ['ordinary', 'vip', 'government', 'media'];
export const lostCategories: LostItemCategory[] = ['general', 'document', 'cash', 'securities'];
export const lostStatuses: LostItemStatus[] = ['held', 'claimed', 'disposed'];
export const disposals: LostItemDisposal[] = ['handed_to_police', 'donated', 'destroyed', 'sold'];
export const enquiryChannels: EnquiryChannel[] = ['in_person', 'phone', 'other'];

/** Today's date at the property as the list filters take it (YYYY-MM-DD, the browser's local day). */
export function today(): string {
  const now = new Date();
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${now.getFullYear()}-${pad(now.getMonth() + 1)}-${pad(now.getDate())}`;
}

/** Splits a day's visits into the gate's three lists. */
export function splitVisits(visits: Visit[]): { expected: Visit[]; onSite: Visit[]; departed: Visit[] } {
  return {
    expected: visits.filter((v) => v.status === 'expected'),
    onSite: visits.filter((v) => v.status === 'checked_in'),
    departed: visits.filter((v) => v.status === 'checked_out'),
  };
}

export type RegisterWalkInRequest = R['RegisterWalkInRequest'];
export type ExitPass = R['ExitPassView'];
export type ExitPassPage = R['PageOfExitPassView'];
export type ExitPassStatus = R['ExitPassStatus'];
export type Handover = R['HandoverView'];
export type HandoverPage = R['PageOfHandoverView'];
export type OpenItem = R['OpenItemView'];

/** The desk's three visitor lists of the day: walk-ins waiting for their host, the expected, and those on site. */
export function deskLists(visits: Visit[]): { awaiting: Visit[]; expected: Visit[]; onSite: Visit[] } {
  return {
    awaiting: visits.filter((v) => v.status === 'awaiting_host'),
    expected: visits.filter((v) => v.status === 'expected'),
    onSite: visits.filter((v) => v.status === 'checked_in'),
  };
}

export type AccessCard = R['AccessCardView'];
export type AccessCardPage = R['PageOfAccessCardView'];
export type AccessCardStatus = R['AccessCardStatus'];
export type IssueAccessCardRequest = R['IssueAccessCardRequest'];
export type BlocklistEntry = R['BlocklistEntryView'];
export type BlocklistPage = R['PageOfBlocklistEntryView'];
export type Vehicle = R['VehicleView'];
export type VehiclePage = R['PageOfVehicleView'];
export type ApplyExitPassRequest = R['ApplyExitPassRequest'];

export const accessCardStatuses: AccessCardStatus[] = ['issued', 'returned', 'lost'];

/**
 * What a visitor's QR code carries: the property and the pass code, so the gate's scanner finds the visit with the same
 * look-up as a typed code. Plain text, nothing secret beyond the code itself.
 */
export function passPayload(visit: Pick<Visit, 'propertyId' | 'passCode'>): string {
  return `PPVISIT:${visit.propertyId}:${visit.passCode}`;
}

/** The pass code in a scanned QR payload (or a typed 8-digit code), or null when it is neither. */
export function passCodeFrom(scanned: string): string | null {
  const text = scanned.trim();
  if (/^\d{8}$/.test(text)) return text;
  const match = /^PPVISIT:[0-9a-f-]{36}:(\d{8})$/i.exec(text);
  return match ? match[1] : null;
}

/** A release at the gate: every line in full, or the quantities the guard lets out (lines with 0 stay in). */
export function releaseLines(pass: ExitPass, quantities?: Record<number, number>): { sequence: number; quantity: number }[] {
  // The generated types allow numbers sent as strings; the service writes numbers.
  return pass.items
    .map((i) => {
      const sequence = Number(i.sequence);
      const listed = Number(i.quantity);
      return { sequence, quantity: quantities ? Math.min(quantities[sequence] ?? 0, listed) : listed };
    })
    .filter((l) => l.quantity > 0);
}

/** Whether the release lets everything out; a partial release needs a note saying why the rest stays. */
export function isFullRelease(pass: ExitPass, lines: { sequence: number; quantity: number }[]): boolean {
  return pass.items.every((i) => lines.find((l) => l.sequence === Number(i.sequence))?.quantity === Number(i.quantity));
}
export type Signer = R['SignerView'];
