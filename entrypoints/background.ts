import { browser } from 'wxt/browser';
import { defineBackground } from 'wxt/utils/define-background';
import { PAGE_WRITTEN_BADGE_INPUTS, redrawBadge } from '@src/account/badge';
import { listenForMessages } from '@src/background/listen';
import { ALARM_INPUTS, handleAlarm, syncAlarms } from '@src/background/scheduler';
import { quietly } from '@src/lib/quietly';

export default defineBackground(() => {
  const drawBadge = () => quietly('the badge', redrawBadge);
  const syncSchedule = () => quietly('the schedule', () => syncAlarms());
  listenForMessages();
  // Every start of this worker (install, browser start, a wake) sets the alarms and redraws the badge from storage,
  // once: nothing probes. The two listeners make the browser start the worker for those events, and hand it the
  // same work to wait for.
  const restored = Promise.all([syncSchedule(), drawBadge()]);
  browser.runtime.onInstalled.addListener(() => restored);
  browser.runtime.onStartup.addListener(() => restored);
  browser.alarms.onAlarm.addListener((alarm) => quietly(`the alarm ${alarm.name}`, () => handleAlarm(alarm)));
  // Only what our pages write is watched (a key or list switched, the schedule changed): what the worker writes
  // itself (results, the account's record, history, alerts shown) it follows by direct calls, never by hearing its own writes.
  for (const item of PAGE_WRITTEN_BADGE_INPUTS) item.watch(() => void drawBadge());
  for (const item of ALARM_INPUTS) item.watch(() => void syncSchedule());
});
