import { useEffect, useEffectEvent, useRef, useState } from 'react';
import type { CommandRequest } from '@src/commands/protocol';
import { preferencesItem } from '@src/storage/preferences';
import { ask, askedText } from './messaging';
import { useStoredValue } from './use-stored-value';

export interface Check {
  /** Models whose check is under way. */
  checking: ReadonlySet<string>;
  /** What the last check said when it ended; null while one runs or before any. */
  summary: string | null;
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

  const run = async (request: CommandRequest<'check'>, targets: readonly string[]) => {
    setChecking((current) => new Set([...current, ...targets]));
    setSummary(null);
    setSummary(askedText(await ask(request)));
    setChecking((current) => new Set([...current].filter((model) => !targets.includes(model))));
  };
  const checkAll = () => void run({ command: 'check' }, models);
  const checkOne = (model: string) => void run({ command: 'check', models: [model], force: true }, [model]);

  // Opening the popup spends nothing, unless the user asked for a check on every open.
  const checkedOnOpen = useRef(false);
  const checkOnOpen = useEffectEvent(checkAll);
  useEffect(() => {
    if (checkedOnOpen.current || !preferences?.checkOnOpen || !secret || models.length === 0) return;
    checkedOnOpen.current = true;
    checkOnOpen();
  }, [preferences?.checkOnOpen, secret, models.length]);

  return { checking, summary, checkAll, checkOne };
}
