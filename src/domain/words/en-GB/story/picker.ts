// The service picker: searching the directory on the device, the services chosen, a service added
// as typed, and notes on the directory's state.
import { format } from '../common.ts';

export const picker = {
  findLabel: 'Find a service',
  findHint:
    'Type part of the service’s name, and of its hospital or organisation if you like, in any order. Use the arrow keys and Enter, or tap a result.',
  found: 'Services found',
  moreMatch: 'More services match: type more of the name to narrow the list.',
  noneChosen: 'No service chosen yet.',
  chosen: 'Chosen services',
  typedByHand: 'Typed by hand: Care Opinion may not route it.',
  remove: 'Remove',
  removeNamed: (name: string) => `Remove ${name}`,
  noMatch: 'No service on this device matches.',
  notInList:
    'If the service is not in the list, you can add it as typed. Care Opinion may not be able to send a story about a service typed by hand to the right people.',
  addTyped: (typed: string) => `Add “${typed}” as typed`,

  downloading: (fetched: number | null) =>
    `The service directory is downloading to this device${fetched === null ? '' : ` (${format.plural(fetched, { one: '{n} service so far', other: '{n} services so far' })})`}. Search works once it has finished.`,
  opening: (count: number) =>
    `Opening the service directory stored on this device (${format.plural(count, { one: '{n} service', other: '{n} services' })})… Search works in a moment.`,
  noDirectoryBefore: 'No service directory is stored on this device yet, so search finds nothing. Go to',
  settings: 'Settings',
  noDirectoryAfter: 'and use “Refresh service directory” while there is a signal.',
};
