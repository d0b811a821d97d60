import { i18n } from '#i18n';
import { apiKeyItem, checkSettingsItem, favouritesItem } from '../../src/settings/items';
import { ApiKeyField } from '../../src/ui/ApiKeyField';
import { CheckSettingsForm } from '../../src/ui/CheckSettingsForm';
import { ModelListField } from '../../src/ui/ModelListField';
import { useStoredValue } from '../../src/ui/use-stored-value';

export function App() {
  const [apiKey, saveApiKey] = useStoredValue(apiKeyItem);
  const [favourites, saveFavourites] = useStoredValue(favouritesItem);
  const [settings, saveSettings] = useStoredValue(checkSettingsItem);
  if (apiKey === undefined || favourites === undefined || settings === undefined) return null;
  return (
    <main className="options">
      <h1>{i18n.t('extName')}</h1>
      <ApiKeyField value={apiKey} onSave={saveApiKey} />
      <ModelListField value={favourites} onSave={saveFavourites} />
      <CheckSettingsForm value={settings} onSave={saveSettings} />
    </main>
  );
}
