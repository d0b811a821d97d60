import { useEffect, useState } from 'react';
import { DEFAULT_SITE } from '@src/contract';
import { modelPricesItem, pricesFor, type SitePrices } from '@src/storage/model-prices';
import { followStored } from './follow-stored';

const NONE: SitePrices = { models: {}, notes: {} };

/** The stored model prices and learning notes of the site, kept in step with storage; undefined while loading. */
export function useModelPrices(): SitePrices | undefined {
  const [prices, setPrices] = useState<SitePrices>();
  useEffect(
    () =>
      followStored(
        () => pricesFor(DEFAULT_SITE),
        (callback) => modelPricesItem.watch((all) => callback(all[DEFAULT_SITE] ?? NONE)),
        setPrices,
      ),
    [],
  );
  return prices;
}
