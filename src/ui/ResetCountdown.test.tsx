import { render, screen } from '@testing-library/react';
import { expect, it } from 'vitest';
import { ResetCountdown } from './ResetCountdown';

it('counts down to midnight China Standard Time, and says it is an estimate', () => {
  render(<ResetCountdown now={Date.parse('2026-10-05T10:48:00.000Z')} />);
  const time = screen.getByText('Quota resets in 5 h 12 min (estimate: midnight China Standard Time, UTC+8)');
  expect(time.getAttribute('datetime')).toBe('2026-10-05T16:00:00.000Z');
});
