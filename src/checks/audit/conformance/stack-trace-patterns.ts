/** One recognisable shape of a leaked stack trace or internal error text. */
export interface LeakPattern {
  readonly label: string;
  readonly pattern: RegExp;
}

// Bodies are often JSON, where a trace's newlines and quotes arrive escaped (`\n`, `\"`), so the
// patterns accept both forms. Each one needs a frame's full shape (file and line, a marker phrase that
// only runtimes print), because a loose `at ` or `Error:` would fire on ordinary prose.
const newline = String.raw`(?:\r?\n|(?:\\r)?\\n)`;
const quote = String.raw`\\?"`;

export const leakPatterns: readonly LeakPattern[] = [
  { label: 'Node.js stack trace', pattern: /\bat (?:async )?(?:new )?[\w$.<>]+(?: \[as [\w$]+\])? \([^()\s"]+:\d+:\d+\)/ },
  { label: 'Node.js stack trace', pattern: /\bat (?:async )?(?:file:\/\/)?(?:\/|[A-Za-z]:\\{1,2}|node:)[^\s"()]*:\d+:\d+/ },
  { label: 'Python traceback', pattern: /Traceback \(most recent call last\)/ },
  { label: 'Python traceback', pattern: new RegExp(String.raw`File ${quote}[^"\n]+\.py${quote}, line \d+, in `) },
  { label: 'Java stack trace', pattern: /\bat (?:[\w.$-]+\/)?(?:[\w$]+\.)+[\w$<>]+\((?:[\w$]+\.(?:java|kt|scala|groovy):\d+|Native Method|Unknown Source)\)/ },
  { label: 'Java stack trace', pattern: new RegExp(String.raw`\bException in thread ${quote}`) },
  { label: '.NET stack trace', pattern: /\bat [\w$.`<>[\]+,]+\([^()]*\) in [^\n"]+:line \d+/ },
  { label: '.NET stack trace', pattern: /--- End of stack trace from previous location/ },
  { label: 'PHP stack trace', pattern: new RegExp(String.raw`Stack trace:${newline}#0 `) },
  { label: 'PHP error', pattern: /\bin (?:<b>)?[^\s"<>]+\.php(?:<\/b>)? on line (?:<b>)?\d+/ },
  { label: 'Go panic', pattern: /\bgoroutine \d+ \[running\]/ },
  { label: 'Go panic', pattern: /\.go:\d+ \+0x[0-9a-f]+/ },
  { label: 'Ruby backtrace', pattern: /\.rb:\d+:in [`'][^'\s]+'/ },
  { label: 'SQL error', pattern: /\bSQLSTATE\[[0-9A-Z]{5}\]/ },
  { label: 'Oracle error', pattern: /\bORA-\d{5}: / },
  { label: 'SQL error', pattern: new RegExp(String.raw`\b(?:syntax error|unterminated quoted string) at or near ${quote}`) },
  { label: 'SQL error', pattern: /You have an error in your SQL syntax/ },
  { label: 'SQL error', pattern: /Unclosed quotation mark after the character string/ },
  { label: 'SQL error', pattern: /\bSQLITE_(?:ERROR|CONSTRAINT|MISMATCH)\b/ },
  { label: 'SQL error', pattern: new RegExp(String.raw`duplicate key value violates unique constraint ${quote}`) },
  // A runtime's own error message passed to the client: the code met a value it never expected, and says which.
  { label: 'JavaScript runtime error', pattern: /\bCannot read propert(?:y|ies) (?:of (?:undefined|null) \(reading |'[^']+' of (?:undefined|null))/ },
  { label: 'JavaScript runtime error', pattern: /\b(?:TypeError|ReferenceError): [\w$.[\]'"]+ is (?:not a function|not defined|not iterable)/ },
  { label: 'Python runtime error', pattern: /\b(?:AttributeError: 'NoneType' object has no attribute|TypeError: '\w+' object is not subscriptable|KeyError: '[^']+')/ },
  { label: 'Java exception', pattern: /\bjava\.lang\.(?:NullPointerException|ClassCastException|ArrayIndexOutOfBoundsException|IllegalStateException)\b/ },
];

/** The first leak found in a body: what it looks like and the matched text (at most 160 characters). */
export function findLeak(body: string): { label: string; excerpt: string } | undefined {
  for (const { label, pattern } of leakPatterns) {
    const match = pattern.exec(body);
    if (match) return { label, excerpt: match[0].slice(0, 160) };
  }
  return undefined;
}
