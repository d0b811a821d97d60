import { useEffect, useState } from 'react';
import { ask } from './messaging';

export interface Catalogue {
  ids: readonly string[] | null;
  message: string | null;
}

/** The free API-Inference catalogue, fetched once per page for autocomplete and spelling checks. */
export function useCatalogue(): Catalogue {
  const [catalogue, setCatalogue] = useState<Catalogue>({ ids: null, message: null });
  useEffect(() => {
    let live = true;
    ask({ type: 'models' })
      .then((reply) => live && setCatalogue({ ids: reply.success ? reply.data : null, message: reply.message }))
      .catch((error: unknown) => live && setCatalogue({ ids: null, message: String(error) }));
    return () => {
      live = false;
    };
  }, []);
  return catalogue;
}
