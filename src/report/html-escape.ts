import { showControlChars } from './control-chars.js';

const entities: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' };

/**
 * Escape text for HTML element content and quoted attribute values. Every string that comes from a
 * report goes through here: findings quote API responses, and those are hostile input.
 */
export function escapeHtml(text: string, keepLineBreaks = false): string {
  return showControlChars(text, keepLineBreaks).replace(/[&<>"']/g, (ch) => entities[ch] ?? ch);
}
