import { useEffect, useRef, useState } from 'react';
import type { CreditsPicture, Site } from '@src/contract';
import { keyFingerprint } from '@src/lib/key-fingerprint';
import { accountPicturesItem } from '@src/storage/account-pictures';
import { magicubeBalancesItem } from '@src/storage/magicube-balance';
import { modelPricesItem } from '@src/storage/model-prices';
import type { BalanceFigure } from './calls-left';
import { creditsAsker, type CreditsAsker } from './credits-asker';
import { sourceState } from './credits-source';
import { followChanges } from './follow-stored';
import { askProblemText, type Asked } from './messaging';

/** The active key's account in credits, as the background last answered: loading, no answer at all, or the picture. */
export type CreditsView = { state: 'loading' } | { state: 'failed'; message: string } | { state: 'ok'; picture: CreditsPicture };

const LOADING: CreditsView = { state: 'loading' };

function nextView(previous: CreditsView | undefined, asked: Asked<'credits'>): CreditsView {
  if (asked.ok && asked.reply.data) return { state: 'ok', picture: asked.reply.data };
  // A later ask that failed leaves the figures shown: each says how old it is, and keeps saying it.
  if (previous?.state === 'ok') return previous;
  return { state: 'failed', message: asked.ok ? asked.reply.message : askProblemText(asked.problem) };
}

/**
 * The account picture of the active key: asked when the popup opens and after each Check (`checksDone` counts
 * them), and again whenever the stored balance, account picture or prices change. Never another key's figures.
 */
export function useCredits(secret: string | null | undefined, site: Site, checksDone: number): CreditsView | undefined {
  const [view, setView] = useState<CreditsView | undefined>(secret ? LOADING : undefined);
  const asker = useRef<CreditsAsker | null>(null);
  useEffect(() => {
    setView(secret ? LOADING : undefined);
    if (!secret) return;
    let live = true;
    let stops: Array<() => void> = [];
    const current = creditsAsker((asked) => setView((previous) => nextView(previous, asked)));
    asker.current = current;
    current.now();
    void keyFingerprint(secret, site).then((keyId) => {
      if (!live) return;
      stops = [
        followChanges(accountPicturesItem, (all) => all[keyId], current.soon),
        followChanges(magicubeBalancesItem, (all) => all[keyId], current.soon),
        followChanges(modelPricesItem, (all) => all[site], current.soon),
      ];
    });
    return () => {
      live = false;
      current.stop();
      for (const stop of stops) stop();
      asker.current = null;
    };
  }, [secret, site]);
  useEffect(() => {
    if (checksDone > 0) asker.current?.now();
  }, [checksDone]);
  return view;
}

/** The balance the rows divide by their prices, with its source; null when there is none to divide. */
/** False when ModelScope answers but withholds the ledger and never returned it; a passing failure does not count. */
export function ledgerAnswers(view: CreditsView | undefined): boolean {
  if (view?.state !== 'ok') return true;
  const { ledger } = view.picture.sources;
  return !(ledger.status === 'not_returned' && ledger.read_at === null);
}

export function balanceFigure(view: CreditsView | undefined): BalanceFigure | null {
  if (view?.state !== 'ok' || view.picture.balance === null) return null;
  return { available: view.picture.balance.available_balance, source: sourceState(view.picture.sources.balance) };
}
