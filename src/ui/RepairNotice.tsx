import { i18n } from '#i18n';
import { useEffect, useState } from 'react';
import { clearRepairs, listRepairs, watchRepairs, type Repair } from '@src/storage/repairs';
import { followStored } from './follow-stored';

/** Tells the user when a stored setting was unreadable and reset, instead of silently changing it. */
export function RepairNotice() {
  const [repairs, setRepairs] = useState<Repair[]>([]);
  // A page's own first reads may be what finds the corruption, so keep listening after the first look.
  useEffect(() => followStored(listRepairs, watchRepairs, setRepairs), []);
  if (repairs.length === 0) return null;
  const names = [...new Set(repairs.map((repair) => repair.key.replace(/^\w+:/, '')))].join(', ');
  return (
    <div className="notice" role="alert">
      <span>{i18n.t('ui.repaired', [names])}</span>
      <button type="button" className="small" onClick={() => void clearRepairs()}>
        {i18n.t('ui.dismiss')}
      </button>
    </div>
  );
}
