// Common UK first names and surnames (lower case) for the username rule "not a real name".
//
// README: this list is loaded only when the username field is on screen — the UI imports it
// with a dynamic `import()` of this file and passes `toNameSet(COMMON_NAMES)` to
// `checkUsername` — so it stays out of the initial bundle (the initial JS budget, tests/tools/bundleSize.ts). Domain
// code must never import it statically. Names that are mostly everyday words (hill, wood, green,
// king, will, hope, may, dawn, frank …) are left out on purpose: they would warn about ordinary
// usernames such as "hillwalker". Names of two letters are left out too (too many false matches).
// To add a name, put it in the right block in lower case; keep blocks roughly alphabetical.

const FIRST_NAMES_FEMALE = `
  abigail aisha alice alison amanda amber amelia amina amy andrea angela anita ann anna anne annie
  aoife aria asha audrey ava barbara beatrice bella beth bethany betty beverley brenda bronwen
  caitlin carol caroline carys catherine cerys charlotte chloe christine ciara claire clare
  deborah denise diane donna doris dorothy edith eileen elaine eleanor elizabeth ella ellie elsie
  emily emma esme ethel eva evelyn evie fatima ffion fiona florence freya gemma georgia gillian
  gladys grace gwen hannah harriet heather helen hilda holly imogen irene isabel isabella isla
  ivy jacqueline jane janet janice jasmine jean jennifer jenny jessica joan joanna joanne joyce
  judith julia julie karen kate katherine kathleen katie kayleigh kelly kerry khadija kirsty
  laura lauren layla leanne lesley lily linda lisa lorraine louise lucy luna lydia lynn lynne
  margaret maria marion martha mary maryam matilda maureen maya megan melanie mia michelle
  millie molly morag nadia natalie natasha neha nia niamh nicola olivia orla patricia paula
  pauline phoebe phyllis pooja poppy priya rachel rebecca rhiannon rita roisin rosie rose ruby
  ruth sally samantha sandra sarah scarlett seren sharon sheila shirley sinead siobhan sofia
  sophia sophie stacey stephanie sunita susan sylvia tegan theresa tina tracey tracy valerie
  vanessa vera victoria violet wendy willow yvonne zainab zara zoe
`;

const FIRST_NAMES_MALE = `
  aaron abdul adam ahmed aidan alan albert alex alexander alfie alfred ali alistair amit andrew
  andy angus anthony archie arjun arlo arnold arthur barry ben benjamin bernard bert bob bradley
  brendan brian callum calum cameron charles charlie chris christopher cian ciaran clifford colin
  connor conor craig cyril dafydd daniel darragh darren dave david dean declan deepak dennis derek
  dominic don donald douglas dylan eamon edward edwin eoin eric ernest ernie ethan euan ewan finley
  fraser fred freddie frederick gareth gary geoffrey george gerald gordon graham gurpreet hamish
  harold harry harvey hassan henry herbert howard ian ibrahim imran isaac jack jacob jake james
  jamie jason jeffrey jeremy jim jimmy joe john jon jonathan jordan joseph josh joshua keith ken
  kenneth kevin kieran lee leo leon leonard lewis liam louis luke malcolm manpreet martin matt
  matthew michael mike mohammed muhammad nathan neil nicholas nick nigel niall noah norman oisin
  oliver omar oscar owen padraig patrick paul percy pete peter phil philip phillip rajesh ravi
  raymond reg reuben rhys richard robert robbie roger ron ronald ross roy rory russell ryan sam
  samuel sanjay scott seamus sean sebastian shaun sid sidney simon stan stanley stephen steve
  steven stuart ted teddy terence terry theo theodore thomas tim timothy toby tom tommy tony
  trevor tyler vikram walter wayne wilfred william yusuf
`;

// Common Welsh first names, written without accents (the check folds "Siân" to "sian"). Names that
// are mostly everyday Welsh words (bryn, glyn, haf, eira, alaw, llinos, gwyn, wyn, non …) are left
// out, as above.
const FIRST_NAMES_WELSH = `
  aled aneurin angharad bedwyr betsan buddug cadi cai caradog carwyn catrin ceri cledwyn cynan
  dai delyth deiniol dewi dilys efa eleri elen elfed elin elis eluned elwyn emlyn emyr enid eurig
  gethin geraint gruffudd gruffydd gwenan gwenllian gwennan gwilym gwyneth gwynfor hefin heledd
  huw hywel idris ieuan ifan iolo ioan iola islwyn ithel iwan lleucu llewelyn llywelyn llyr lowri
  luned mabli macsen madog mair manon mared meinir meirion menna mererid mirain morfudd nerys
  nesta olwen osian owain peredur rhian rhodri rhydian sian sion sioned siwan steffan tegid
  tegwen tesni tomos trefor tudur wenna
`;

const SURNAMES = `
  adams ahmed akhtar allen anderson armstrong atkinson bailey barker barnes bates begum bennett
  berry booth bradley brennan burton butler byrne campbell carr carter chapman chowdhury clarke
  clark cole collins cooper davies davis dawson dixon doherty doyle edwards ellis evans farrell
  ferguson fitzgerald fleming foster gallagher gibson gill graham griffiths gupta hamilton harper
  harris harrison hart hayes henderson hewitt holmes hopkins howard hughes hussain iqbal jackson
  jenkins johnson johnston jones kaur kelly kennedy khan lawrence lloyd lynch macdonald mackenzie
  marshall matthews mccarthy mcdonald mclaughlin mitchell moore morgan morris murphy murray
  nolan obrien oconnor owen owens palmer parker patel pearson phillips powell quinn rahman reid
  reynolds richards richardson roberts robertson robinson rogers russell ryan shah sharma shaw
  simpson singh smith stevens stewart sullivan taylor thompson thomson townsend walker walsh
  watson webb wilkinson williams williamson wilson wright
`;

/** Every name once, lower case. */
export const COMMON_NAMES: readonly string[] = [
  ...new Set(
    `${FIRST_NAMES_FEMALE} ${FIRST_NAMES_MALE} ${FIRST_NAMES_WELSH} ${SURNAMES}`.trim().split(/\s+/),
  ),
];

/** A set for `checkUsername`'s `commonNames`: lower case, trimmed, no empty entries. */
export function toNameSet(list: readonly string[]): ReadonlySet<string> {
  return new Set(list.map((name) => name.trim().toLowerCase()).filter((name) => name.length > 0));
}
