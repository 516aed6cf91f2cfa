// The hand-off screen: posting a story on Care Opinion's website by hand, field by field, recording
// its address or number, and printing it for the freepost route.
import { format } from '../common.ts';

export const handoff = {
  intro:
    'Post this story on Care Opinion’s website with the storyteller: open Care Opinion, then copy each field below into the box the website asks for, in this order.',
  openCareOpinion: 'Open Care Opinion',
  /** With no email address, the website must be told a staff member is posting (issue 24, item 10). */
  noEmailReminder:
    'This story has no email address: on Care Opinion’s website, choose “staff member posting for a patient/service user”.',

  /** The fields in the website's order (handOff.ts); "Copy <field>" lower-cases the name. */
  fields: {
    title: 'Title',
    story: 'Story',
    service: 'Service',
    serviceNumbered: (n: number) => `Service ${format.number(n)}`,
    role: 'Who is telling the story',
    ageGroup: 'Age group',
    username: 'Username',
    postcode: 'Postcode',
    email: 'Email address',
  },
  /** Inside the one "What happened" box the website has (handOff.ts storyForWebsite). */
  whatWasGood: (text: string) => `What was good: ${text}`,
  whatCouldBeDifferent: (text: string) => `What could have been different: ${text}`,
  copy: (field: string) => `Copy ${field.toLowerCase()}`,
  copiedField: (field: string) => `${field} copied.`,
  copied: '✓ Copied',
  notCopied: 'This device did not allow copying. Select the text and copy it instead.',

  addressLabel: 'Care Opinion story address or number',
  /** `example`: a story address on the region's site (regions.ts exampleStoryAddress). */
  addressHint: (example: string) =>
    `Once Care Opinion shows the story as received, copy its address from the browser (for example ${example}) or type its number.`,
  posted: 'I have posted it',
  /** Why an address is refused (storyAddress.ts). */
  address: {
    empty: 'Paste the address of the story on Care Opinion, or type its number.',
    notCareOpinion:
      'This is not a Care Opinion address. Copy the address of the story from the Care Opinion page once it is posted.',
    notAStory:
      'This Care Opinion address is not a story’s address. Open the posted story and copy its address, or type its number.',
    notANumber:
      'This is neither a story address nor a story number. A story number has only digits, for example 1234567.',
  },

  print: 'Print',
  printOrSave: 'Print or save as PDF',
  printPersonalAsk:
    'Print the storyteller’s username, postcode and email too? Paper can be lost: print them only if the form goes straight into Care Opinion’s freepost envelope.',
  printWithout: 'Print without personal details',
  printWith: 'Print with username, postcode and email',
  cancel: 'Cancel',
  printTitle: 'Care Opinion: taking a story',
  consentGiven: (at: number) => `Consent to publish on Care Opinion given ${format.stamp(at)}.`,
};
