import { createHmac, timingSafeEqual } from 'node:crypto';
import { hmacHash } from './forge-token.js';

/**
 * HMAC secrets that turn up in tutorials, framework defaults, .env examples and leaked configs. A JWT
 * signed with one of them can be re-signed by anyone, so faultline tries them offline on the roles' tokens.
 */
export const weakSecrets: readonly string[] = [
  'secret', 'Secret', 'SECRET', 'secret1', 'secret123', 'secretkey', 'secret-key', 'secret_key', 'SecretKey', 'mysecret',
  'my-secret', 'my_secret', 'mysecretkey', 'my-secret-key', 'my_secret_key', 'supersecret', 'super-secret', 'super_secret',
  'supersecretkey', 'super-secret-key', 'topsecret', 'verysecret', 'thisisasecret', 'this-is-a-secret', 'notasecret', 'nosecret',
  'password', 'Password', 'PASSWORD', 'password1', 'password123', 'Password1', 'Password123', 'passw0rd', 'p@ssw0rd', 'P@ssw0rd',
  'pass', 'pass123', 'changeme', 'change-me', 'change_me', 'changeit', 'change-this', 'changethis', 'CHANGE_ME', 'replaceme',
  'replace-me', 'default', 'defaultsecret', 'default-secret', 'test', 'testing', 'test123', 'testsecret', 'test-secret', 'test_secret',
  'dev', 'development', 'devsecret', 'dev-secret', 'dev_secret', 'local', 'localsecret', 'demo', 'demo-secret', 'example',
  'example-secret', 'sample', 'key', 'Key', 'KEY', 'mykey', 'my-key', 'privatekey', 'private-key', 'private', 'public',
  'apikey', 'api-key', 'api_key', 'api-secret', 'api_secret', 'apisecret', 'appsecret', 'app-secret', 'app_secret', 'app',
  'application', 'admin', 'Admin', 'admin123', 'administrator', 'root', 'toor', 'user', 'guest', 'qwerty', 'qwerty123',
  'qwertyuiop', 'asdf', 'asdfgh', 'asdfghjkl', 'zxcvbn', '123', '1234', '12345', '123456', '1234567', '12345678', '123456789',
  '1234567890', '0123456789', '111111', '000000', '654321', '123123', 'abc', 'abc123', 'abcd1234', 'abcdef', 'abcdefgh',
  'letmein', 'welcome', 'hello', 'helloworld', 'hello-world', 'iloveyou', 'monkey', 'dragon', 'master', 'shadow', 'sunshine',
  'princess', 'football', 'baseball', 'trustno1', 'jwt', 'JWT', 'jwtsecret', 'jwt-secret', 'jwt_secret', 'JWT_SECRET',
  'jwtkey', 'jwt-key', 'jwt_key', 'jwtSecret', 'jwtsecretkey', 'jwt-secret-key', 'jwt_secret_key', 'jwt_signing_key', 'jwtpassword',
  'jwt-password', 'token', 'tokensecret', 'token-secret', 'token_secret', 'tokenkey', 'access', 'accesstoken', 'access-token-secret',
  'access_token_secret', 'refresh', 'refresh-token-secret', 'refresh_token_secret', 'auth', 'authsecret', 'auth-secret', 'auth_secret',
  'authkey', 'auth-key', 'signing', 'signingkey', 'signing-key', 'signing_key', 'sign', 'hmac', 'hmacsecret', 'hmac-secret',
  'hs256', 'HS256', 'session', 'sessionsecret', 'session-secret', 'session_secret', 'cookie', 'cookiesecret', 'cookie-secret',
  'keyboard cat', 'keyboardcat', 'shhhhh', 'shhhhhhared-secret', 'shared-secret', 'sharedsecret', 'shared_secret', 'your-256-bit-secret',
  'your-384-bit-secret', 'your-512-bit-secret', 'your_jwt_secret', 'your-jwt-secret', 'yoursecret', 'your-secret', 'your_secret',
  'your-secret-key', 'your_secret_key', 'YOUR_SECRET_KEY', 'put-your-secret-here', 'insert-secret-here',
  'node', 'nodejs', 'express', 'spring', 'django', 'rails', 'laravel', 'flask', 'fastify', 'nest', 'nestjs', 'server', 'backend',
  'api', 'web', 'service', 'production', 'prod', 'staging', 'null', 'undefined', 'none', 'empty', 'xxx', 'foo', 'bar', 'foobar',
  'baz', 's3cr3t', 'S3cr3t', 's3cret', 'secr3t', 'pa$$word', 'P4ssw0rd', 'welcome1', 'login', 'mypassword', 'mypass',
  // Defaults shipped in packages' own code or READMEs (json-server-auth signs with a constant).
  'json-server-auth-123456', 'ThisIsMySecret', 'thisismysecret', 'mySecretKey', 'my-jwt-secret', 'my_jwt_secret', 'jwt-secret-key-here',
  'secretOrPrivateKey', 'somesecret', 'some-secret', 'SuperSecretKey', 'supersecretjwt', 'random-secret', 'randomsecret',
];

/** The API's own name in the spellings people use as a secret: 'Pet Store' → petstore, pet-store, pet_store, petstore-secret… */
export function nameVariants(title: string | undefined): string[] {
  const words = (title ?? '').toLowerCase().split(/[^a-z0-9]+/).filter((w) => w.length > 1);
  if (words.length === 0) return [];
  const bases = new Set([words.join(''), words.join('-'), words.join('_'), ...words]);
  const variants = new Set<string>();
  for (const base of bases) {
    variants.add(base);
    for (const suffix of ['secret', 'key', 'jwt', 'token', '123']) {
      variants.add(`${base}${suffix}`);
      variants.add(`${base}-${suffix}`);
      variants.add(`${base}_${suffix}`);
    }
  }
  return [...variants];
}

/**
 * The dictionary secret that produced the token's HMAC signature, or undefined. Only HS256/384/512
 * tokens can be checked offline; comparison is constant-time so the check does not leak by timing.
 */
export function findWeakSecret(token: string, alg: unknown, extraCandidates: readonly string[] = []): string | undefined {
  const hash = hmacHash(alg);
  const dot = token.lastIndexOf('.');
  if (!hash || dot <= 0) return undefined;
  const signingInput = token.slice(0, dot);
  const signature = Buffer.from(token.slice(dot + 1), 'base64url');
  if (signature.length === 0) return undefined;
  for (const candidate of [...weakSecrets, ...extraCandidates]) {
    const expected = createHmac(hash, candidate).update(signingInput).digest();
    if (expected.length === signature.length && timingSafeEqual(expected, signature)) return candidate;
  }
  return undefined;
}
