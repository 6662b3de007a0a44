import type { Category } from '../../model/types.ts'

/**
 * Word lists the claims stage reads, by lemma (wink-nlp lemmas, lower case). Kept apart
 * from the binding logic so that adding a word never touches the rules.
 */

/** People in arms: a count of them is a deployment unless a predicate says otherwise. */
export const MILITARY_PEOPLE = new Set([
  'troop', 'soldier', 'personnel', 'force', 'serviceman', 'servicemen', 'servicemember',
  'fighter', 'mercenary', 'sailor', 'marine', 'commando', 'conscript', 'reservist', 'paratrooper',
  'infantryman', 'militant', 'combatant', 'sniper', 'gunman', 'gunmen', 'sapper', 'deminer', 'peacekeeper',
  // "personals": translation noise for personnel
  'personal',
])

/**
 * People who may be sent abroad (North Korean workers in Russia) but are mostly counted for
 * other reasons: a deployment only with a verb of sending or a country of their own.
 */
export const LABOUR_PEOPLE = new Set([
  'worker', 'labourer', 'laborer', 'engineer', 'specialist', 'instructor', 'adviser', 'advisor',
  'officer', 'pilot', 'crew', 'staff', 'man', 'men', 'member', 'volunteer', 'guard', 'recruit',
  'unit', 'brigade', 'battalion', 'division', 'army', 'officer', 'operative', 'agent', 'diplomat',
  'builder', 'medic', 'doctor', 'nurse', 'technician', 'mechanic', 'driver', 'instructor',
  'firefighter', 'rescuer', 'paramedic', 'responder', 'policeman', 'police', 'miner', 'team',
  // "deployed 4,800 monitors to polling stations": election and ceasefire observers
  'monitor', 'observer', 'inspector',
])

/**
 * Words of rescue, relief, policing and arms: with one of them in its sentence a team sent
 * somewhere is a deployment ("43 rescue teams", "medical teams were deployed"); without, it may
 * be a side sent to a tournament.
 */
export const SERVICE_CONTEXT = new Set([
  'rescue', 'rescuer', 'search', 'emergency', 'relief', 'medical', 'medic', 'humanitarian', 'aid', 'disaster',
  'evacuation', 'military', 'army', 'defence', 'defense', 'war', 'police', 'security', 'fire', 'firefighter',
  'firefighting', 'health', 'response', 'recovery', 'inspection', 'inspector', 'peacekeeping', 'bomb', 'demining',
])

/** Other people: counted without a predicate they are `other`. */
export const OTHER_PEOPLE = new Set([
  'people', 'person', 'civilian', 'child', 'children', 'resident', 'woman', 'women', 'inhabitant',
  'citizen', 'national', 'family', 'victim', 'student', 'patient', 'migrant', 'individual',
  'son', 'daughter', 'villager', 'survivor', 'passenger', 'civilian', 'worshipper', 'pilgrim',
  'pupil', 'schoolchild', 'schoolchildren', 'schoolgirl', 'schoolboy', 'teacher',
])

