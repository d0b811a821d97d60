import { i18n } from '#i18n';
import type { ModelsReply } from '@src/contract';
import { fetchModelCatalogue } from '@src/modelscope/catalogue';
import { checkSettingsItem } from '@src/storage/check-settings';
import { refusal } from '../replies';

/** The API-Inference catalogue. Free and keyless. */
export async function handleModels(): Promise<ModelsReply> {
  const { timeoutSeconds } = await checkSettingsItem.get();
  const outcome = await fetchModelCatalogue({ timeoutMs: timeoutSeconds * 1000 });
  if (!outcome.ok) {
    return refusal('models', i18n.t('reply.catalogueFailed', [outcome.error]), { code: outcome.kind, status: outcome.status });
  }
  return { success: true, data: outcome.ids, message: i18n.t('reply.catalogue', [outcome.ids.length]) };
}
