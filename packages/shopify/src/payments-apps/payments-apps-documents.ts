import type { PaymentsAppsMutationName } from './payments-apps-request';

const REDIRECT_NEXT_ACTION = `nextAction { action context { ... on PaymentSessionActionsRedirect { redirectUrl } } }`;

/**
 * The GraphQL documents sent to `/payments_apps/api/{version}/graphql.json` (specs §A.4).
 * Variable names match the variables built by the request builders. Beyond the spec's
 * documents, `state` also selects `__typename` (valid on any type) so that a user error can
 * be told apart as "already final the same way" or "final the other way"; refund user
 * errors also select `code` (their types define it; payment-session `UserError` has none).
 */
export const paymentsAppsDocuments: Record<PaymentsAppsMutationName, string> = {
  paymentSessionResolve: `mutation PaymentSessionResolve($id: ID!) {
  paymentSessionResolve(id: $id) {
    paymentSession {
      id
      state { __typename ... on PaymentSessionStateResolved { code } ... on PaymentSessionStateRejected { code } }
      ${REDIRECT_NEXT_ACTION}
    }
    userErrors { field message }
  }
}`,
  paymentSessionReject: `mutation PaymentSessionReject($id: ID!, $reason: PaymentSessionRejectionReasonInput!) {
  paymentSessionReject(id: $id, reason: $reason) {
    paymentSession {
      id
      state { __typename ... on PaymentSessionStateRejected { code reason merchantMessage } ... on PaymentSessionStateResolved { code } }
      ${REDIRECT_NEXT_ACTION}
    }
    userErrors { field message }
  }
}`,
  refundSessionResolve: `mutation RefundSessionResolve($id: ID!) {
  refundSessionResolve(id: $id) {
    refundSession {
      id
      state { __typename ... on RefundSessionStateResolved { code } ... on RefundSessionStateRejected { code } }
    }
    userErrors { field message code }
  }
}`,
  refundSessionReject: `mutation RefundSessionReject($id: ID!, $reason: RefundSessionRejectionReasonInput!) {
  refundSessionReject(id: $id, reason: $reason) {
    refundSession {
      id
      state { __typename ... on RefundSessionStateRejected { code reason merchantMessage } ... on RefundSessionStateResolved { code } }
    }
    userErrors { field message code }
  }
}`,
  paymentsAppConfigure: `mutation PaymentsAppConfigure($externalHandle: String, $ready: Boolean!) {
  paymentsAppConfigure(externalHandle: $externalHandle, ready: $ready) {
    paymentsAppConfiguration { externalHandle ready }
    userErrors { field message }
  }
}`,
};
