import { i18n } from '#i18n';
import { activeAccount, type ActiveAccount } from '@src/account/active';
import { refreshAccount } from '@src/account/refresh';
import { checkAndKeep } from '@src/check/run';
import { COMMANDS, parseCommand, type AnyCommand, type CommandName, type CommandReply, type CommandRequest } from '@src/commands/protocol';
import { websiteHost } from '@src/modelscope/endpoints';
import { activeFavourites } from '@src/storage/favourite-lists';
import { catalogueOf } from './catalogue';
import { checkSummaryText } from './check-summary';
import { hasSiteAccess } from './site-access';

type Usable = { ok: true; active: ActiveAccount } | { ok: false; message: string };

/** The active account, when there is one and the browser lets the extension reach its site. */
async function usableAccount(): Promise<Usable> {
  const active = await activeAccount();
  if (active === null) return { ok: false, message: i18n.t('reply.noSavedKey') };
  if (!(await hasSiteAccess(active.site))) return { ok: false, message: i18n.t('reply.siteAccessMissing', [websiteHost(active.site)]) };
  return { ok: true, active };
}

type Handler<T extends CommandName> = (request: CommandRequest<T>) => Promise<CommandReply<T>>;

const HANDLERS: { [T in CommandName]: Handler<T> } = {
  async refresh({ models, offersNow }) {
    const usable = await usableAccount();
    if (!usable.ok) return usable;
    await refreshAccount(usable.active, { models: models ?? (await activeFavourites()), offersNow });
    return { ok: true, message: '' };
  },
  async check({ models, force }) {
    const usable = await usableAccount();
    if (!usable.ok) return usable;
    const list = models ?? (await activeFavourites());
    if (list.length === 0) return { ok: false, message: i18n.t('reply.noFavourites') };
    const { ok, text } = checkSummaryText(await checkAndKeep(usable.active, list, { force }));
    return { ok, message: text };
  },
  async catalogue({ site }) {
    const outcome = await catalogueOf(site);
    if (outcome.ok) return { ok: true, message: i18n.t('reply.catalogue', [outcome.ids.length]), ids: outcome.ids };
    if (outcome.kind === 'no_site_access') return { ok: false, message: i18n.t('reply.siteAccessMissing', [websiteHost(site)]) };
    return { ok: false, message: i18n.t('reply.catalogueFailed', [outcome.error]) };
  },
};

function dispatch<T extends CommandName>(command: CommandRequest<T> & { command: T }): Promise<CommandReply<T>> {
  return HANDLERS[command.command](command);
}

/** One of our pages' commands: every one gets a reply its schema accepts, never a throw, and names no secret. */
export async function handleCommand(raw: { command: unknown }): Promise<unknown> {
  const command: AnyCommand | null = parseCommand(raw);
  if (command === null) return { ok: false, message: i18n.t('reply.invalidRequest', [i18n.t('reply.problem.invalidMessage')]) };
  try {
    const reply = await dispatch(command);
    return COMMANDS[command.command].reply.parse(reply);
  } catch (error) {
    // Only the error's name: its text could carry anything, the key included.
    return { ok: false, message: i18n.t('reply.internalError', [error instanceof Error ? error.name : 'unknown error']) };
  }
}
