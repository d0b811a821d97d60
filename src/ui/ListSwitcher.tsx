import { i18n } from '#i18n';
import type { FavouriteLists } from '@src/storage/favourite-lists';
import { chooseList } from '@src/storage/key-lists';
import { listDisplayName } from './list-name';
import { useWriteProblem } from './use-write-problem';

/** The popup's choice of active list, remembered as the active key's list; shown once more than one exists. */
export function ListSwitcher({ lists, activeKeyId }: { lists: FavouriteLists; activeKeyId: string | null }) {
  const [problem, attempt] = useWriteProblem();
  if (lists.lists.length < 2) return null;
  return (
    <span>
      <label htmlFor="list-switcher">{i18n.t('ui.list')}</label>{' '}
      <select
        id="list-switcher"
        value={lists.activeId}
        onChange={(event) => {
          // Read now: the controlled select puts its old value back before the change applies.
          const activeId = event.target.value;
          void attempt(chooseList(activeId, activeKeyId));
        }}
      >
        {lists.lists.map((list) => (
          <option key={list.id} value={list.id}>{listDisplayName(list)}</option>
        ))}
      </select>
      {problem && <> <span role="alert" className="problem">{problem}</span></>}
    </span>
  );
}
