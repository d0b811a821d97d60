import { useEffect, useState } from 'react';
import type { Site } from '@src/contract';
import { ask, askProblemText } from './messaging';

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
    void ask({ type: 'models', site }).then((asked) => {
      if (!live) return;
      if (!asked.ok) return setCatalogue({ ids: null, message: askProblemText(asked.problem) });
      setCatalogue({ ids: asked.reply.success ? asked.reply.data : null, message: asked.reply.message });
    });
    return () => {
      live = false;
    };
  }, [site]);
  return catalogue;
}
