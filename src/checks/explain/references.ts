/** A reference as a reader follows it: a title and a URL. */
export interface Reference {
  readonly id: string;
  readonly title: string;
  readonly url: string;
}

const owaspApi2023: Readonly<Record<string, string>> = {
  API1: 'Broken Object Level Authorization',
  API2: 'Broken Authentication',
  API3: 'Broken Object Property Level Authorization',
  API4: 'Unrestricted Resource Consumption',
  API5: 'Broken Function Level Authorization',
  API6: 'Unrestricted Access to Sensitive Business Flows',
  API7: 'Server Side Request Forgery',
  API8: 'Security Misconfiguration',
  API9: 'Improper Inventory Management',
  API10: 'Unsafe Consumption of APIs',
};

const owaspSlugs: Readonly<Record<string, string>> = {
  API1: '0xa1-broken-object-level-authorization', API2: '0xa2-broken-authentication',
  API3: '0xa3-broken-object-property-level-authorization', API4: '0xa4-unrestricted-resource-consumption',
  API5: '0xa5-broken-function-level-authorization', API6: '0xa6-unrestricted-access-to-sensitive-business-flows',
  API7: '0xa7-server-side-request-forgery', API8: '0xa8-security-misconfiguration',
  API9: '0xa9-improper-inventory-management', API10: '0xaa-unsafe-consumption-of-apis',
};

const cweTitles: Readonly<Record<string, string>> = {
  '16': 'Configuration', '20': 'Improper Input Validation', '200': 'Exposure of Sensitive Information to an Unauthorized Actor',
  '209': 'Generation of Error Message Containing Sensitive Information', '284': 'Improper Access Control',
  '285': 'Improper Authorization', '287': 'Improper Authentication', '306': 'Missing Authentication for Critical Function', '307': 'Improper Restriction of Excessive Authentication Attempts',
  '319': 'Cleartext Transmission of Sensitive Information', '345': 'Insufficient Verification of Data Authenticity',
  '347': 'Improper Verification of Cryptographic Signature', '400': 'Uncontrolled Resource Consumption',
  '522': 'Insufficiently Protected Credentials', '538': 'Insertion of Sensitive Information into Externally-Accessible File or Directory',
  '598': 'Use of GET Request Method With Sensitive Query Strings', '613': 'Insufficient Session Expiration',
  '614': 'Sensitive Cookie in HTTPS Session Without \'Secure\' Attribute', '639': 'Authorization Bypass Through User-Controlled Key',
  '668': 'Exposure of Resource to Wrong Sphere', '754': 'Improper Check for Unusual or Exceptional Conditions',
  '770': 'Allocation of Resources Without Limits or Throttling', '778': 'Insufficient Logging',
  '798': 'Use of Hard-coded Credentials', '79': 'Improper Neutralization of Input During Web Page Generation (Cross-site Scripting)',
  '915': 'Improperly Controlled Modification of Dynamically-Determined Object Attributes', '942': 'Permissive Cross-domain Policy with Untrusted Domains',
  '1004': 'Sensitive Cookie Without \'HttpOnly\' Flag', '1059': 'Insufficient Technical Documentation',
  '1275': 'Sensitive Cookie with Improper SameSite Attribute', '1391': 'Use of Weak Credentials',
  '521': 'Weak Password Requirements', '1088': 'Synchronous Access of Remote Resource without Timeout',
};

const rfcTitles: Readonly<Record<string, string>> = {
  '3986': 'Uniform Resource Identifier (URI): Generic Syntax', '6265': 'HTTP State Management Mechanism (cookies)',
  '6749': 'The OAuth 2.0 Authorization Framework', '6585': 'Additional HTTP Status Codes (429)',
  '6750': 'OAuth 2.0 Bearer Token Usage', '7519': 'JSON Web Token (JWT)', '7518': 'JSON Web Algorithms (JWA)',
  '8725': 'JSON Web Token Best Current Practices', '8594': 'The Sunset HTTP Header Field',
  '9110': 'HTTP Semantics', '9111': 'HTTP Caching', '9457': 'Problem Details for HTTP APIs',
  '9700': 'Best Current Practice for OAuth 2.0 Security', '9745': 'The Deprecation HTTP Response Header Field',
  '8288': 'Web Linking', '6797': 'HTTP Strict Transport Security (HSTS)', '7617': 'The \'Basic\' HTTP Authentication Scheme',
  '9651': 'Structured Field Values for HTTP',
};

const otherReferences: Readonly<Record<string, Omit<Reference, 'id'>>> = {
  OpenAPI: { title: 'OpenAPI Specification 3.1', url: 'https://spec.openapis.org/oas/v3.1.0' },
  'W3C-trace-context': { title: 'W3C Trace Context (traceparent)', url: 'https://www.w3.org/TR/trace-context/' },
  'Fetch-CORS': { title: 'Fetch Standard: CORS protocol', url: 'https://fetch.spec.whatwg.org/#http-cors-protocol' },
  'OWASP-REST': { title: 'OWASP REST Security Cheat Sheet', url: 'https://cheatsheetseries.owasp.org/cheatsheets/REST_Security_Cheat_Sheet.html' },
  'OWASP-Session': { title: 'OWASP Session Management Cheat Sheet', url: 'https://cheatsheetseries.owasp.org/cheatsheets/Session_Management_Cheat_Sheet.html' },
  'OWASP-Logging': { title: 'OWASP Logging Cheat Sheet', url: 'https://cheatsheetseries.owasp.org/cheatsheets/Logging_Cheat_Sheet.html' },
  'Release-It': { title: 'Release It! (Nygard): timeouts, circuit breakers, bulkheads', url: 'https://pragprog.com/titles/mnee2/release-it-second-edition/' },
};

/**
 * A reference id as a title and URL: 'RFC 9110' or 'RFC 9110 §15.5.2', 'API1:2023' (OWASP API Security
 * Top 10 2023), 'CWE-639', or a named one ('OpenAPI'). Undefined for an id nobody can follow.
 */
export function resolveReference(id: string): Reference | undefined {
  const rfc = /^RFC (\d+)(?: §([\d.]+))?$/.exec(id);
  if (rfc) {
    const title = rfcTitles[rfc[1]!];
    if (!title) return undefined;
    return { id, title: `${title}${rfc[2] ? `, section ${rfc[2]}` : ''}`, url: `https://www.rfc-editor.org/rfc/rfc${rfc[1]}${rfc[2] ? `#section-${rfc[2]}` : ''}` };
  }
  const owasp = /^(API\d+):2023$/.exec(id);
  if (owasp) {
    const title = owaspApi2023[owasp[1]!];
    return title ? { id, title: `OWASP API Security Top 10 2023: ${title}`, url: `https://owasp.org/API-Security/editions/2023/en/${owaspSlugs[owasp[1]!]}/` } : undefined;
  }
  const cwe = /^CWE-(\d+)$/.exec(id);
  if (cwe) {
    const title = cweTitles[cwe[1]!];
    return title ? { id, title, url: `https://cwe.mitre.org/data/definitions/${cwe[1]}.html` } : undefined;
  }
  const other = otherReferences[id];
  return other ? { id, ...other } : undefined;
}
