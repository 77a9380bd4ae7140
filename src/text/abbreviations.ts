// Abbreviations that end with a period but rarely end a sentence, per language.
// Entries are lowercased, without the final period; inner periods stay ("u.s", "z.b").
// Every language also gets the English table: news in any language quotes English names and titles.

export interface AbbreviationTable {
  /** Never end a sentence: titles before a name, "e.g.", "vs.". */
  never: readonly string[];
  /** End a sentence only when a function word starts the next one: "U.S.", "Inc.", "etc.", months. */
  maybe: readonly string[];
  /** Never end a sentence before a number: "No. 1", "Nr. 5", "p. 12". */
  beforeNumber: readonly string[];
}

const TABLES: Record<string, AbbreviationTable> = {
  en: {
    never: ['mr', 'mrs', 'ms', 'messrs', 'dr', 'prof', 'gen', 'sen', 'rep', 'reps', 'gov', 'lt', 'col',
      'capt', 'cpt', 'sgt', 'cpl', 'pvt', 'maj', 'adm', 'cmdr', 'brig', 'st', 'ste', 'rev', 'hon', 'pres',
      'supt', 'det', 'insp', 'atty', 'sens', 'e.g', 'i.e', 'vs', 'v', 'cf', 'viz', 'approx', 'est', 'fig',
      'figs', 'mt', 'ft', 'ave', 'blvd'],
    maybe: ['u.s', 'u.k', 'u.n', 'e.u', 'd.c', 'l.a', 'n.y', 'a.m', 'p.m', 'etc', 'inc', 'corp', 'ltd',
      'co', 'bros', 'jr', 'sr', 'plc', 'llc', 'al', 'jan', 'feb', 'mar', 'apr', 'jun', 'jul', 'aug', 'sep',
      'sept', 'oct', 'nov', 'dec', 'ala', 'ariz', 'ark', 'calif', 'colo', 'conn', 'del', 'fla', 'ga',
      'ill', 'ind', 'kan', 'ky', 'la', 'md', 'mass', 'mich', 'minn', 'miss', 'mo', 'mont', 'neb', 'nev',
      'okla', 'ore', 'pa', 'tenn', 'tex', 'va', 'vt', 'wash', 'wis', 'wyo'],
    beforeNumber: ['no', 'nos', 'vol', 'p', 'pp', 'art', 'sec', 'ch', 'para', 'ex', 'op', 'rt'],
  },
  de: {
    never: ['hr', 'hrn', 'fr', 'dipl', 'ing', 'z.b', 'z', 'd.h', 'u.a', 'bzw', 'vgl', 'ca', 'evtl', 'ggf',
      'sog', 'inkl', 'zzgl', 'bzgl', 'gem', 'str', 'o.ä', 'u.ä', 'allg', 'insb', 'geb', 'verh', 'u.u'],
    maybe: ['usw', 'etc', 'u.s.w', 'jh', 'jhd', 'mio', 'mrd', 'tsd', 'gmbh', 'ag', 'okt', 'dez', 'jän',
      'febr', 'bspw'],
    beforeNumber: ['nr', 'art', 'abs', 's', 'bd', 'kap', 'abb', 'tab'],
  },
  fr: {
    never: ['m', 'mm', 'mme', 'mmes', 'mlle', 'mlles', 'me', 'pr', 'dr', 'mgr', 'st', 'ste', 'cf', 'ex',
      'env', 'av', 'bd', 'vol', 'éd', 'c.-à-d', 'c.à.d', 'p.ex'],
    maybe: ['etc', 'janv', 'févr', 'avr', 'juil', 'sept', 'oct', 'nov', 'déc', 'cie', 'sa', 'hab'],
    beforeNumber: ['n', 'no', 'art', 'p', 'pp', 'chap', 'al'],
  },
  es: {
    never: ['sr', 'sra', 'sres', 'sras', 'srta', 'dr', 'dra', 'd', 'dña', 'ud', 'uds', 'vd', 'vds', 'lic',
      'ing', 'arq', 'prof', 'gral', 'excmo', 'excma', 'ilmo', 'sto', 'sta', 'aprox', 'av', 'avda', 'c',
      'p.ej', 'vs', 'cía', 'dpto', 'depto'],
    maybe: ['etc', 'ee.uu', 'eeuu', 'ee.uu', 's.a', 'ene', 'abr', 'ago', 'sept', 'oct', 'dic', 'hnos'],
    beforeNumber: ['núm', 'nº', 'no', 'art', 'pág', 'págs', 'cap', 'p'],
  },
  it: {
    never: ['sig', 'sigg', 'sig.ra', 'sig.na', 'dott', 'dott.ssa', 'prof', 'prof.ssa', 'avv', 'ing', 'arch',
      'rag', 'geom', 'on', 'mons', 'sen', 'gen', 'col', 'cap', 'magg', 'ten', 'egr', 'gent', 'spett', 's',
      'ss', 'ca', 'cfr', 'vs', 'ecc.mo'],
    maybe: ['ecc', 'etc', 's.p.a', 'spa', 'srl', 'gen', 'febbr', 'apr', 'giu', 'lug', 'ago', 'sett',
      'ott', 'dic'],
    beforeNumber: ['n', 'nr', 'art', 'pag', 'pagg', 'cap', 'vol', 'p'],
  },
  pt: {
    never: ['sr', 'sra', 'srs', 'sras', 'srta', 'dr', 'dra', 'drs', 'prof', 'profa', 'eng', 'exmo', 'exma',
      'ilmo', 'ilma', 'v.exa', 'gal', 'cel', 'ten', 'cap', 'sto', 'sta', 'av', 'pe', 'aprox', 'cf', 'vs',
      'ex', 'p.ex'],
    maybe: ['etc', 'ltda', 's.a', 'cia', 'jan', 'fev', 'mar', 'abr', 'mai', 'jun', 'jul', 'ago', 'set',
      'out', 'nov', 'dez'],
    beforeNumber: ['n', 'nº', 'n.º', 'no', 'art', 'pág', 'págs', 'cap', 'p', 'vol'],
  },
  nl: {
    never: ['dhr', 'mevr', 'mw', 'dr', 'drs', 'ir', 'ing', 'mr', 'prof', 'bijv', 'bv', 'b.v', 'd.w.z',
      'o.a', 'm.a.w', 'i.p.v', 'z.g', 'ca', 'resp', 'vgl', 'zgn', 'mej', 'st', 'jl', 'j.l', 'a.s', 'evt',
      'i.v.m', 't.a.v', 'm.b.t', 'n.a.v'],
    maybe: ['enz', 'etc', 'e.d', 'n.v', 'mln', 'mld', 'jan', 'feb', 'mrt', 'apr', 'jun', 'jul', 'aug',
      'sep', 'sept', 'okt', 'nov', 'dec'],
    beforeNumber: ['nr', 'art', 'blz', 'p', 'hfst', 'lid'],
  },
  ru: {
    never: ['т.е', 'т.к', 'т.н', 'т.ч', 'напр', 'см', 'ср', 'ул', 'пр', 'просп', 'пер', 'пл', 'наб', 'им',
      'св', 'акад', 'проф', 'доц', 'ген', 'кн', 'гр', 'г-н', 'тов', 'обл', 'р-н', 'оз', 'д', 'стр', 'рис',
      'табл', 'т', 'ок', 'около'],
    maybe: ['г', 'гг', 'вв', 'в', 'т.д', 'т.п', 'др', 'пр', 'млн', 'млрд', 'тыс', 'руб', 'коп', 'долл',
      'янв', 'февр', 'авг', 'сент', 'окт', 'нояб', 'дек'],
    beforeNumber: ['№', 'с', 'ст', 'п', 'гл', 'ч', 'кв'],
  },
  uk: {
    never: ['т.б', 'т.зв', 'напр', 'див', 'пор', 'вул', 'просп', 'пров', 'пл', 'наб', 'обл', 'р-н', 'ім',
      'св', 'акад', 'проф', 'доц', 'ген', 'гр', 'п', 'пан', 'пані', 'д', 'рис', 'табл', 'м', 'с', 'смт',
      'бл', 'близько'],
    maybe: ['р', 'рр', 'ст', 'т.д', 'т.п', 'ін', 'млн', 'млрд', 'тис', 'грн', 'коп', 'дол', 'січ', 'лют',
      'бер', 'квіт', 'трав', 'черв', 'лип', 'серп', 'вер', 'жовт', 'лист', 'груд'],
    beforeNumber: ['№', 'ч', 'гл', 'розд', 'стор'],
  },
};

export type AbbreviationKind = 'never' | 'maybe' | 'beforeNumber';

const merged = new Map<string, ReadonlyMap<string, AbbreviationKind>>();

/** Abbreviations of `lang` plus the English ones; the language's own entry wins on a clash. */
export function abbreviationsFor(lang: string): ReadonlyMap<string, AbbreviationKind> {
  let table = merged.get(lang);
  if (!table) {
    const kinds = new Map<string, AbbreviationKind>();
    const sources = [TABLES.en, lang === 'en' ? undefined : TABLES[lang]];
    for (const source of sources) {
      if (!source) continue;
      for (const kind of ['never', 'maybe', 'beforeNumber'] as const) {
        for (const word of source[kind]) kinds.set(word, kind);
      }
    }
    table = kinds;
    merged.set(lang, table);
  }
  return table;
}
