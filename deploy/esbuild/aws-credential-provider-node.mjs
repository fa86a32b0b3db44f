// Stand-in for @aws-sdk/credential-provider-node in Lambda bundles (see lambda-plugins.cjs and
// docs/adr/0017): the Lambda runtime puts the execution role's credentials in the environment
// (AWS_ACCESS_KEY_ID, AWS_SECRET_ACCESS_KEY, AWS_SESSION_TOKEN), the first link of the SDK's
// default chain. The rest of the chain (SSO, ini files, credential processes, web identity,
// container and instance metadata) and the STS/SSO clients it carries are left out.
import { fromEnv } from '@aws-sdk/credential-provider-env';

/** The default chain's first link alone: credentials from the environment. */
export const defaultProvider = (init = {}) => {
  const provider = fromEnv(init);
  return async () => {
    try {
      return await provider();
    } catch (error) {
      throw new Error(
        'No AWS credentials in the environment (AWS_ACCESS_KEY_ID, AWS_SECRET_ACCESS_KEY): ' +
          "Lambda bundles resolve only these, not the SDK's whole default chain (docs/adr/0017)",
        { cause: error },
      );
    }
  };
};

export const credentialsWillNeedRefresh = (credentials) => credentials?.expiration !== undefined;

export const credentialsTreatedAsExpired = (credentials) =>
  credentials?.expiration !== undefined && credentials.expiration.getTime() - Date.now() < 300000;
