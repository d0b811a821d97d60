import { browser } from 'wxt/browser';
import { defineBackground } from 'wxt/utils/define-background';
import { alertOnResults } from '@src/background/alerts';
import { BADGE_INPUTS, refreshBadge } from '@src/background/badge';
import { recordResults } from '@src/background/history-recorder';
import { listenForMessages } from '@src/background/listen';
import { refreshMagicubeWhenNoQuota } from '@src/background/magicube-refresh';
import { quietly } from '@src/lib/quietly';
import { ALARM_INPUTS, handleAlarm, syncAlarms } from '@src/background/scheduler';
import { watchNewResults } from '@src/storage/new-results';

export default defineBackground(() => {
  listenForMessages();
  const redrawBadge = () => quietly('the badge', refreshBadge);
  const syncSchedule = () => quietly('the schedule', () => syncAlarms());
  // Every start of this worker (install, browser start, a wake) sets the alarms and redraws the badge from storage,
  // once: nothing probes. The two listeners make the browser start the worker for those events, and hand it the
  // same work to wait for.
  const restored = Promise.all([syncSchedule(), redrawBadge()]);
  browser.runtime.onInstalled.addListener(() => restored);
  browser.runtime.onStartup.addListener(() => restored);
  browser.alarms.onAlarm.addListener((alarm) => quietly(`the alarm ${alarm.name}`, () => handleAlarm(alarm)));
  watchNewResults((results) => {
    void quietly('history', () => recordResults(results));
    void quietly('alerts', () => alertOnResults(results));
    void quietly('the Magicube refresh', () => refreshMagicubeWhenNoQuota(results));
  });
  for (const item of BADGE_INPUTS) item.watch(() => void redrawBadge());
  for (const item of ALARM_INPUTS) item.watch(() => void syncSchedule());
});
