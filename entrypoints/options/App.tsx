import { i18n } from '#i18n';
import { checkSettingsItem } from '../../src/settings/check-settings';
import { activeList, favouriteListsItem, setActiveListModels } from '../../src/settings/favourite-lists';
import { saveActiveSecret } from '../../src/settings/keyring';
import { useActiveKey } from '../../src/ui/use-active-key';
import { ApiKeyField } from '../../src/ui/ApiKeyField';
import { CheckSettingsForm } from '../../src/ui/CheckSettingsForm';
import { ModelListField } from '../../src/ui/ModelListField';
import { useStoredValue } from '../../src/ui/use-stored-value';

export function App() {
  const keyState = useActiveKey();
  const [lists] = useStoredValue(favouriteListsItem);
  const [settings, saveSettings] = useStoredValue(checkSettingsItem);
  if (keyState === undefined || lists === undefined || settings === undefined) return null;
  return (
    <main className="options">
      <h1>{i18n.t('extName')}</h1>
      <ApiKeyField value={keyState.secret ?? ''} onSave={(secret) => saveActiveSecret(secret, 'Key 1')} />
      <ModelListField value={activeList(lists).models} onSave={setActiveListModels} />
      <CheckSettingsForm value={settings} onSave={saveSettings} />
    </main>
  );
}
