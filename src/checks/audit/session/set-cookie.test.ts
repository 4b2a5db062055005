import { describe, expect, it } from 'vitest';
import { cookieHeaderOf, isDeletion, isSessionLikeName, lifetimeSeconds, parseSetCookies } from './set-cookie.js';

const now = Date.parse('2026-01-01T00:00:00Z');

describe('set-cookie parsing', () => {
  it('splits the recorded header on newlines and reads attributes case-insensitively, commas in Expires included', () => {
    const [sid, theme] = parseSetCookies('sid=abc; path=/; HTTPONLY; Expires=Thu, 01 Jan 2026 01:00:00 GMT\ntheme=dark; SameSite=Lax');
    expect(sid).toMatchObject({ name: 'sid', value: 'abc' });
    expect(sid!.attributes.has('httponly')).toBe(true);
    expect(lifetimeSeconds(sid!, now)).toBe(3600);
    expect(theme!.attributes.get('samesite')).toBe('Lax');
    expect(lifetimeSeconds(theme!, now)).toBeNull();
  });

  it('lets Max-Age win over Expires and treats an empty or expired cookie as a deletion', () => {
    const [cookie] = parseSetCookies('sid=x; Max-Age=60; Expires=Thu, 01 Jan 2099 00:00:00 GMT');
    expect(lifetimeSeconds(cookie!, now)).toBe(60);
    expect(parseSetCookies('sid=; Max-Age=0').map((c) => isDeletion(c, now))).toEqual([true]);
    expect(parseSetCookies('sid=x; Expires=Thu, 01 Jan 1970 00:00:00 GMT').map((c) => isDeletion(c, now))).toEqual([true]);
    expect(cookieHeaderOf(parseSetCookies('a=1\nb=; Max-Age=0\nc=3'), now)).toBe('a=1; c=3');
  });

  it('knows session and auth cookie names but not preference cookies', () => {
    for (const name of ['sid', '__Host-sid', 'connect.sid', 'JSESSIONID', 'PHPSESSID', 'session', 'auth_token', 'jwt', 'app-sess']) expect(isSessionLikeName(name), name).toBe(true);
    for (const name of ['theme', 'lang', 'consent', 'tokenizer_pref']) expect(isSessionLikeName(name), name).toBe(false);
  });
});
