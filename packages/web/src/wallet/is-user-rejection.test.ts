import { describe, expect, it } from '@jest/globals';
import { isUserRejection } from './is-user-rejection';

describe('isUserRejection', () => {
  it('recognises wallet rejections', () => {
    expect(isUserRejection({ code: 4001, message: 'x' })).toBe(true);
    expect(isUserRejection(new Error('User rejected the request.'))).toBe(true);
    expect(
      isUserRejection({ name: 'WalletSignTransactionError', message: 'Transaction cancelled' }),
    ).toBe(true);
  });
  it('does not mistake other failures for a rejection', () => {
    expect(isUserRejection(new Error('Insufficient funds'))).toBe(false);
    expect(isUserRejection('rejected')).toBe(false);
    expect(isUserRejection(null)).toBe(false);
  });
});
