import { useEffect, useState } from 'react';
import type { Site } from '@src/contract';
import { modelPricesItem, pricesFor, sitePricesIn, type SitePrices } from '@src/storage/model-prices';
import { seededValue } from './first-paint';
import { followStored } from './follow-stored';

/** The stored model prices and learning notes of a site, kept in step with storage; undefined while loading. */
export function useModelPrices(site: Site): SitePrices | undefined {
  const [prices, setPrices] = useState<SitePrices | undefined>(() => {
    const seeded = seededValue(modelPricesItem);
    return seeded && sitePricesIn(seeded, site);
  });
  useEffect(
    () =>
      followStored(
        () => pricesFor(site),
        (callback) => modelPricesItem.watch((all) => callback(sitePricesIn(all, site))),
        setPrices,
      ),
    [site],
  );
  return prices;
}
