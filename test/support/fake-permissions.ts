// fakeBrowser leaves browser.permissions unmocked: this one keeps granted host patterns as a browser would. The China
// site's hosts are the manifest's required ones, granted at install; anything else is granted by `request` while
// `answer` is true (the user clicks Allow), and taken back by `remove`.
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { siteHostPatterns } from '@src/modelscope/endpoints';

type Listener = (permissions: { origins?: string[] }) => void;
const REQUIRED = siteHostPatterns('cn');

const granted = new Set<string>();
const added = new Set<Listener>();
const removed = new Set<Listener>();

export const fakePermissions = {
  /** What the user answers the browser's prompt. */
  answer: true,
  /** Every request made, in order. */
  requests: [] as string[][],
  granted: () => [...granted].sort(),
  revoke(origins: string[]) {
    origins.forEach((origin) => granted.delete(origin));
    removed.forEach((listener) => listener({ origins }));
  },
  reset() {
    granted.clear();
    REQUIRED.forEach((origin) => granted.add(origin));
    added.clear();
    removed.clear();
    fakePermissions.answer = true;
    fakePermissions.requests = [];
  },
};

function events(listeners: Set<Listener>) {
  return {
    addListener: (listener: Listener) => void listeners.add(listener),
    removeListener: (listener: Listener) => void listeners.delete(listener),
    hasListener: (listener: Listener) => listeners.has(listener),
  };
}

export function installFakePermissions(): void {
  Object.assign(fakeBrowser.permissions, {
    contains: async ({ origins = [] }: { origins?: string[] }) => origins.every((origin) => granted.has(origin)),
    request: async ({ origins = [] }: { origins?: string[] }) => {
      fakePermissions.requests.push(origins);
      if (origins.every((origin) => granted.has(origin))) return true;
      if (!fakePermissions.answer) return false;
      origins.forEach((origin) => granted.add(origin));
      added.forEach((listener) => listener({ origins }));
      return true;
    },
    remove: async ({ origins = [] }: { origins?: string[] }) => {
      if (origins.some((origin) => REQUIRED.includes(origin))) throw new Error('You cannot remove required permissions.');
      fakePermissions.revoke(origins);
      return true;
    },
    onAdded: events(added),
    onRemoved: events(removed),
  });
  fakePermissions.reset();
}
