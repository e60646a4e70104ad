// The raw material of the CRM demo data (demo-crm.ts): towns of the 11 Nordjylland municipalities with
// their postcodes, trades with DB07 industry codes, pre-starters and the hub's and offices' events.
// Every company name ends in "(demo)", so no one mistakes a demo company for a real one.

/** Municipality code → towns [name, postcode], and how many demo companies it gets (60 in all). */
export const demoTowns: Record<string, { companies: number; towns: [string, string][] }> = {
  '851': { companies: 12, towns: [['Aalborg', '9000'], ['Nørresundby', '9400'], ['Svenstrup J', '9230'], ['Hals', '9370']] },
  '860': { companies: 6, towns: [['Hjørring', '9800'], ['Hirtshals', '9850'], ['Lønstrup', '9800']] },
  '813': { companies: 6, towns: [['Frederikshavn', '9900'], ['Skagen', '9990'], ['Sæby', '9300']] },
  '787': { companies: 5, towns: [['Thisted', '7700'], ['Hanstholm', '7730'], ['Nørre Vorupør', '7700']] },
  '810': { companies: 5, towns: [['Brønderslev', '9700'], ['Dronninglund', '9330']] },
  '849': { companies: 5, towns: [['Fjerritslev', '9690'], ['Aabybro', '9440'], ['Pandrup', '9490']] },
  '846': { companies: 5, towns: [['Hobro', '9500'], ['Hadsund', '9560'], ['Mariager', '9550']] },
  '840': { companies: 4, towns: [['Støvring', '9530'], ['Skørping', '9520']] },
  '820': { companies: 5, towns: [['Aars', '9600'], ['Løgstør', '9670'], ['Farsø', '9640']] },
  '773': { companies: 4, towns: [['Nykøbing Mors', '7900']] },
  '825': { companies: 3, towns: [['Byrum', '9940'], ['Vesterø Havn', '9940']] },
};

/** [name part, DB07 code, DB07 text] */
export const demoTrades: [string, string, string][] = [
  ['Maskinfabrik', '282900', 'Fremstilling af andre maskiner til generelle formål'],
  ['Fiskeeksport', '463800', 'Engroshandel med andre fødevarer, herunder fisk, krebsdyr og bløddyr'],
  ['IT-Service', '620200', 'Konsulentbistand vedrørende informationsteknologi'],
  ['Tømrer og Snedker', '433200', 'Tømrer- og bygningssnedkervirksomhed'],
  ['Bryghus', '110500', 'Fremstilling af øl'],
  ['Vognmandsforretning', '494100', 'Vejgodstransport'],
  ['Rådgivende Ingeniører', '711290', 'Anden teknisk rådgivning'],
  ['Bageri', '107100', 'Fremstilling af brød og friske konditorvarer'],
  ['Software', '620100', 'Computerprogrammering'],
  ['Stålkonstruktioner', '251100', 'Fremstilling af metalkonstruktioner og dele heraf'],
  ['Camping', '553000', 'Campingpladser'],
  ['Økogrønt', '011300', 'Dyrkning af grøntsager, meloner, rødder og knolde'],
  ['Møbelsnedkeri', '310900', 'Fremstilling af andre møbler'],
  ['El-teknik', '432100', 'El-installation'],
  ['Badehotel', '551000', 'Hoteller'],
  ['Plastteknik', '222900', 'Fremstilling af andre plastprodukter'],
  ['Revision', '692000', 'Bogføring og revision; skatterådgivning'],
  ['Vindservice', '331200', 'Reparation af maskiner'],
  ['Design', '741000', 'Specialiseret designvirksomhed'],
  ['Skibsservice', '301100', 'Skibsbygning'],
];

/** [name suffix, legal form] */
export const demoLegalForms: [string, string][] = [
  ['ApS', 'Anpartsselskab'],
  ['A/S', 'Aktieselskab'],
  ['ApS', 'Anpartsselskab'],
  ['I/S', 'Interessentskab'],
  ['', 'Enkeltmandsvirksomhed'],
];

export const demoStreets = ['Havnegade', 'Industrivej', 'Østergade', 'Fabriksvej', 'Kystvejen', 'Stationsvej', 'Erhvervsparken', 'Søndergade', 'Vestergade', 'Mølleparken'];

/** Pre-starters (no CVR number yet): [name, municipality code]. */
export const demoPreStarters: [string, string][] = [
  ['Førstarter: Surdejsbageri i Hals (demo)', '851'],
  ['Førstarter: Kajakudlejning Vesterø (demo)', '825'],
  ['Førstarter: Droneinspektion Thy (demo)', '787'],
  ['Førstarter: Keramikværksted Skagen (demo)', '813'],
];

/** Collective activities: [title, registering organisation ('hub' or a municipality code)]. */
export const demoEvents: [string, string][] = [
  ['Netværksmøde: Grøn omstilling i produktionen', 'hub'],
  ['Workshop: Digital markedsføring for små virksomheder', 'hub'],
  ['Eksportseminar med Eksportrådet', 'hub'],
  ['Morgenmøde om generationsskifte', 'hub'],
  ['Iværksættercafé i Aalborg', '851'],
  ['Erhvervsnetværk Vendsyssel: automatisering', '860'],
  ['Turismeseminar i Skagen', '813'],
  ['Workshop: Klimakompasset i praksis', 'hub'],
];

/** The local offices' contacts (basic guidance), by kind. */
export const demoLocalTitles: Record<'visit' | 'meeting' | 'call', string[]> = {
  visit: ['Virksomhedsbesøg', 'Besøg om rekruttering', 'Besøg om udvidelse', 'Opfølgende besøg', 'Besøg om generationsskifte', 'Besøg om grøn omstilling'],
  meeting: ['Møde om udviklingsplaner', 'Møde om lokaler og byggesag', 'Iværksættermøde'],
  call: ['Opringning om støttemuligheder', 'Opfølgende opringning'],
};
export const demoHubTitles: Record<'meeting' | 'call' | 'email', string[]> = {
  meeting: ['Afklaringsmøde', 'Møde om eksportmuligheder', 'Møde om finansiering'],
  call: ['Opfølgning på forløb', 'Opringning om henvisning', 'Telefonisk afklaring'],
  email: ['Tilbud om Klimakompasset sendt', 'Materiale om Vækstfonden sendt', 'Invitation til netværksmøde'],
};

export const demoNotes = {
  shared: [
    'Virksomheden ønsker hjælp til at rekruttere faglærte – henvist til jobcentret.',
    'Henvist til Eksportrådet om markedsafklaring i Tyskland.',
    'Har deltaget i Bæredygtighedshjulet; opfølgning om et år.',
    'Kontaktperson er ny direktør fra 1. marts.',
  ],
  internal: [
    'Økonomien er presset efter tabet af en stor kunde – overvej Early Warning.',
    'Ejeren overvejer at sælge inden for to år; tal ikke om det med medarbejderne.',
    'Tidligere uenighed med kommunen om byggetilladelse – vær opmærksom.',
    'Ønsker diskretion om planerne for ny fabrik.',
  ],
};
