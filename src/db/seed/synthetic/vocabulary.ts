// The words synthetic companies are made of. Figures are rough on purpose: they only have to give the
// search the shape of the real register (many small firms named after their town or owner, a long tail
// of trades, most companies where most people live), not to be statistics.

/**
 * Rough population in thousands (Danmarks Statistik, early 2020s, rounded), by municipality code:
 * companies are drawn in this proportion, so Region Hovedstaden holds about a third of them and Læsø a
 * few dozen — as in the CVR register, where firms follow people.
 */
export const populationThousands: Readonly<Record<string, number>> = {
  '101': 660, '147': 105, '151': 49, '153': 35, '155': 15, '157': 75, '159': 70, '161': 24, '163': 30,
  '165': 28, '167': 55, '169': 58, '173': 57, '175': 41, '183': 24, '185': 44, '187': 17, '190': 41,
  '201': 26, '210': 41, '217': 63, '219': 52, '223': 25, '230': 57, '240': 44, '250': 46, '253': 51,
  '259': 62, '260': 31, '265': 91, '269': 24, '270': 42, '306': 33, '316': 73, '320': 37, '326': 49,
  '329': 36, '330': 80, '336': 23, '340': 30, '350': 29, '360': 40, '370': 84, '376': 60, '390': 46,
  '400': 39, '410': 39, '420': 41, '430': 52, '440': 24, '450': 32, '461': 207, '479': 59, '480': 30,
  '482': 12, '492': 6, '510': 55, '530': 27, '540': 74, '550': 37, '561': 116, '563': 3.5, '573': 50,
  '575': 43, '580': 59, '607': 52, '615': 98, '621': 95, '630': 121, '657': 90, '661': 59, '665': 19,
  '671': 21, '706': 43, '707': 37, '710': 50, '727': 23, '730': 99, '740': 100, '741': 3.7, '746': 64,
  '751': 365, '756': 41, '760': 56, '766': 47, '773': 20, '779': 46, '787': 43, '791': 98, '810': 36,
  '813': 59, '820': 36, '825': 1.8, '840': 30, '846': 42, '849': 38, '851': 222, '860': 64,
};

/** The first postcode of each region's range (Post Danmark's numbering runs east to west). */
export const regionPostcodeBase: Readonly<Record<number, number>> = { 1084: 2000, 1085: 4000, 1083: 5000, 1082: 8000, 1081: 9000 };

/** Regional adjectives for names like "Nordjysk Entreprise ApS", by region code. */
export const regionAdjectives: Readonly<Record<number, readonly string[]>> = {
  1081: ['Nordjysk', 'Vendsyssel', 'Himmerlands', 'Thy'],
  1082: ['Midtjysk', 'Østjysk', 'Vestjysk', 'Djurs'],
  1083: ['Sydjysk', 'Fynsk', 'Sønderjysk', 'Sydfyns'],
  1084: ['Københavns', 'Nordsjællands', 'Bornholms', 'Storkøbenhavns'],
  1085: ['Sjællands', 'Midtsjællands', 'Sydsjællands', 'Lolland-Falster'],
};

export interface Trade {
  /** DB07 industry code (6 digits). */
  code: string;
  text: string;
  /** Words the trade appears under in company names. */
  words: readonly string[];
  /** Relative frequency. */
  weight: number;
}

