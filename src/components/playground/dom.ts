/**
 * Building DOM without HTML strings: every text goes in as a text node, so nothing the reader
 * typed can ever be parsed as markup.
 */

/** Attributes and event listeners for {@link element}. */
export type Attributes = Record<string, string | number | boolean | undefined>;

/** Creates an HTML element with attributes (false/undefined ones are left out) and children. */
export function element<Tag extends keyof HTMLElementTagNameMap>(
  tag: Tag,
  attributes: Attributes = {},
  children: Array<Node | string> = [],
): HTMLElementTagNameMap[Tag] {
  const node = document.createElement(tag);
  for (const [name, value] of Object.entries(attributes)) {
    if (value === undefined || value === false) continue;
    node.setAttribute(name, value === true ? '' : String(value));
  }
  node.append(...children);
  return node;
}

const svgNamespace = 'http://www.w3.org/2000/svg';

/** Creates an SVG element with attributes and children. */
export function svgElement(tag: string, attributes: Attributes = {}, children: Array<Node | string> = []): SVGElement {
  const node = document.createElementNS(svgNamespace, tag) as SVGElement;
  for (const [name, value] of Object.entries(attributes)) {
    if (value === undefined || value === false) continue;
    node.setAttribute(name, String(value));
  }
  node.append(...children);
  return node;
}

/** Copies text to the clipboard; false when the browser refused. */
export async function copyText(text: string): Promise<boolean> {
  try {
    await navigator.clipboard.writeText(text);
    return true;
  } catch {
    return false;
  }
}
