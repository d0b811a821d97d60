import { i18n } from '#i18n';
import { useId, useState, type FormEvent } from 'react';
import { MAX_MODELS_PER_REQUEST } from '@src/contract';
import type { OfferEntry } from '@src/account/offers';
import { MAX_LIST_NAME_LENGTH, type FavouriteLists } from '@src/storage/favourite-lists';
import type { Change } from '@src/storage/validated-item';
import type { WriteResult } from '@src/storage/write-result';
import { addModel, deleteList, moveModel, newList, removeModel, renameList } from '../list-editing';
import { listDisplayName } from '../list-name';
import { OfferSummary } from '../OfferSummary';
import { looksLikeModelId } from '../model-id';
import { parseModelList } from '../model-list';
import { writeProblemText } from '../problem-text';
import type { Catalogue } from '../use-catalogue';
import { useDraft } from '../use-draft';

interface Props {
  lists: FavouriteLists;
  catalogue: Catalogue;
  /** Applies a change to the lists as stored when it lands, not to the copy this page rendered from. */
  onChange: (change: Change<FavouriteLists>) => Promise<WriteResult<FavouriteLists>>;
  /** What the provider list says of each model, read with the saved key's account; null without a key. */
  offers: Readonly<Record<string, OfferEntry>> | null;
  now: number;
}

interface Notice {
  text: string;
  kind: 'problem' | 'hint';
}

/**
 * Named favourite lists: pick one to edit, rename, reorder, add ids (checked before any quota is spent), each model with
 * what the provider list says of it.
 */
export function ListsEditor({ lists, catalogue, onChange, offers, now }: Props) {
  const [editingId, setEditingId] = useState<string>();
  const [draftModel, setDraftModel] = useState('');
  const [notice, setNotice] = useState<Notice | null>(null);
  const datalistId = useId();
  const editing = lists.lists.find((list) => list.id === (editingId ?? lists.activeId)) ?? lists.lists[0]!;
  const editingName = listDisplayName(editing);
  // Another list picked, or this one renamed elsewhere: the field shows its name.
  const [name, setName] = useDraft(editingName, [editing.id, editingName]);

  const save = async (change: Change<FavouriteLists>) => {
    const saved = await onChange(change);
    if (!saved.ok) setNotice({ kind: 'problem', text: writeProblemText(saved.problem) });
    return saved.ok;
  };

  // Several ids may be pasted at once, separated by commas or newlines; nothing is added unless all look right.
  const submitModels = async (event: FormEvent) => {
    event.preventDefault();
    const ids = parseModelList(draftModel);
    const misshapen = ids.find((id) => !looksLikeModelId(id));
    if (misshapen !== undefined) return setNotice({ kind: 'problem', text: i18n.t('ui.lists.badShape', [misshapen]) });
    const repeated = ids.find((id) => editing.models.includes(id));
    if (repeated !== undefined) return setNotice({ kind: 'problem', text: i18n.t('ui.lists.duplicate', [repeated]) });
    if (ids.length === 0) return;
    if (editing.models.length + ids.length > MAX_MODELS_PER_REQUEST) return setNotice({ kind: 'problem', text: i18n.t('ui.lists.full') });
    if (!(await save((current) => ids.reduce((next, id) => addModel(next, editing.id, id), current)))) return;
    setDraftModel('');
    const unknown = catalogue.ids === null ? undefined : ids.find((id) => !catalogue.ids?.includes(id));
    setNotice(unknown ? { kind: 'hint', text: i18n.t('ui.lists.notInCatalogue', [unknown]) } : null);
  };

  const createList = async () => {
    const id = `list-${crypto.randomUUID().slice(0, 8)}`;
    if (await save((current) => newList(current, id, i18n.t('ui.lists.newListName', [current.lists.length + 1])))) setEditingId(id);
  };

  const rename = async () => {
    if (name.trim() === listDisplayName(editing)) return;
    if (await save((current) => renameList(current, editing.id, name))) setNotice(null);
  };

  return (
    <>
      <div className="row">
        <label htmlFor="list-editing">{i18n.t('ui.list')}</label>
        <select id="list-editing" value={editing.id} onChange={(event) => setEditingId(event.target.value)}>
          {lists.lists.map((list) => (
            <option key={list.id} value={list.id}>
              {listDisplayName(list)} ({list.models.length})
            </option>
          ))}
        </select>
        {editing.id === lists.activeId ? (
          <span className="tag active">{i18n.t('ui.lists.isActive')}</span>
        ) : (
          <button type="button" className="small" onClick={() => void save((current) => ({ ...current, activeId: editing.id }))}>
            {i18n.t('ui.lists.makeActive')}
          </button>
        )}
        <button type="button" className="small" onClick={() => void createList()}>{i18n.t('ui.lists.newList')}</button>
        <button
          type="button"
          className="small danger"
          disabled={lists.lists.length === 1}
          onClick={() => void save((current) => deleteList(current, editing.id)).then((ok) => ok && setEditingId(undefined))}
        >
          {i18n.t('ui.lists.remove')}
        </button>
      </div>
      <div className="field">
        <label htmlFor="list-name">{i18n.t('ui.lists.name')}</label>
        <input
          id="list-name"
          value={name}
          maxLength={MAX_LIST_NAME_LENGTH}
          onChange={(event) => setName(event.target.value)}
          onBlur={() => void rename()}
        />
      </div>
      {editing.models.length === 0 ? (
        <p className="hint">{i18n.t('ui.lists.empty')}</p>
      ) : (
        <ol className="models">
          {editing.models.map((model, index) => (
            <li key={model}>
              <span className="list-model">
                <span className="mono">{model}</span>
                {offers && <OfferSummary entry={Object.hasOwn(offers, model) ? offers[model] : undefined} now={now} />}
              </span>
              <span className="buttons">
                <button type="button" className="icon" disabled={index === 0} aria-label={i18n.t('ui.lists.moveUp', [model])} onClick={() => void save((current) => moveModel(current, editing.id, model, -1))}>↑</button>
                <button type="button" className="icon" disabled={index === editing.models.length - 1} aria-label={i18n.t('ui.lists.moveDown', [model])} onClick={() => void save((current) => moveModel(current, editing.id, model, 1))}>↓</button>
                <button type="button" className="icon danger" aria-label={i18n.t('ui.lists.removeModel', [model])} onClick={() => void save((current) => removeModel(current, editing.id, model))}>×</button>
              </span>
            </li>
          ))}
        </ol>
      )}
      <form className="row" onSubmit={(event) => void submitModels(event)} noValidate>
        <label htmlFor="add-model" className="visually-hidden">{i18n.t('ui.lists.addModel')}</label>
        <input
          id="add-model"
          className="mono"
          list={datalistId}
          placeholder={i18n.t('ui.lists.addModel')}
          value={draftModel}
          spellCheck={false}
          onChange={(event) => setDraftModel(event.target.value)}
        />
        <datalist id={datalistId}>
          {catalogue.ids?.map((id) => <option key={id} value={id} />)}
        </datalist>
        <button type="submit" className="primary">{i18n.t('ui.lists.addButton')}</button>
      </form>
      <p className="hint">
        {catalogue.ids ? i18n.t('ui.lists.catalogueCount', [catalogue.ids.length]) : (catalogue.message ?? i18n.t('ui.lists.catalogueLoading'))}
      </p>
      {notice && <p role={notice.kind === 'problem' ? 'alert' : 'status'} className={notice.kind}>{notice.text}</p>}
    </>
  );
}
