import { format } from './common.ts';

/** Honest numbers: what was sent this session, today's counts, and what waits behind the Lock screen. */
export const numbers = {
  sentThisSession: (n: number) =>
    format.plural(n, { one: '{n} sent this session', other: '{n} sent this session' }),
  today: (collected: number, waiting: number, sent: number) =>
    `Today: ${format.number(collected)} collected · ${format.number(waiting)} waiting · ${format.number(sent)} sent`,
  lockWaiting: (n: number) =>
    format.plural(n, {
      one: '{n} story waiting to send — unlock to send it',
      other: '{n} stories waiting to send — unlock to send them',
    }),
  lockKept: 'Other stories are kept safe on this device until they are finished.',
  lockUnknown: 'Stories may be waiting on this device. They are kept safe until they are sent.',
  shareTitle: 'Posted on behalf',
  /** "3 of 40 (8%)", the share only once there are enough stories for it to mean something. */
  shareCount: (onBehalf: number, all: number, percent: string | null) =>
    percent === null
      ? `${format.number(onBehalf)} of ${format.plural(all, { one: '{n} story', other: '{n} stories' })}`
      : `${format.number(onBehalf)} of ${format.plural(all, { one: '{n} story', other: '{n} stories' })} (${percent})`,
  shareLine: (month: string, allTime: string, target: string) =>
    `Posted on behalf: this month ${month}; all time ${allTime}. Target: under ${target}.`,
  shareOver: 'Over the target this month.',
  shareTry: 'Before posting on behalf, try:',
};
