/**
 * Functions the browser tests run inside the page (page.evaluate). Each is self-contained (it is sent to the
 * page as source) and reaches the DOM through the few names typed below (the test program has no DOM library).
 */

interface Box { left: number; right: number; top: number; bottom: number; width: number; height: number }
interface PageElement {
  tagName: string;
  id: string;
  className: unknown;
  parentElement: PageElement | null;
  shadowRoot: PageRoot | null;
  getBoundingClientRect(): Box;
  contains(other: PageElement): boolean;
}
interface PageRoot { querySelectorAll(selector: string): Iterable<PageElement> }
interface PageGlobals {
  document: PageRoot & { documentElement: PageElement & { clientWidth: number; scrollWidth: number }; elementFromPoint(x: number, y: number): PageElement | null };
  getComputedStyle(element: PageElement): { visibility: string; display: string; overflowX: string };
  innerWidth: number;
  innerHeight: number;
  localStorage: { setItem(key: string, value: string): void };
}

/** A returning visitor: the first-visit panel was closed before. */
export function markWelcomeSeen(): void {
  (globalThis as unknown as PageGlobals).localStorage.setItem('pacer-playground:welcome-dismissed', 'yes');
}

/**
 * Everything drawn wider than the screen (or left of it), light and shadow DOM alike, skipping what is hidden
 * (the closed channel drawer) and what sits inside its own horizontal scroller (a code block).
 */
export function overflowingElements(): string[] {
  const page = globalThis as unknown as PageGlobals;
  const { document } = page;
  const getComputedStyle = (element: PageElement) => page.getComputedStyle(element);
  const width = document.documentElement.clientWidth;
  const found: string[] = [];
  const scrolls = (element: PageElement | null): boolean => {
    for (let node = element; node && node.tagName !== 'HTML'; node = node.parentElement) {
      const overflow = getComputedStyle(node).overflowX;
      if (overflow === 'auto' || overflow === 'scroll') return true;
    }
    return false;
  };
  const visit = (root: PageRoot): void => {
    for (const element of root.querySelectorAll('*')) {
      const style = getComputedStyle(element);
      if (style.visibility === 'hidden' || style.display === 'none') continue;
      const box = element.getBoundingClientRect();
      if (box.width > 0 && box.height > 0 && (box.right > width + 1 || box.left < -1) && !scrolls(element.parentElement)) {
        const name = typeof element.className === 'string' && element.className ? `.${element.className.split(' ')[0] ?? ''}` : '';
        found.push(`${element.tagName.toLowerCase()}${element.id ? `#${element.id}` : ''}${name} (${Math.round(box.left)}..${Math.round(box.right)})`);
      }
      if (element.shadowRoot) visit(element.shadowRoot);
    }
  };
  visit(document);
  if (document.documentElement.scrollWidth > width) found.unshift(`page scrolls sideways: ${document.documentElement.scrollWidth} > ${width}`);
  return found.slice(0, 12);
}

export function onScreenAndUncovered(node: unknown): boolean {
  const element = node as PageElement;
  const { document, innerWidth, innerHeight } = globalThis as unknown as PageGlobals;
  const box = element.getBoundingClientRect();
  if (box.width === 0 || box.height === 0) return false;
  if (box.left < 0 || box.top < 0 || box.right > innerWidth || box.bottom > innerHeight) return false;
  const hit = document.elementFromPoint(box.left + box.width / 2, box.top + box.height / 2);
  return hit !== null && (hit === element || element.contains(hit));
}
