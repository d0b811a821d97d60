import { browser } from 'wxt/browser';
import { defineBackground } from 'wxt/utils/define-background';
import { alertOnResults } from '../src/background/alerts';
import { BADGE_INPUTS, refreshBadge } from '../src/background/badge';
import { recordResults } from '../src/background/history-recorder';
import { listenForMessages } from '../src/background/listen';
import { refreshMagicubeWhenNoQuota } from '../src/background/magicube-refresh';
import { quietly } from '../src/background/quietly';
import { ALARM_INPUTS, handleAlarm, syncAlarms } from '../src/background/scheduler';
import { watchNewResults } from '../src/settings/new-results';

export default defineBackground(() => {
  listenForMessages();
  const redrawBadge = () => quietly('the badge', refreshBadge);
  const syncSchedule = () => quietly('the schedule', () => syncAlarms());
  // Install, browser start and every wake only set alarms and redraw the badge from storage: nothing probes.
  // The listeners return their work, so the worker stays alive until it is done.
  browser.runtime.onInstalled.addListener(() => Promise.all([syncSchedule(), redrawBadge()]));
  browser.runtime.onStartup.addListener(() => Promise.all([syncSchedule(), redrawBadge()]));
  browser.alarms.onAlarm.addListener((alarm) => quietly(`the alarm ${alarm.name}`, () => handleAlarm(alarm)));
  watchNewResults((results) => {
    void quietly('history', () => recordResults(results));
    void quietly('alerts', () => alertOnResults(results));
    void quietly('the Magicube refresh', () => refreshMagicubeWhenNoQuota(results));
  });
  for (const item of BADGE_INPUTS) item.watch(() => void redrawBadge());
  for (const item of ALARM_INPUTS) item.watch(() => void syncSchedule());
  void syncSchedule();
  void redrawBadge();
});
