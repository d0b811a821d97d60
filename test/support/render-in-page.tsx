import { render } from '@testing-library/react';
import type { ReactElement } from 'react';
import { ActiveAccountProvider } from '@src/ui/active-account';

/** Renders a part of a page as the page does: below the one provider of the active account. */
export function renderInPage(ui: ReactElement) {
  return render(<ActiveAccountProvider>{ui}</ActiveAccountProvider>);
}
