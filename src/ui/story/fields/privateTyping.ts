// What a field that takes a storyteller's username, postcode or email needs on a shared iPad: no
// autofill, autocorrect, capitals or spelling help, so iOS never learns the value and offers it
// to the next person; and the text's own direction (dir="auto").
export const PRIVATE_TYPING = {
  autoComplete: 'off',
  autocapitalize: 'off',
  spellcheck: false,
  dir: 'auto',
} as const;

/**
 * `autocorrect="off"` set as an attribute: where the browser has an `autocorrect` property it is a
 * boolean, and Preact's property path would read "off" as true.
 */
export function noAutocorrect(element: HTMLElement | null): void {
  element?.setAttribute('autocorrect', 'off');
}
