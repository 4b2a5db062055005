// A strict, small XML 1.0 well-formedness checker for tests (no DTDs, no namespaces checks). It throws
// with the offset of the first problem, so a test that feeds it broken XML fails with a reason.

const name = /^[A-Za-z_:][A-Za-z0-9_.:-]*$/;
const invalidChar = /[^\t\n\r\u0020-\ud7ff\ue000-\ufffd\u{10000}-\u{10ffff}]/u;
const reference = /^&(amp|lt|gt|quot|apos|#[0-9]+|#x[0-9a-fA-F]+);/;

function checkText(text: string, at: number, inAttribute: boolean): void {
  const bad = invalidChar.exec(text);
  if (bad) throw new Error(`invalid XML character U+${bad[0].codePointAt(0)?.toString(16)} at ${at + bad.index}`);
  for (let i = 0; i < text.length; i++) {
    const ch = text[i];
    if (ch === '<') throw new Error(`raw '<' at ${at + i}`);
    if (ch === '&' && !reference.test(text.slice(i))) throw new Error(`bad entity reference at ${at + i}`);
    if (!inAttribute && text.startsWith(']]>', i)) throw new Error(`']]>' in text at ${at + i}`);
  }
}

function parseAttributes(source: string, at: number): void {
  const seen = new Set<string>();
  const attribute = /\s+([^\s=]+)\s*=\s*("([^"]*)"|'([^']*)')/y;
  let rest = source;
  let offset = at;
  while (rest.trim() !== '') {
    attribute.lastIndex = 0;
    const match = attribute.exec(rest);
    if (!match) throw new Error(`malformed attributes at ${offset}: ${rest.slice(0, 40)}`);
    const attrName = match[1] as string;
    if (!name.test(attrName)) throw new Error(`bad attribute name '${attrName}' at ${offset}`);
    if (seen.has(attrName)) throw new Error(`duplicate attribute '${attrName}' at ${offset}`);
    seen.add(attrName);
    checkText(match[3] ?? match[4] ?? '', offset, true);
    offset += match[0].length;
    rest = rest.slice(match[0].length);
  }
}

/** Throws an Error naming the first well-formedness problem in `xml`. */
export function assertWellFormedXml(xml: string): void {
  let i = 0;
  if (xml.startsWith('<?xml')) {
    const end = xml.indexOf('?>');
    if (end < 0) throw new Error('unterminated XML declaration');
    i = end + 2;
  }
  const stack: string[] = [];
  let roots = 0;
  while (i < xml.length) {
    const lt = xml.indexOf('<', i);
    const text = xml.slice(i, lt < 0 ? xml.length : lt);
    if (stack.length === 0 && text.trim() !== '') throw new Error(`text outside the root element at ${i}`);
    checkText(text, i, false);
    if (lt < 0) break;
    if (xml.startsWith('<!--', lt)) {
      const end = xml.indexOf('-->', lt + 4);
      if (end < 0) throw new Error(`unterminated comment at ${lt}`);
      i = end + 3;
      continue;
    }
    if (xml.startsWith('<![CDATA[', lt)) {
      if (stack.length === 0) throw new Error(`CDATA outside the root at ${lt}`);
      const end = xml.indexOf(']]>', lt);
      if (end < 0) throw new Error(`unterminated CDATA at ${lt}`);
      i = end + 3;
      continue;
    }
    const gt = xml.indexOf('>', lt);
    if (gt < 0) throw new Error(`unterminated tag at ${lt}`);
    const tag = xml.slice(lt + 1, gt);
    if (tag.startsWith('/')) {
      const closing = tag.slice(1).trim();
      const open = stack.pop();
      if (open !== closing) throw new Error(`</${closing}> at ${lt} closes <${open ?? 'nothing'}>`);
    } else {
      const selfClosing = tag.endsWith('/');
      const body = selfClosing ? tag.slice(0, -1) : tag;
      const tagName = /^[^\s/>]+/.exec(body)?.[0] ?? '';
      if (!name.test(tagName)) throw new Error(`bad tag name '${tagName}' at ${lt}`);
      parseAttributes(body.slice(tagName.length), lt + 1 + tagName.length);
      if (stack.length === 0) roots += 1;
      if (roots > 1) throw new Error(`second root element at ${lt}`);
      if (!selfClosing) stack.push(tagName);
    }
    i = gt + 1;
  }
  if (stack.length > 0) throw new Error(`unclosed <${stack.join('> <')}>`);
  if (roots !== 1) throw new Error('no root element');
}
