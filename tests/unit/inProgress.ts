// TEMPORARY (issue 16): the story steps' words are being moved into the catalogues by another
// branch (storyflow: src/ui/story/steps/ and src/domain/steps.ts; i18n-b's part is merged). The word
// and address scans still read these files and count what is left, but do not fail on them yet. The
// lead deletes this list, and its uses, once storyflow is merged.
export const IN_PROGRESS_BY_STORYFLOW: readonly string[] = ['src/ui/story/steps/'];

export const isInProgress = (file: string) =>
  IN_PROGRESS_BY_STORYFLOW.some((prefix) => file.startsWith(prefix));
