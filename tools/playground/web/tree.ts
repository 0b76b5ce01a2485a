/** A tiny element tree: what the page's pure rendering functions return, and what dom.ts turns into DOM. */
export interface ElementNode {
  tag: string;
  attrs: Record<string, string | true>;
  children: VNode[];
}

export type VNode = ElementNode | string;

export function h(tag: string, attrs: Record<string, string | true | undefined | false | null> = {}, ...children: Array<VNode | VNode[] | undefined | null | false>): ElementNode {
  const clean: Record<string, string | true> = {};
  for (const [key, value] of Object.entries(attrs)) {
    if (value !== undefined && value !== false && value !== null) clean[key] = value;
  }
  const flat: VNode[] = [];
  for (const child of children) {
    if (child === undefined || child === null || child === false) continue;
    if (Array.isArray(child)) flat.push(...child);
    else flat.push(child);
  }
  return { tag, attrs: clean, children: flat };
}

/** All text under a node, for tests and accessible labels. */
export function textOf(node: VNode | VNode[]): string {
  if (Array.isArray(node)) return node.map(textOf).join('');
  return typeof node === 'string' ? node : textOf(node.children);
}

/** Depth-first search for elements matching a predicate. */
export function findAll(node: VNode | VNode[], predicate: (element: ElementNode) => boolean): ElementNode[] {
  if (Array.isArray(node)) return node.flatMap((child) => findAll(child, predicate));
  if (typeof node === 'string') return [];
  return [...(predicate(node) ? [node] : []), ...findAll(node.children, predicate)];
}
