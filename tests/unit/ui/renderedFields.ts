// Reads the text fields, labels and paragraphs out of HTML rendered with preact-render-to-string (which
// writes every attribute as `name="value"`, lowercased, so a small pattern reads it reliably).

export type Element = { tag: string; attributes: Map<string, string>; html: string };

const ATTRIBUTE = /([\w-]+)(?:="([^"]*)")?/g;

function parse(tag: string, html: string, rest: string): Element {
  const attributes = new Map<string, string>();
  for (const [, name, value] of rest.matchAll(ATTRIBUTE)) if (name) attributes.set(name, value ?? '');
  return { tag, attributes, html };
}

/** Every `<input>` and `<textarea>` in `html` that takes typed text (no checkbox, radio or hidden). */
export function textFields(html: string): Element[] {
  return [...html.matchAll(/<(input|textarea)\b([^>]*)>/g)]
    .map(([whole, tag, rest]) => parse(tag ?? '', whole, rest ?? ''))
    .filter((field) => !/^(checkbox|radio|hidden)$/.test(field.attributes.get('type') ?? ''));
}

/** The text inside the element with this id (tags removed), or undefined when there is none. */
export function textOf(html: string, id: string): string | undefined {
  const found = html.match(new RegExp(`<(\\w+)[^>]*\\bid="${id}"[^>]*>(.*?)</\\1>`, 's'));
  return found?.[2]?.replace(/<[^>]*>/g, '');
}

/** The text of the `<label for=id>`, tags removed; with the label's whole HTML. */
export function labelFor(html: string, id: string): { text: string; html: string } | undefined {
  const found = html.match(new RegExp(`<label\\b[^>]*\\bfor="${id}"[^>]*>(.*?)</label>`, 's'));
  if (!found) return undefined;
  return { text: (found[1] ?? '').replace(/<[^>]*>/g, ''), html: found[0] };
}
