import { render } from '@testing-library/react';
import type { ReactElement } from 'react';
import { ActiveAccountProvider } from '@src/ui/active-account';
import { ListedOffersProvider } from '@src/ui/listed-offers';

/** Renders a part of a page as the page does: below the one provider of the active account. */
export function renderInPage(ui: ReactElement) {
  return render(<ActiveAccountProvider>{ui}</ActiveAccountProvider>);
}

/** Renders a section of the Options page as the page does: below the active account and the listed models' offers. */
export function renderInOptions(ui: ReactElement) {
  return renderInPage(<ListedOffersProvider>{ui}</ListedOffersProvider>);
}
