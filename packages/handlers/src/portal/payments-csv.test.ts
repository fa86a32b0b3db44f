import { describe, expect, it } from '@jest/globals';
import { paymentsCsv } from './payments-csv';
import { refundStateOf, type PortalPaymentView } from './to-portal-payment-view';

const payment: PortalPaymentView = {
  id: 'p1',
  shopifyId: 'abc',
  amount: '20',
  currency: 'USD',
  tokenAmount: '20.00',
  tokenBaseUnits: '20000000',
  token: 'USDC',
  rate: null,
  status: 'PAID',
  signature: 'sig',
  explorerUrl: null,
  buyerWallet: 'wallet',
  screeningHits: 0,
  test: true,
  createdAt: '2026-12-02T00:00:00.000Z',
  paidAt: null,
  refundedAmount: '5',
  refundState: 'PARTIAL',
};

describe('refundStateOf', () => {
  it('compares decimal strings exactly', () => {
    expect(refundStateOf('20', '0')).toBe('NONE');
    expect(refundStateOf('20', '19.999999')).toBe('PARTIAL');
    expect(refundStateOf('20', '20.000000')).toBe('FULL');
    expect(refundStateOf('0.1', '0.10')).toBe('FULL');
  });
});

describe('paymentsCsv', () => {
  it('writes a header and one CRLF line per payment', () => {
    const csv = paymentsCsv([payment]);
    expect(csv.split('\r\n')).toEqual([
      'created_at,shopify_payment_id,status,refund_state,amount,currency,token_amount,refunded_amount,buyer_wallet,transaction,paid_at,test',
      '2026-12-02T00:00:00.000Z,abc,PAID,PARTIAL,20,USD,20.00,5,wallet,sig,,true',
      '',
    ]);
  });

  it('quotes separators and defuses spreadsheet formulas in text cells', () => {
    const csv = paymentsCsv([{ ...payment, shopifyId: '=HYPERLINK("x"),1' }]);
    expect(csv).toContain(`,"'=HYPERLINK(""x""),1",`);
  });
});
