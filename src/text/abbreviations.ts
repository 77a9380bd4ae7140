// The words the segmenter needs per language: abbreviations that end with a period but rarely end
// a sentence, and the function words that open one. Entries are lowercased, abbreviations without
// the final period (inner periods stay: "u.s", "z.b").
import { primaryLanguage } from './language.ts';

interface AbbreviationTable {
  /** Never end a sentence: titles before a name, "e.g.", "vs.". */
  never: readonly string[];
  /** End a sentence only when a function word starts the next one: "U.S.", "Inc.", "etc.", months. */
  maybe: readonly string[];
  /** Never end a sentence before a number: "No. 1", "Nr. 5", "p. 12". */
  beforeNumber: readonly string[];
  /**
   * Function words that commonly open a sentence: after a "maybe" abbreviation they mark a new
   * sentence ("in the U.S. The ..."), anything else continues it ("the U.S. Open"). Hand-picked:
   * stopword lists also hold content words ("open", "state") that follow abbreviations mid-sentence.
   */
  starters: string;
}

const TABLES: Record<string, AbbreviationTable> = {
  en: {
    never: ['mr', 'mrs', 'ms', 'messrs', 'dr', 'prof', 'gen', 'sen', 'rep', 'reps', 'gov', 'lt', 'col',
      'capt', 'cpt', 'sgt', 'cpl', 'pvt', 'maj', 'adm', 'cmdr', 'brig', 'st', 'ste', 'rev', 'hon', 'pres',
      'supt', 'det', 'insp', 'atty', 'sens', 'e.g', 'i.e', 'vs', 'v', 'cf', 'viz', 'approx', 'est', 'fig',
      'figs', 'mt', 'ft', 'ave', 'blvd'],
    maybe: ['u.s', 'u.k', 'u.n', 'e.u', 'd.c', 'l.a', 'n.y', 'a.m', 'p.m', 'etc', 'inc', 'corp', 'ltd',
      'co', 'bros', 'jr', 'sr', 'plc', 'llc', 'al', 'jan', 'feb', 'mar', 'apr', 'jun', 'jul', 'aug', 'sep',
      'sept', 'oct', 'nov', 'dec', 'ala', 'ariz', 'calif', 'colo', 'conn', 'fla', 'ga', 'kan', 'ky', 'md',
      'mich', 'minn', 'mont', 'neb', 'nev', 'okla', 'tenn', 'tex', 'va', 'vt', 'wis', 'wyo'],
    beforeNumber: ['no', 'nos', 'vol', 'p', 'pp', 'art', 'sec', 'ch', 'para', 'ex', 'op', 'rt'],
    starters: 'the a an he she it they we i you his her its their our my your this that these those ' +
      'nobody everybody everyone someone somebody anyone nothing everything something ' +
      'there here but and or so yet nor in on at for from with by as after before when while if ' +
      'although though because since however meanwhile then still also now some many most all both each ' +
      'no not what who why how where which during under over despite according among about into until ' +
      'unless once instead other another such several few last earlier later today yesterday every ' +
      'neither either just even only perhaps',
  },
  de: {
    never: ['hr', 'hrn', 'fr', 'dipl', 'ing', 'z.b', 'z', 'd.h', 'u.a', 'bzw', 'vgl', 'ca', 'evtl', 'ggf',
      'sog', 'inkl', 'zzgl', 'bzgl', 'gem', 'str', 'o.ä', 'u.ä', 'allg', 'insb', 'geb', 'verh', 'u.u'],
    maybe: ['usw', 'etc', 'u.s.w', 'jh', 'jhd', 'mio', 'mrd', 'tsd', 'gmbh', 'ag', 'jan', 'jän', 'feb', 'febr',
      'mrz', 'apr', 'jun', 'jul', 'aug', 'sep', 'sept', 'okt', 'nov', 'dez', 'bspw'],
    beforeNumber: ['nr', 'art', 'abs', 's', 'bd', 'kap', 'abb', 'tab'],
    starters: 'der die das ein eine einen einem einer eines er sie es wir ich ihr man sein seine ihre ' +
      'diese dieser dieses dass aber und oder doch denn so auch noch nun dann da als wenn weil obwohl ' +
      'nach vor bei mit von in im am auf aus für zum zur seit während trotz wie was wer wo warum nicht ' +
      'kein keine alle viele einige jeder jede damit deshalb daher zudem außerdem bereits schon heute ' +
      'gestern dort hier',
  },
  fr: {
    never: ['m', 'mm', 'mme', 'mmes', 'mlle', 'mlles', 'me', 'pr', 'dr', 'mgr', 'st', 'ste', 'cf', 'ex',
      'env', 'av', 'bd', 'vol', 'éd', 'c.-à-d', 'c.à.d', 'p.ex'],
    maybe: ['etc', 'janv', 'févr', 'avr', 'juil', 'sept', 'oct', 'nov', 'déc', 'cie', 'sa', 'hab'],
    beforeNumber: ['n', 'no', 'art', 'p', 'pp', 'chap', 'al'],
    starters: 'le la les l un une des du de il elle ils elles on nous je vous ce cet cette ces cela ça ' +
      'mais et ou donc car puis alors ainsi en dans à au aux pour par avec sans sur sous selon après ' +
      'avant depuis pendant lors quand si comme plusieurs certains tous toutes chaque aucun ne qui que ' +
      'où pourquoi comment aujourd hier son sa ses leur leurs notre nos mon ma mes',
  },
  es: {
    never: ['sr', 'sra', 'sres', 'sras', 'srta', 'dr', 'dra', 'd', 'dña', 'ud', 'uds', 'vd', 'vds', 'lic',
      'ing', 'arq', 'prof', 'gral', 'excmo', 'excma', 'ilmo', 'sto', 'sta', 'aprox', 'av', 'avda', 'c',
      'p.ej', 'vs', 'cía', 'dpto', 'depto'],
    maybe: ['etc', 'ee.uu', 'eeuu', 's.a', 'ene', 'feb', 'abr', 'jun', 'jul', 'ago', 'sep', 'sept', 'oct', 'nov',
      'dic', 'hnos'],
    beforeNumber: ['núm', 'nº', 'no', 'art', 'pág', 'págs', 'cap', 'p'],
    starters: 'el la los las lo un una unos unas él ella ellos ellas yo nosotros usted se su sus este ' +
      'esta estos estas ese esa eso esto pero y o ni porque pues así en con por para de del desde ' +
      'durante tras según sin sobre entre cuando si como también tampoco ya aún hoy ayer no todos todas ' +
      'cada algunos muchos qué quién dónde cómo mientras aunque',
  },
  it: {
    never: ['sig', 'sigg', 'sig.ra', 'sig.na', 'dott', 'dott.ssa', 'prof', 'prof.ssa', 'avv', 'ing', 'arch',
      'rag', 'geom', 'on', 'mons', 'sen', 'gen', 'col', 'cap', 'magg', 'ten', 'egr', 'gent', 'spett', 's',
      'ss', 'ca', 'cfr', 'vs', 'ecc.mo'],
    maybe: ['ecc', 'etc', 's.p.a', 'spa', 'srl', 'febbr', 'apr', 'giu', 'lug', 'ago', 'sett',
      'ott', 'dic'],
    beforeNumber: ['n', 'nr', 'art', 'pag', 'pagg', 'vol', 'p'],
    starters: 'il lo la i gli le l un uno una egli ella lui lei loro noi io si suo sua suoi sue questo ' +
      'questa questi queste quel quella ma e o né però perché quindi così anche ancora già in nel nella ' +
      'con per da dal dalla di del della su sul tra fra dopo prima durante secondo senza quando se come ' +
      'non tutti ogni alcuni molti oggi ieri chi cosa dove mentre',
  },
  pt: {
    never: ['sr', 'sra', 'srs', 'sras', 'srta', 'dr', 'dra', 'drs', 'prof', 'profa', 'eng', 'exmo', 'exma',
      'ilmo', 'ilma', 'v.exa', 'gal', 'cel', 'ten', 'cap', 'sto', 'sta', 'av', 'pe', 'aprox', 'cf', 'vs',
      'ex', 'p.ex'],
    maybe: ['etc', 'ltda', 's.a', 'cia', 'jan', 'fev', 'mar', 'abr', 'mai', 'jun', 'jul', 'ago', 'set',
      'out', 'nov', 'dez'],
    beforeNumber: ['n', 'nº', 'n.º', 'no', 'art', 'pág', 'págs', 'p', 'vol'],
    starters: 'o a os as um uma uns umas ele ela eles elas eu nós você se seu sua seus suas este esta ' +
      'estes estas esse essa isso isto mas e ou nem porque pois assim em no na nos nas com por para de ' +
      'do da dos das desde durante após segundo sem sobre entre quando como também ainda já hoje ontem ' +
      'não todos cada alguns muitos quem onde enquanto embora',
  },
  nl: {
    never: ['dhr', 'mevr', 'mw', 'dr', 'drs', 'ir', 'ing', 'mr', 'prof', 'bijv', 'bv', 'b.v', 'd.w.z',
      'o.a', 'm.a.w', 'i.p.v', 'z.g', 'ca', 'resp', 'vgl', 'zgn', 'mej', 'st', 'jl', 'j.l', 'a.s', 'evt',
      'i.v.m', 't.a.v', 'm.b.t', 'n.a.v'],
    maybe: ['enz', 'etc', 'e.d', 'n.v', 'mln', 'mld', 'jan', 'feb', 'mrt', 'apr', 'jun', 'jul', 'aug',
      'sep', 'sept', 'okt', 'nov', 'dec'],
    beforeNumber: ['nr', 'art', 'blz', 'p', 'hfst', 'lid'],
    starters: 'de het een hij zij ze wij we ik u jij zijn haar hun dit dat deze die er maar en of want ' +
      'dus toch ook nog nu dan toen als omdat hoewel na voor bij met van in op uit aan om tijdens ' +
      'volgens zonder over sinds wanneer niet geen alle veel sommige elke wie wat waar waarom hoe ' +
      'vandaag gisteren',
  },
  ru: {
    never: ['т.е', 'т.к', 'т.н', 'т.ч', 'напр', 'см', 'ср', 'ул', 'просп', 'пер', 'пл', 'наб', 'им',
      'св', 'акад', 'проф', 'доц', 'ген', 'кн', 'гр', 'г-н', 'тов', 'обл', 'р-н', 'оз', 'д', 'стр', 'рис',
      'табл', 'т'],
    maybe: ['г', 'гг', 'вв', 'т.д', 'т.п', 'др', 'пр', 'млн', 'млрд', 'тыс', 'руб', 'коп', 'долл',
      'янв', 'февр', 'авг', 'сент', 'окт', 'нояб', 'дек'],
    beforeNumber: ['№', 'с', 'ст', 'п', 'гл', 'ч', 'кв'],
    starters: 'он она оно они мы я вы ты это этот эта эти тот та те но и а или однако поэтому потом ' +
      'затем также тоже уже ещё в во на с со по для от из к при после до когда если как не все каждый ' +
      'многие некоторые кто что где почему сегодня вчера его её их наш мой там тогда здесь впрочем ' +
      'кроме',
  },
  uk: {
    never: ['т.б', 'т.зв', 'напр', 'див', 'пор', 'вул', 'просп', 'пров', 'пл', 'наб', 'обл', 'р-н', 'ім',
      'св', 'акад', 'проф', 'доц', 'ген', 'гр', 'п', 'пан', 'пані', 'д', 'рис', 'табл', 'м', 'с', 'смт',
      'бл'],
    maybe: ['р', 'рр', 'ст', 'т.д', 'т.п', 'ін', 'млн', 'млрд', 'тис', 'грн', 'коп', 'дол', 'січ', 'лют',
      'бер', 'квіт', 'трав', 'черв', 'лип', 'серп', 'вер', 'жовт', 'лист', 'груд'],
    beforeNumber: ['№', 'ч', 'гл', 'розд', 'стор'],
    starters: 'він вона воно вони ми я ви ти це цей ця ці той та ті але і й а або однак тому потім ' +
      'також вже ще в у на з зі із по для від до при після коли якщо як не всі кожен багато деякі хто ' +
      'що де чому сьогодні вчора його її їх наш мій там тоді тут проте крім',
  },
};

