/**
 * @file The only way the app creates DOM: elements with attributes set by setAttribute and
 * children given as nodes or strings (text nodes). Nothing here parses HTML, so a string from the
 * data, e.g. `<img src=x onerror=alert(1)>`, always shows as text.
 */
export type AttrValue = string | number | boolean | null | undefined;
export type Child = Node | string | number | null | undefined | false;

export function el<K extends keyof HTMLElementTagNameMap>(tag: K, attrs: Record<string, AttrValue> = {}, ...children: Child[]): HTMLElementTagNameMap[K] {
  const element = document.createElement(tag);
  setAttrs(element, attrs);
  append(element, children);
  return element;
}

const SVG_NS = 'http://www.w3.org/2000/svg';

export function svg<K extends keyof SVGElementTagNameMap>(tag: K, attrs: Record<string, AttrValue> = {}, ...children: Child[]): SVGElementTagNameMap[K] {
  const element = document.createElementNS(SVG_NS, tag);
  setAttrs(element, attrs);
  append(element, children);
  return element;
}

export function setAttrs(element: Element, attrs: Record<string, AttrValue>): void {
  for (const [name, value] of Object.entries(attrs)) {
    if (value === null || value === undefined || value === false) continue;
    element.setAttribute(name, value === true ? '' : String(value));
  }
}

export function append(parent: Node, children: Child[]): void {
  for (const child of children) {
    if (child === null || child === undefined || child === false) continue;
    parent.appendChild(typeof child === 'object' ? child : document.createTextNode(String(child)));
  }
}

/** Replaces all children of `parent`. */
export function replace(parent: Element, ...children: Child[]): void {
  parent.replaceChildren();
  append(parent, children);
}

/** A <select> with [value, label] options; `selected` picks the initial one. */
export function select(attrs: Record<string, AttrValue>, options: Array<[string, string]>, selected?: string): HTMLSelectElement {
  const element = el('select', attrs);
  for (const [value, label] of options) {
    const option = el('option', { value }, label);
    if (value === selected) option.selected = true;
    element.appendChild(option);
  }
  return element;
}

/** Shortens a label for a chart axis; the full text goes in a <title>. */
export function shorten(text: string, max = 22): string {
  return text.length <= max ? text : `${text.slice(0, max - 1)}…`;
}
