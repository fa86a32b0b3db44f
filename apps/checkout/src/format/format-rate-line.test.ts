import { formatRateLine } from './format-rate-line';

describe('formatRateLine', () => {
  it('shows the locked rate, its feed and publish time', () => {
    expect(
      formatRateLine(
        {
          currency: 'CAD',
          token: { symbol: 'USDC', mint: 'm', decimals: 6 },
          quote: {
            rate: '0.730001606003533208',
            feed: 'FX.USD/CAD',
            publishedAt: '2026-12-02T10:02:03Z',
            expiresAt: '2026-12-02T12:00:00Z',
          },
        },
        'en-US',
      ),
    ).toBe(
      '1 CAD = 0.730002 USDC · rate from FX.USD/CAD at 10:02:03 AM UTC, held until the payment expires',
    );
  });

  it('is empty for a 1:1 payment', () => {
    expect(formatRateLine({ currency: 'USD', token: undefined, quote: undefined })).toBe('');
  });
});
