import { Select } from 'antd';
import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { UnitChoice } from '../../components/unitSearch';
import { searchUnits } from '../../components/unitSearch';
import './texts';

/** Finds a unit by number, occupant or phone, as the cash desk does (deposits and meter readings use it too). */
export function UnitPicker({ choices, loading, value, onChange, id }: {
  choices: UnitChoice[]; loading: boolean; value: string | null; onChange: (id: string | null) => void; id: string;
}) {
  const { t } = useTranslation();
  const [search, setSearch] = useState('');
  const matches = useMemo(() => searchUnits(choices, search), [choices, search]);
  return (
    <Select
      id={id} showSearch allowClear filterOption={false} onSearch={setSearch} value={value ?? undefined} onChange={(v) => onChange(v ?? null)}
      loading={loading} placeholder={t('billing.desk.findPlaceholder')} notFoundContent={t('billing.desk.noMatch')}
      style={{ width: '100%', maxWidth: 560 }} aria-label={t('billing.desk.find')} data-testid={id}
      options={matches.map(({ unit, holders }) => ({
        value: unit.id,
        label: (
          <span>
            <b>{unit.buildingName} {unit.number}</b>
            <span className="pp-muted"> {holders.map((h) => `${h.name}${h.phone ? ` ${h.phone}` : ''}`).join('；')}</span>
          </span>
        ),
      }))}
    />
  );
}
