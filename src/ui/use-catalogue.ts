import { useEffect, useState } from 'react';
import type { Site } from '@src/contract';
import { ask, askedText } from './messaging';

export interface Catalogue {
  ids: readonly string[] | null;
  message: string | null;
}

/** A site's free API-Inference catalogue, fetched once per page and site for autocomplete and spelling checks. */
export function useCatalogue(site: Site | undefined): Catalogue {
  const [catalogue, setCatalogue] = useState<Catalogue>({ ids: null, message: null });
  useEffect(() => {
    let live = true;
    setCatalogue({ ids: null, message: null });
    // Not asked before the active key's site is known: another site's catalogue would go to its hosts.
    if (site === undefined) return;
    void ask({ command: 'catalogue', site }).then((asked) => {
      if (live) setCatalogue({ ids: asked.ok ? (asked.reply.ids ?? null) : null, message: askedText(asked) });
    });
    return () => {
      live = false;
    };
  }, [site]);
  return catalogue;
}
