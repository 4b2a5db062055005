// C0/C1 controls and DEL, plus the bidi overrides and isolates that can reorder what a reader sees
// ("Trojan Source", CVE-2021-42574).
// eslint-disable-next-line no-control-regex
const allControls = /[\u0000-\u001f\u007f-\u009f\u202a-\u202e\u2066-\u2069]/g;
// eslint-disable-next-line no-control-regex
const controlsButLineBreaks = /[\u0000-\u0008\u000b-\u001f\u007f-\u009f\u202a-\u202e\u2066-\u2069]/g;

function visible(ch: string): string {
  const code = ch.charCodeAt(0);
  return code > 0xff ? `\\u${code.toString(16).padStart(4, '0')}` : `\\x${code.toString(16).padStart(2, '0')}`;
}

/**
 * Text in a report can carry hostile API output. ANSI escapes, carriage returns or bidi overrides in
 * it could recolour a terminal, rewrite earlier lines or disguise text, so they are shown as visible
 * escapes (`\x1b`) instead. With `keepLineBreaks`, newline and tab survive (for bodies shown as blocks).
 */
export function showControlChars(text: string, keepLineBreaks = false): string {
  return text.replace(keepLineBreaks ? controlsButLineBreaks : allControls, (ch) => {
    if (!keepLineBreaks && (ch === '\n' || ch === '\t')) return ' ';
    return visible(ch);
  });
}

/** Cut `text` to at most `maxChars` UTF-16 units without splitting a surrogate pair. */
export function truncateText(text: string, maxChars: number): { text: string; cutChars: number } {
  if (text.length <= maxChars) return { text, cutChars: 0 };
  let end = maxChars;
  const last = text.charCodeAt(end - 1);
  if (last >= 0xd800 && last <= 0xdbff) end -= 1;
  return { text: text.slice(0, end), cutChars: text.length - end };
}
