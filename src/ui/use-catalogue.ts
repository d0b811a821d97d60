import { useEffect, useState } from 'react';
import { ask, askProblemText } from './messaging';

export interface Catalogue {
  ids: readonly string[] | null;
  message: string | null;
}

/** The free API-Inference catalogue, fetched once per page for autocomplete and spelling checks. */
export function useCatalogue(): Catalogue {
  const [catalogue, setCatalogue] = useState<Catalogue>({ ids: null, message: null });
  useEffect(() => {
    let live = true;
    void ask({ type: 'models' }).then((asked) => {
      if (!live) return;
      if (!asked.ok) return setCatalogue({ ids: null, message: askProblemText(asked.problem) });
      setCatalogue({ ids: asked.reply.success ? asked.reply.data : null, message: asked.reply.message });
    });
    return () => {
      live = false;
    };
  }, []);
  return catalogue;
}