export const trades: readonly Trade[] = [
  { code: '620100', text: 'Computerprogrammering', words: ['IT', 'Software', 'Data', 'Digital', 'Tech'], weight: 8 },
  { code: '702200', text: 'Virksomhedsrådgivning og anden rådgivning om driftsledelse', words: ['Consult', 'Rådgivning', 'Management', 'Partners'], weight: 10 },
  { code: '433200', text: 'Tømrer- og bygningssnedkervirksomhed', words: ['Tømrerforretning', 'Tømrer', 'Byg', 'Tømrer og Snedker'], weight: 7 },
  { code: '432100', text: 'El-installation', words: ['El-service', 'Elektro', 'El-teknik', 'Installation'], weight: 5 },
  { code: '432200', text: 'VVS- og blikkenslagerforretninger', words: ['VVS', 'VVS og Blik', 'Blikkenslager'], weight: 4 },
  { code: '433410', text: 'Malerforretninger', words: ['Malerfirma', 'Maler', 'Malerforretning'], weight: 3 },
  { code: '412000', text: 'Opførelse af nye bygninger', words: ['Entreprise', 'Byggeri', 'Totalentreprise', 'Huse'], weight: 5 },
  { code: '282900', text: 'Fremstilling af andre maskiner til generelle formål', words: ['Maskinfabrik', 'Maskinværksted', 'Industri'], weight: 2 },
  { code: '251100', text: 'Fremstilling af metalkonstruktioner og dele heraf', words: ['Smedie', 'Stålindustri', 'Smede- og Maskinværksted', 'Metal'], weight: 2 },
  { code: '310900', text: 'Fremstilling af andre møbler', words: ['Møbelfabrik', 'Møbler', 'Snedkeri'], weight: 1 },
  { code: '107110', text: 'Bagerier, brødfabrikker og konditorier', words: ['Bageri', 'Bager', 'Konditori'], weight: 2 },
  { code: '463700', text: 'Engroshandel med kaffe, te, kakao og krydderier', words: ['Kaffe Kompagni', 'Kafferisteri', 'Te og Krydderier'], weight: 1 },
  { code: '561010', text: 'Restauranter', words: ['Restaurant', 'Spisehus', 'Kro', 'Bistro'], weight: 5 },
  { code: '563000', text: 'Caféer, værtshuse, diskoteker mv.', words: ['Café', 'Bodega', 'Bar'], weight: 2 },
  { code: '551010', text: 'Hoteller', words: ['Hotel', 'Badehotel', 'Kro og Hotel'], weight: 1 },
  { code: '471130', text: 'Kolonialhandlere (købmænd)', words: ['Købmandsgård', 'Købmand', 'Dagligvarer'], weight: 2 },
  { code: '452010', text: 'Almindelig reparation og vedligeholdelse af motorkøretøjer', words: ['Autoværksted', 'Auto', 'Motor'], weight: 3 },
  { code: '494100', text: 'Vejgodstransport', words: ['Vognmandsforretning', 'Transport', 'Fragt', 'Logistik'], weight: 3 },
  { code: '691000', text: 'Juridisk bistand', words: ['Advokatfirma', 'Advokater', 'Advokatkontor'], weight: 2 },
  { code: '692000', text: 'Bogføring og revision; skatterådgivning', words: ['Revision', 'Regnskab', 'Bogføring'], weight: 3 },
  { code: '711210', text: 'Rådgivende ingeniørvirksomhed', words: ['Ingeniørfirma', 'Ingeniører', 'Rådgivende Ingeniører'], weight: 2 },
  { code: '711100', text: 'Arkitektvirksomhed', words: ['Tegnestue', 'Arkitekter', 'Arkitektfirma'], weight: 2 },
  { code: '731110', text: 'Reklamebureauer', words: ['Reklamebureau', 'Kommunikation', 'Design'], weight: 3 },
  { code: '812100', text: 'Almindelig rengøring i bygninger', words: ['Rengøring', 'Service', 'Facility'], weight: 3 },
  { code: '960210', text: 'Frisørsaloner', words: ['Frisør', 'Frisørsalon', 'Hår og Velvære'], weight: 3 },
  { code: '011100', text: 'Dyrkning af korn (undtagen ris), bælgfrugter og olieholdige frø', words: ['Landbrug', 'Planteavl', 'Agro'], weight: 5 },
  { code: '014100', text: 'Malkekvægbrug', words: ['Mælkeproduktion', 'Kvægbrug', 'Landbrug'], weight: 2 },
  { code: '016100', text: 'Serviceydelser i forbindelse med planteavl', words: ['Maskinstation', 'Entreprenørforretning'], weight: 1 },
  { code: '031100', text: 'Havfiskeri', words: ['Fiskeri', 'Fiskeriselskab', 'Rederi'], weight: 1 },
  { code: '862300', text: 'Tandlæger', words: ['Tandlægerne', 'Tandklinik', 'Tandlægeselskab'], weight: 1 },
  { code: '869500', text: 'Fysioterapeuter og ergoterapeuter', words: ['Fysioterapi', 'Klinik', 'Sundhed'], weight: 2 },
  { code: '682040', text: 'Udlejning af erhvervsejendomme', words: ['Ejendomme', 'Ejendomsselskab', 'Invest', 'Holding'], weight: 8 },
  { code: '642020', text: 'Ikke-finansielle holdingselskaber', words: ['Holding', 'Invest', 'Kapital'], weight: 10 },
  { code: '477810', text: 'Optikere', words: ['Optik', 'Briller'], weight: 1 },
  { code: '474300', text: 'Detailhandel med tøj', words: ['Mode', 'Tøj', 'Boutique'], weight: 2 },
  { code: '855900', text: 'Anden undervisning i.a.n.', words: ['Kursus', 'Akademi', 'Læring'], weight: 1 },
];

export interface LegalForm {
  text: string;
  /** What the name ends with; empty for a sole proprietorship, which carries no suffix. */
  suffix: string;
  weight: number;
}

