import { useEffect, useEffectEvent, useRef, useState } from 'react';
import type { BalanceRequest } from '@src/contract';
import { preferencesItem } from '@src/storage/preferences';
import { ask, askProblemText } from './messaging';
import { useStoredValue } from './use-stored-value';

export interface Check {
  /** Models whose check is under way. */
  checking: ReadonlySet<string>;
  /** What the last check said when it ended; null while one runs or before any. */
  summary: string | null;
  /** How many checks have ended since the popup opened: what follows a check (the credits) re-reads on each. */
  checksDone: number;
  /** The whole active list, reusing fresh results. */
  checkAll: () => void;
  /** One row (↻), bypassing the cache for it alone. */
  checkOne: (model: string) => void;
}

/** Checks of the active list from the popup, and the one on open when the user turned that on. */
export function useCheck(secret: string | null | undefined, models: readonly string[]): Check {
  const [preferences] = useStoredValue(preferencesItem);
  const [checking, setChecking] = useState<ReadonlySet<string>>(new Set());
  const [summary, setSummary] = useState<string | null>(null);
  const [checksDone, setChecksDone] = useState(0);

  const run = async (request: BalanceRequest, targets: readonly string[]) => {
    setChecking((current) => new Set([...current, ...targets]));
    setSummary(null);
    const asked = await ask(request);
    setSummary(asked.ok ? asked.reply.message : askProblemText(asked.problem));
    setChecking((current) => new Set([...current].filter((model) => !targets.includes(model))));
    setChecksDone((done) => done + 1);
  };
  const checkAll = () => void run({ type: 'balance' }, models);
  const checkOne = (model: string) => void run({ type: 'balance', models: [model], force: true }, [model]);

  // Opening the popup spends nothing, unless the user asked for a check on every open.
  const checkedOnOpen = useRef(false);
  const checkOnOpen = useEffectEvent(checkAll);
  useEffect(() => {
    if (checkedOnOpen.current || !preferences?.checkOnOpen || !secret || models.length === 0) return;
    checkedOnOpen.current = true;
    checkOnOpen();
  }, [preferences?.checkOnOpen, secret, models.length]);

  return { checking, summary, checksDone, checkAll, checkOne };
}
