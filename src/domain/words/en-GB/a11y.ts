import { format } from './common.ts';

/** What the live region says, and how fields say they are needed. */
export const a11y = {
  required: 'required',
  optional: 'optional',
  /** The GOV.UK error summary's heading, and the hidden word before each error on its field. */
  errorSummaryTitle: 'There is a problem',
  errorPrefix: 'Error:',
  saved: 'The story is saved on this device.',
  notSaved: 'The story is not saved yet. It stays on screen and saving is tried again.',
  queued: 'The story is in the send queue. It is sent to Care Opinion by itself when there is a signal.',
  readyToPost: 'The story is ready to post on Care Opinion’s website.',
  sent: 'The story was sent to Care Opinion.',
  servicesFound: (n: number) =>
    n === 0
      ? 'No service matches'
      : format.plural(n, { one: '{n} service found', other: '{n} services found' }),
  moreServicesFound: (n: number) =>
    `More than ${format.number(n)} services found: type more of the name to narrow the list`,
};