export const legalForms: readonly LegalForm[] = [
  { text: 'Anpartsselskab', suffix: 'ApS', weight: 45 },
  { text: 'Enkeltmandsvirksomhed', suffix: '', weight: 35 },
  { text: 'Aktieselskab', suffix: 'A/S', weight: 8 },
  { text: 'Interessentskab', suffix: 'I/S', weight: 6 },
  { text: 'Partnerselskab', suffix: 'P/S', weight: 2 },
  { text: 'Kommanditselskab', suffix: 'K/S', weight: 2 },
  { text: 'Andelsselskab med begrænset ansvar', suffix: 'A.m.b.A.', weight: 1 },
  { text: 'Erhvervsdrivende fond', suffix: 'Fond', weight: 1 },
];

export const firstNames = [
  'Anne', 'Mette', 'Kirsten', 'Hanne', 'Helle', 'Susanne', 'Lene', 'Maria', 'Camilla', 'Louise', 'Sofie', 'Ida',
  'Peter', 'Jens', 'Lars', 'Michael', 'Henrik', 'Søren', 'Thomas', 'Niels', 'Morten', 'Jesper', 'Anders', 'Rasmus',
  'Mads', 'Frederik', 'Kasper', 'Bo', 'Torben', 'Poul', 'Jørgen', 'Ole', 'Karsten', 'Bjarne', 'Gitte', 'Pia',
] as const;

export const surnames = [
  'Nielsen', 'Jensen', 'Hansen', 'Pedersen', 'Andersen', 'Christensen', 'Larsen', 'Sørensen', 'Rasmussen',
  'Jørgensen', 'Petersen', 'Madsen', 'Kristensen', 'Olsen', 'Thomsen', 'Christiansen', 'Poulsen', 'Johansen',
  'Møller', 'Mortensen', 'Knudsen', 'Jakobsen', 'Mikkelsen', 'Frederiksen', 'Laursen', 'Henriksen', 'Lund',
  'Holm', 'Schmidt', 'Eriksen', 'Kristiansen', 'Clausen', 'Simonsen', 'Svendsen', 'Andreasen', 'Iversen',
  'Østergaard', 'Jeppesen', 'Vestergaard', 'Nissen', 'Lauridsen', 'Kjær', 'Jespersen', 'Mogensen', 'Nørgaard',
  'Jepsen', 'Frandsen', 'Søndergaard', 'Kjeldsen', 'Bertelsen', 'Dahl', 'Overgaard', 'Bach', 'Damgaard',
] as const;

/** Farm and estate names: the register is full of "Østergaard I/S" and "Holmgård Landbrug". */
export const farmNames = [
  'Østergaard', 'Vestergaard', 'Nørgaard', 'Søndergaard', 'Holmgård', 'Bakkegården', 'Lindegaard', 'Kærgaard',
  'Engholm', 'Skovgaard', 'Mosegaard', 'Højgaard', 'Damgaard', 'Bøgelund', 'Rosenlund', 'Egebjerg',
] as const;

/** Invented brand words, as in "Nordlys Consult ApS". */
export const brandWords = [
  'Nordlys', 'Havblik', 'Klitten', 'Fjordglimt', 'Lyngbakken', 'Bølgen', 'Fyrtårnet', 'Ankeret', 'Kompasset',
  'Egetræet', 'Solsikken', 'Vindrosen', 'Stjernen', 'Nordstjernen', 'Kilden', 'Broen', 'Horisont', 'Viking',
  'Skagerrak', 'Kattegat', 'Limfjord', 'Lillebælt', 'Storebælt', 'Øresund', 'Mols', 'Gudenå',
] as const;

export const nationalAdjectives = ['Nordisk', 'Dansk', 'Skandinavisk', 'Nord', 'Syd', 'Øst', 'Vest', 'Ny', 'Gammel'] as const;

export const streetNames = [
  'Hovedgaden', 'Storegade', 'Nørregade', 'Søndergade', 'Vestergade', 'Østergade', 'Jernbanegade', 'Industrivej',
  'Håndværkervej', 'Stationsvej', 'Kirkevej', 'Skolevej', 'Møllevej', 'Havnegade', 'Strandvejen', 'Engvej',
  'Erhvervsvej', 'Fabriksvej', 'Torvet', 'Bakkevej', 'Skovvej', 'Markvej', 'Åboulevarden', 'Lufthavnsvej',
] as const;

/** Employee bands of the register with rough shares: most firms have no or very few employees. */
export const employeeBandWeights: readonly (readonly [string, number])[] = [
  ['0', 35], ['1', 20], ['2-4', 18], ['5-9', 10], ['10-19', 7], ['20-49', 5], ['50-99', 2.5],
  ['100-199', 1.3], ['200-499', 0.8], ['500-999', 0.25], ['1000+', 0.15],
];
