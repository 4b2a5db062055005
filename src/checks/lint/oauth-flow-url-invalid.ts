import { defineCheck } from '../define.js';

const urlsOf = { implicit: ['authorizationUrl'], password: ['tokenUrl'], clientCredentials: ['tokenUrl'], authorizationCode: ['authorizationUrl', 'tokenUrl'] } as const;

/** Why a flow URL is unusable or unsafe, or undefined. */
function urlProblem(url: string | undefined): string | undefined {
  if (url === undefined || url.trim() === '') return 'is missing';
  if (!URL.canParse(url)) return `'${url}' is not an absolute URL`;
  const parsed = new URL(url);
  const loopback = ['localhost', '127.0.0.1', '[::1]'].includes(parsed.hostname);
  if (parsed.protocol !== 'https:' && !loopback) return `'${url}' is not https, so codes and tokens cross the network in clear text`;
  return undefined;
}

export const oauthFlowUrlInvalid = defineCheck({
  id: 'lint.oauth-flow-url-invalid',
  cause: 'unsecured-endpoints',
  kind: 'lint',
  severity: 'medium',
  summary: 'OAuth flow has a missing, relative or plain-http URL',
  explanation:
    'Clients send users to the `authorizationUrl` and trade codes and credentials for tokens at the `tokenUrl`. A flow without them cannot be used by any tool; one over plain `http:` hands authorization codes, client secrets and tokens to anyone on the network path (RFC 6749 requires TLS).',
  remedy: 'Give every flow the URLs it needs (authorization code: both; client credentials and password: tokenUrl; implicit: authorizationUrl), as absolute `https://` URLs.',
  *run({ spec }) {
    for (const scheme of spec.securitySchemes) {
      if (scheme.type !== 'oauth2') continue;
      for (const [flow, needed] of Object.entries(urlsOf)) {
        const definition = scheme.flows[flow as keyof typeof urlsOf];
        if (!definition) continue;
        for (const key of needed) {
          const problem = urlProblem(definition[key]);
          if (problem === undefined) continue;
          const flowKey = spec.format === 'swagger-2.0' ? '' : `/flows/${flow}`;
          yield { operation: null, pointer: `${scheme.pointer}${flowKey}`, detail: `OAuth scheme '${scheme.name}', ${flow} flow: ${key} ${problem}.` };
        }
      }
    }
  },
});
