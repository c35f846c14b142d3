/**
 * @file Just enough XML for GraphML and GEXF: escaping for writing, and a small well-formedness-
 * checking reader (elements, attributes, text, CDATA, comments, processing instructions, a skipped
 * DOCTYPE, the five named entities and numeric character references). Namespace prefixes are dropped
 * from names, so `gexf:node` reads as `node`. Not a validating parser.
 */
import { DataFormatError } from '../errors.js';

export interface XmlElement {
  name: string;
  attributes: Record<string, string>;
  children: XmlElement[];
  /** The element's own text (character data and CDATA of direct children), concatenated. */
  text: string;
  /** 1-based line of the start tag, for messages. */
  line: number;
}

// XML 1.0 allows tab, LF, CR and U+0020 and up, except surrogates (handled by the u flag) and U+FFFE/U+FFFF.
const INVALID_XML_CHARS = /[^\t\n\r\u0020-\uD7FF\uE000-\uFFFD\u{10000}-\u{10FFFF}]/gu;

/** Text safe inside an element or a double-quoted attribute: markup escaped, characters XML 1.0 forbids dropped. */
export function escapeXml(text: string): string {
  return text
    .replace(INVALID_XML_CHARS, '')
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/"/g, '&quot;')
    .replace(/'/g, '&apos;')
    // keep line breaks and tabs in attribute values through attribute-value normalisation
    .replace(/\r/g, '&#13;')
    .replace(/\n/g, '&#10;')
    .replace(/\t/g, '&#9;');
}

const NAMED_ENTITIES: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'" };

/** Parses an XML document into its root element. Throws DataFormatError (file, line) when it is not well formed. */
export function parseXml(text: string, file: string): XmlElement {
  let position = 0;
  let line = 1;
  const fail = (problem: string, atLine = line): never => {
    throw new DataFormatError({ file, line: atLine }, `not well-formed XML: ${problem}`);
  };
  const advance = (to: number) => {
    for (let i = position; i < to; i += 1) if (text.charCodeAt(i) === 10) line += 1;
    position = to;
  };
  const expectEnd = (marker: string, what: string): number => {
    const end = text.indexOf(marker, position);
    if (end < 0) fail(`unterminated ${what}`);
    return end;
  };
  // raw text starting on the current line; errors name the line of the offending character
  const decode = (raw: string): string => {
    const lineAt = (offset: number) => line + (raw.slice(0, offset).match(/\n/g)?.length ?? 0);
    if (raw.includes('<')) fail('"<" in character data or an attribute value', lineAt(raw.indexOf('<')));
    return raw.replace(/&([^;&\s]*);?/g, (match, name: string, offset: number) => {
      if (!match.endsWith(';')) fail(`"&" not followed by an entity reference (${JSON.stringify(match.slice(0, 12))})`, lineAt(offset));
      if (name in NAMED_ENTITIES) return NAMED_ENTITIES[name]!;
      const numeric = /^#(x[0-9a-fA-F]+|[0-9]+)$/.exec(name);
      if (!numeric) fail(`unknown entity &${name};`, lineAt(offset));
      const code = numeric![1]!.startsWith('x') ? parseInt(numeric![1]!.slice(1), 16) : parseInt(numeric![1]!, 10);
      if (code > 0x10ffff) fail(`character reference &${name}; is out of range`, lineAt(offset));
      return String.fromCodePoint(code);
    });
  };
  const localName = (name: string) => name.slice(name.indexOf(':') + 1);

  const stack: XmlElement[] = [];
  let root: XmlElement | null = null;
  while (position < text.length) {
    const lt = text.indexOf('<', position);
    const chunk = text.slice(position, lt < 0 ? text.length : lt);
    if (chunk.length > 0) {
      const current = stack[stack.length - 1];
      if (current) current.text += decode(chunk);
      else if (chunk.trim() !== '') fail('text outside the root element');
      advance(position + chunk.length);
    }
    if (lt < 0) break;
    if (text.startsWith('<!--', position)) {
      advance(expectEnd('-->', 'comment') + 3);
    } else if (text.startsWith('<![CDATA[', position)) {
      const end = expectEnd(']]>', 'CDATA section');
      const current = stack[stack.length - 1];
      if (!current) fail('CDATA outside the root element');
      current!.text += text.slice(position + 9, end);
      advance(end + 3);
    } else if (text.startsWith('<?', position)) {
      advance(expectEnd('?>', 'processing instruction') + 2);
    } else if (text.startsWith('<!DOCTYPE', position)) {
      advance(expectEnd('>', 'DOCTYPE') + 1);
    } else if (text.startsWith('</', position)) {
      const end = expectEnd('>', 'end tag');
      const name = localName(text.slice(position + 2, end).trim());
      const open = stack.pop();
      if (!open) fail(`end tag </${name}> without a start tag`);
      if (open!.name !== name) fail(`end tag </${name}> does not match <${open!.name}> (line ${open!.line})`);
      advance(end + 1);
    } else {
      const match = /^<([A-Za-z_][\w.:-]*)((?:\s+[A-Za-z_][\w.:-]*\s*=\s*(?:"[^"]*"|'[^']*'))*)\s*(\/?)>/.exec(text.slice(position, position + 65536));
      if (!match) fail(`malformed start tag near ${JSON.stringify(text.slice(position, position + 40))}`);
      const [whole, rawName, rawAttributes, selfClosing] = match!;
      const element: XmlElement = { name: localName(rawName!), attributes: {}, children: [], text: '', line };
      for (const attribute of rawAttributes!.matchAll(/([A-Za-z_][\w.:-]*)\s*=\s*("([^"]*)"|'([^']*)')/g)) {
        const name = attribute[1]!;
        if (name === 'xmlns' || name.startsWith('xmlns:')) continue;
        const key = localName(name);
        if (key in element.attributes) fail(`attribute "${key}" appears twice in <${element.name}>`);
        element.attributes[key] = decode(attribute[3] ?? attribute[4] ?? '');
      }
      const parent = stack[stack.length - 1];
      if (parent) parent.children.push(element);
      else if (root) fail('a second root element');
      else root = element;
      if (!selfClosing) stack.push(element);
      advance(position + whole!.length);
    }
  }
  if (stack.length > 0) fail(`<${stack[stack.length - 1]!.name}> (line ${stack[stack.length - 1]!.line}) is never closed`);
  if (!root) fail('no root element');
  return root!;
}

/** Direct children of `element` called `name`. */
export function childElements(element: XmlElement, name: string): XmlElement[] {
  return element.children.filter((child) => child.name === name);
}