export type AbbreviationKind = 'never' | 'maybe' | 'beforeNumber';

export interface BoundaryWords {
  abbreviations: ReadonlyMap<string, AbbreviationKind>;
  /** Sentence-opening function words of the language and of English. */
  starters: ReadonlySet<string>;
  /** False when the language has no table here: only the international English entries apply. */
  known: boolean;
}

// English entries that every language gets, since news in any language quotes English names,
// titles and companies. The rest of the English table stays English: "est", "det" and "sens" are
// words elsewhere.
const INTERNATIONAL = new Set(['mr', 'mrs', 'ms', 'dr', 'prof', 'st', 'e.g', 'i.e', 'vs', 'u.s', 'u.k',
  'u.n', 'e.u', 'inc', 'corp', 'ltd', 'co', 'jr', 'etc', 'a.m', 'p.m', 'no']);

const merged = new Map<string, BoundaryWords>();

/** Words of `lang`, plus the international English abbreviations and English sentence starters. */
export function boundaryWordsFor(lang: string): BoundaryWords {
  let words = merged.get(lang);
  if (!words) {
    const base = primaryLanguage(lang);
    const english = TABLES.en!;
    const own = TABLES[base];
    const abbreviations = new Map<string, AbbreviationKind>();
    const starters = new Set(english.starters.split(' '));
    for (const kind of ['never', 'maybe', 'beforeNumber'] as const) {
      for (const word of english[kind]) {
        if (base === 'en' || INTERNATIONAL.has(word)) abbreviations.set(word, kind);
      }
      if (own && own !== english) for (const word of own[kind]) abbreviations.set(word, kind);
    }
    if (own) for (const word of own.starters.split(' ')) starters.add(word);
    words = { abbreviations, starters, known: own !== undefined };
    merged.set(lang, words);
  }
  return words;
}