/** Nouns that name the category themselves. */
export const NOUN_CATEGORY = new Map<string, Category>([
  ['casualty', 'casualties'], ['casualties', 'casualties'], ['loss', 'casualties'],
  ['death', 'killed'], ['fatality', 'killed'], ['dead', 'killed'], ['body', 'killed'], ['life', 'killed'],
  ['toll', 'killed'],
  ['injury', 'wounded'], ['wounded', 'wounded'], ['injured', 'wounded'],
  ['prisoner', 'captured'], ['pow', 'captured'], ['pows', 'captured'], ['captive', 'captured'],
  ['hostage', 'captured'], ['detainee', 'captured'],
  ['refugee', 'displaced'], ['evacuee', 'displaced'], ['displaced', 'displaced'], ['evacuation', 'displaced'],
  ['arrival', 'displaced'],
  ['shell', 'munitions'], ['round', 'munitions'], ['missile', 'munitions'], ['ammunition', 'munitions'],
  ['munition', 'munitions'], ['munitions', 'munitions'], ['rocket', 'munitions'], ['bomb', 'munitions'],
  ['grenade', 'munitions'], ['drone', 'munitions'], ['projectile', 'munitions'], ['cartridge', 'munitions'],
  ['mortar', 'munitions'], ['warhead', 'munitions'], ['bullet', 'munitions'], ['artillery', 'munitions'],
  ['weapon', 'munitions'], ['launcher', 'munitions'], ['howitzer', 'munitions'],
  ['rifle', 'munitions'], ['pistol', 'munitions'], ['firearm', 'munitions'], ['explosive', 'munitions'],
  ['landmine', 'munitions'], ['torpedo', 'munitions'], ['interceptor', 'munitions'],
  ['missing', 'missing'],
])

/** Verbs and adjectives, before or after the counted noun, that decide the category. */
export const PREDICATE_CATEGORY = new Map<string, Category>([
  ['kill', 'killed'], ['killed', 'killed'], ['die', 'killed'], ['dead', 'killed'], ['slay', 'killed'],
  ['slain', 'killed'], ['execute', 'killed'], ['perish', 'killed'], ['drown', 'killed'],
  ['fall', 'killed'], ['fallen', 'killed'],
  ['wound', 'wounded'], ['wounded', 'wounded'], ['injure', 'wounded'], ['injured', 'wounded'],
  ['hurt', 'wounded'], ['hospitalize', 'wounded'], ['hospitalise', 'wounded'], ['hospitalized', 'wounded'],
  ['hospitalised', 'wounded'],
  ['capture', 'captured'], ['captured', 'captured'], ['detain', 'captured'], ['surrender', 'captured'],
  ['imprison', 'captured'], ['abduct', 'captured'], ['abducted', 'captured'], ['kidnap', 'captured'], ['kidnapped', 'captured'],
  // people arrested are held: one convention for every figure set (docs/figures.md, "Session 16";
  // of the arrests the sets annotated before it, all but `artdev-011`'s were `captured`)
  ['arrest', 'captured'], ['arrested', 'captured'],
  ['missing', 'missing'], ['unaccounted', 'missing'],
  ['displace', 'displaced'], ['displaced', 'displaced'], ['flee', 'displaced'], ['evacuate', 'displaced'],
  ['uproot', 'displaced'], ['homeless', 'displaced'], ['relocate', 'displaced'], ['move', 'displaced'],
  ['shelter', 'displaced'], ['camp', 'displaced'], ['refuge', 'displaced'], ['captivity', 'captured'],
  ['send', 'deployed'], ['deploy', 'deployed'], ['dispatch', 'deployed'], ['station', 'deployed'],
  ['post', 'deployed'], ['mobilize', 'deployed'], ['mobilise', 'deployed'], ['transfer', 'deployed'],
  ['rotate', 'deployed'], ['assign', 'deployed'],
])

/** Verbs of loss: before a number of people ("lost 300 men") they make casualties. */
export const LOSS_VERBS = new Set(['lose', 'suffer'])

/** Verbs by which a country hands over troops or munitions: their subject is whose they are. */
export const SENDING_VERBS = new Set([
  'send', 'deploy', 'dispatch', 'supply', 'provide', 'ship', 'transfer', 'deliver', 'give',
  'station', 'mobilize', 'mobilise', 'export', 'sell', 'fire', 'launch', 'lose',
  // "has moved 1,500 special forces", "withdrew 10,000 troops", "contributed 500 soldiers"
  'move', 'withdraw', 'commit', 'contribute', 'pledge',
])

