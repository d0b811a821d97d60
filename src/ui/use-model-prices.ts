import { useEffect, useState } from 'react';
import type { Site } from '@src/contract';
import { modelPricesItem, pricesFor, type SitePrices } from '@src/storage/model-prices';
import { followStored } from './follow-stored';

const NONE: SitePrices = { models: {}, notes: {} };

/** The stored model prices and learning notes of a site, kept in step with storage; undefined while loading. */
export function useModelPrices(site: Site): SitePrices | undefined {
  const [prices, setPrices] = useState<SitePrices>();
  useEffect(
    () =>
      followStored(
        () => pricesFor(site),
        (callback) => modelPricesItem.watch((all) => callback(all[site] ?? NONE)),
        setPrices,
      ),
    [site],
  );
  return prices;
}
