// Reception's API as the console uses it; the types are generated from its OpenAPI document.
import type { components } from '../../api/types/reception';

type R = components['schemas'];

export type Visit = R['VisitView'];
export type VisitPage = R['PageOfVisitView'];
export type VisitStatus = R['VisitStatus'];
export type IdDocumentType = R['IdDocumentType'];
export type RegisterVisitRequest = R['RegisterVisitRequest'];
export type LostItem = R['LostItemView'];
export type LostItemPage = R['PageOfLostItemView'];
export type LostItemStatus = R['LostItemStatus'];
export type LostItemCategory = R['LostItemCategory'];
export type LostItemDisposal = R['LostItemDisposal'];
export type UnitKey = R['UnitKeyView'];
export type UnitKeyPage = R['PageOfUnitKeyView'];

export const base = '/api/reception';
export const idTypes: IdDocumentType[] = ['resident_id_card', 'passport', 'other'];
export const lostCategories: LostItemCategory[] = ['general', 'document', 'cash', 'securities'];
export const lostStatuses: LostItemStatus[] = ['held', 'claimed', 'disposed'];
export const disposals: LostItemDisposal[] = ['handed_to_police', 'donated', 'destroyed', 'sold'];

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
