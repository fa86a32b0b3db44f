/** Attribute values: `false`/`undefined` omit the attribute; functions become listeners (`onclick`). */
export type Attributes = Record<
  string,
  string | number | boolean | undefined | ((event: Event) => void)
>;

/** A child: nodes, text, nothing, or a list of those. */
export type Child = Node | string | false | null | undefined | readonly Child[];

function appendChildren(parent: Node, children: readonly Child[]): void {
  for (const child of children) {
    if (child === null || child === undefined || child === false) continue;
    if (typeof child === 'string') parent.appendChild(document.createTextNode(child));
    else if (child instanceof Node) parent.appendChild(child);
    else appendChildren(parent, child);
  }
}

/**
 * Creates an element with attributes and children (lists are flattened, empty values skipped).
 * Text is always inserted as text nodes, so server-provided strings can never become markup.
 */
export function h<K extends keyof HTMLElementTagNameMap>(
  tag: K,
  attributes: Attributes = {},
  ...children: Child[]
): HTMLElementTagNameMap[K] {
  const element = document.createElement(tag);
  for (const [name, value] of Object.entries(attributes)) {
    if (value === undefined || value === false) continue;
    if (typeof value === 'function') element.addEventListener(name.replace(/^on/, ''), value);
    // Through the CSSOM, not the `style` attribute: CSP `style-src 'self'` blocks inline style
    // attributes but allows styles set from our own script.
    else if (name === 'style') element.style.cssText = String(value);
    else element.setAttribute(name, value === true ? '' : String(value));
  }
  appendChildren(element, children);
  return element;
}
