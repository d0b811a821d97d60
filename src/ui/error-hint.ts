import { i18n } from '#i18n';
import type { ErrorKind } from '@src/contract';

/** What a person should do about each kind of failure, in the UI language. */
export function errorHint(kind: ErrorKind): string {
  switch (kind) {
    case 'auth':
      return i18n.t('ui.hint.auth');
    case 'forbidden':
      return i18n.t('ui.hint.forbidden');
    case 'not_found':
      return i18n.t('ui.hint.not_found');
    case 'quota_exhausted':
      return i18n.t('ui.hint.quota_exhausted');
    case 'rate_limited':
      return i18n.t('ui.hint.rate_limited');
    case 'bad_request':
      return i18n.t('ui.hint.bad_request');
    case 'upstream':
      return i18n.t('ui.hint.upstream');
    case 'network':
      return i18n.t('ui.hint.network');
    case 'timeout':
      return i18n.t('ui.hint.timeout');
    case 'bad_response':
      return i18n.t('ui.hint.bad_response');
    case 'no_quota_headers':
      return i18n.t('ui.hint.no_quota_headers');
  }
}
