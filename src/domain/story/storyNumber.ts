// What a Care Opinion story number is (digits, no leading zero): the one rule, shared by the
// story-address parser and the send reducer. Apart from both so Home's bundle (which carries the
// reducer's canEdit) does not carry the parser and its words.
export const STORY_NUMBER = /^[1-9]\d{0,11}$/;

export const isStoryNumber = (value: string): boolean => STORY_NUMBER.test(value);
