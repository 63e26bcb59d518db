import type { Occupancy, Unit } from '../api/schema';

export interface UnitChoice {
  unit: Unit;
  holders: { occupantId: string; name: string; kind: string; phone: string | null }[];
}

/** A masked list phone ("138****8000") matches a whole number whose visible digits agree, or a start or end typed. */
export function phoneMatches(masked: string | null, typed: string): boolean {
  if (!masked) return false;
  const digits = typed.replace(/[\s-]/g, '');
  if (!/^\+?\d{3,}$/.test(digits)) return false;
  if (digits.length === masked.length) return [...masked].every((c, i) => c === '*' || c === digits[i]);
  const visible = masked.split(/\*+/);
  return visible.some((part) => part.length >= 3 && (part.startsWith(digits) || part.endsWith(digits) || part.includes(digits)));
}

/** Joins units with who holds them now; phones come from the occupant list (masked there). */
export function unitChoices(units: Unit[], occupancies: Occupancy[], phones: Map<string, string | null>): UnitChoice[] {
  const byUnit = new Map<string, UnitChoice['holders']>();
  for (const o of occupancies) {
    const holders = byUnit.get(o.unitId) ?? [];
    if (!holders.some((h) => h.occupantId === o.occupantId)) {
      holders.push({ occupantId: o.occupantId, name: o.occupantName, kind: o.occupantKind, phone: phones.get(o.occupantId) ?? null });
    }
    byUnit.set(o.unitId, holders);
  }
  return units
    .map((unit) => ({ unit, holders: byUnit.get(unit.id) ?? [] }))
    .sort((a, b) => a.unit.buildingName.localeCompare(b.unit.buildingName, 'zh-CN') || a.unit.number.localeCompare(b.unit.number, 'zh-CN', { numeric: true }));
}

/** Finds units by number (with or without the building), occupant name or phone; unit-number hits first. */
export function searchUnits(choices: UnitChoice[], text: string, limit = 30): UnitChoice[] {
  const q = text.trim().toLowerCase();
  if (!q) return choices.slice(0, limit);
  const scored: { choice: UnitChoice; score: number }[] = [];
  for (const choice of choices) {
    const number = choice.unit.number.toLowerCase();
    const full = `${choice.unit.buildingName}${choice.unit.number}`.toLowerCase();
    let score = 0;
    if (number === q || full === q.replace(/\s/g, '')) score = 4;
    else if (number.startsWith(q)) score = 3;
    else if (number.includes(q) || full.includes(q.replace(/\s/g, ''))) score = 2;
    else if (choice.holders.some((h) => h.name.toLowerCase().includes(q) || phoneMatches(h.phone, q))) score = 1;
    if (score > 0) scored.push({ choice, score });
  }
  return scored.sort((a, b) => b.score - a.score).slice(0, limit).map((s) => s.choice);
}