/** Currencies named in words: "millions of dollars" is money. */
export const MONEY_NOUNS = new Set([
  'dollar', 'euro', 'pound', 'yen', 'yuan', 'won', 'rouble', 'ruble', 'hryvnia', 'rupee',
  'shilling', 'franc', 'peso', 'dinar', 'riyal', 'lira',
  // the crowns of Denmark, Sweden, Norway, Iceland and the Czech Republic, in English and
  // their own words ("90 million Danish crowns", "4 million kroner")
  'crown', 'krone', 'kroner', 'krona', 'kronor', 'koruna',
  // one country's currency each, as the quantities stage's CURRENCY_WORDS names them after a
  // number ("The forint has lost about 6 percent" is money); not "rand" (Rand Paul), "soles" or
  // "afghani", which name other things too
  'forint', 'zloty', 'naira', 'cedi', 'birr', 'rupiah', 'ringgit', 'baht', 'taka', 'dirham',
  'shekel', 'tenge', 'lari', 'rial', 'kyat',
])

/** Nouns that measure something else: "containers of munitions" counts munitions. */
export const CONTAINERS = new Set([
  'container', 'ton', 'tonne', 'batch', 'shipment', 'load', 'crate', 'box', 'piece',
  'wagon', 'truckload', 'consignment', 'lot', 'round', 'set',
])

/** Heads that are not things counted in the news sense: durations, distances, parts of speech. */
export const NOT_COUNTED = new Set([
  'day', 'week', 'month', 'year', 'hour', 'minute', 'second', 'time', 'decade', 'century',
  'age', 'side', 'kilometre', 'kilometer', 'km', 'mile', 'metre', 'meter', 'percent', 'per',
  'point', 'degree', 'way', 'thing', 'step', 'stage', 'phase', 'part', 'term', 'occasion',
  'cent', 'mm', 'cm', 'kg', 'lb', 'foot', 'feet', 'inch', 'times', 'fold', 'page', 'word',
  // a sports statistic ("31 goals in 28 league games", "with 12 matches left") is no figure
  'goal', 'game', 'match', 'wicket',
])

/**
 * Verbs by which a body sizes something "at" a figure: "counted at", "estimated at", "put at",
 * "placed at", "valued at"; in the passive its agent comes with "by" ("was estimated by the IOM
 * at 36,000").
 */
export const SIZING_VERBS = new Set(['count', 'estimate', 'put', 'peg', 'place', 'number', 'value'])

/** Speech verbs for the fallback "X said" when the attribution layer has nothing. */
export const SPEECH_VERBS = new Set([
  'say', 'tell', 'report', 'announce', 'claim', 'state', 'estimate', 'confirm', 'suggest', 'add',
  'note', 'write', 'reveal', 'disclose', 'warn', 'believe', 'assess', 'indicate', 'allege',
  'insist', 'acknowledge', 'admit', 'according', 'inform', 'brief', 'declare', 'explain',
])

// The modals and verbs of intention are the tense reader's (tokens/tense.ts), which the times stage shares.
export { MODALS, INTENT_VERBS } from '../tokens/tense.ts'

/**
 * Military equipment: counted in small numbers too ("three tanks", "four fighter jets"),
 * where a small count of other things is mostly discourse ("two sides", "seven continents").
 */
export const EQUIPMENT = new Set([
  'tank', 'vehicle', 'aircraft', 'jet', 'plane', 'airplane', 'helicopter', 'ship', 'warship',
  'boat', 'vessel', 'submarine', 'carrier', 'destroyer', 'frigate', 'truck', 'apc', 'satellite',
  'system', 'radar', 'battery', 'bomber', 'fighter', 'gun', 'cannon',
])

/**
 * Words that make a "system" or "battery" a weapon: "air defence systems", "Patriot
 * systems", "missile batteries" are munitions, where a bare "system" is equipment.
 */
export const WEAPON_SYSTEM_WORDS = new Set([
  'defence', 'defense', 'missile', 'rocket', 'patriot', 'himars', 'iris-t', 'nasams', 'launch', 'artillery', 'anti-aircraft',
])
