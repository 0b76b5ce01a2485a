/** Turns the pure element tree into DOM nodes (the only place page rendering touches the document). */
import type { VNode } from './tree.js';

export function toDom(node: VNode): Node {
  if (typeof node === 'string') return document.createTextNode(node);
  const element = document.createElement(node.tag);
  for (const [name, value] of Object.entries(node.attrs)) element.setAttribute(name, value === true ? '' : value);
  for (const child of node.children) element.append(toDom(child));
  return element;
}

export function replaceChildren(parent: Element, nodes: VNode[]): void {
  parent.replaceChildren(...nodes.map(toDom));
}

export function el<K extends keyof HTMLElementTagNameMap>(tag: K, attrs: Record<string, string> = {}, ...children: Array<Node | string>): HTMLElementTagNameMap[K] {
  const element = document.createElement(tag);
  for (const [name, value] of Object.entries(attrs)) element.setAttribute(name, value);
  element.append(...children);
  return element;
}
