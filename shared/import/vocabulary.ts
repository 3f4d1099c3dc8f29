import { tidyHeader } from './headers';

/**
 * The words column headers are written in, per field, in English, German, French, Spanish, Italian, Dutch
 * and Portuguese, and how a header is reduced to comparable tokens. Pure data and string work: the scoring
 * (with the column's content and a fuzzy fallback) is in columnRoles.ts.
 */

export const LANGUAGES = {
  en: 'English',
  de: 'German',
  fr: 'French',
  es: 'Spanish',
  it: 'Italian',
  nl: 'Dutch',
  pt: 'Portuguese',
} as const;
export type Language = keyof typeof LANGUAGES;

/** Phrases per language, `|`-separated, written as people write them (accents, spaces, apostrophes). */
export type Words = Partial<Record<Language, string>>;

/**
 * ISO 4217 codes in use. A header's code in parentheses or brackets ("Betrag (EUR)") is read as the
 * currency of its amounts; content made of these codes is a currency column.
 */
export const ISO_CURRENCIES = new Set(
  (
    'AED AFN ALL AMD ANG AOA ARS AUD AWG AZN BAM BBD BDT BGN BHD BIF BMD BND BOB BRL BSD BTN BWP BYN BZD ' +
    'CAD CDF CHF CLP CNY COP CRC CUP CVE CZK DJF DKK DOP DZD EGP ERN ETB EUR FJD FKP GBP GEL GHS GIP GMD ' +
    'GNF GTQ GYD HKD HNL HTG HUF IDR ILS INR IQD IRR ISK JMD JOD JPY KES KGS KHR KMF KPW KRW KWD KYD KZT ' +
    'LAK LBP LKR LRD LSL LYD MAD MDL MGA MKD MMK MNT MOP MRU MUR MVR MWK MXN MYR MZN NAD NGN NIO NOK NPR ' +
    'NZD OMR PAB PEN PGK PHP PKR PLN PYG QAR RON RSD RUB RWF SAR SBD SCR SDG SEK SGD SHP SLE SLL SOS SRD ' +
    'SSP STN SVC SYP SZL THB TJS TMT TND TOP TRY TTD TWD TZS UAH UGX USD UYU UZS VES VND VUV WST XAF XCD ' +
    'XCG XOF XPF YER ZAR ZMW ZWG ZWL'
  ).split(' '),
);

/** Codes common enough to be read as a currency when written bare at a header's end ("cost_usd", "AmountEUR"). */
const BARE_CODES = new Set([
  'usd',
  'eur',
  'gbp',
  'chf',
  'jpy',
  'cad',
  'aud',
  'sek',
  'nok',
  'dkk',
  'pln',
  'czk',
  'huf',
  'brl',
  'mxn',
  'inr',
  'cny',
  'sgd',
  'hkd',
  'nzd',
  'zar',
]);
const SYMBOL_CODES: Record<string, string> = { '€': 'EUR', $: 'USD', '£': 'GBP', '¥': 'JPY', '₹': 'INR' };

/** Small words that do not carry a header's meaning ("date of approval", "centre de coûts"). */
const STOPWORDS = new Set(
  'of the in on per for and a an de du des la le les d l el los las del en di da do dos das della dello ' +
    'het van der die das den von im am zu und et y e o em no na op voor met'.split(' '),
);

/** A header reduced to what it says. */
export interface HeaderWords {
  /** As written, tidied. */
  text: string;
  /** Lowercase, accents removed, camelCase and punctuation split ("PreTaxCost (USD)" → pre, tax, cost). */
  tokens: string[];
  /** The tokens that carry meaning (stopwords left out). */
  content: string[];
  /** The tokens joined ("pretaxcost"). */
  key: string;
  /** A currency the header names ("(EUR)", "cost_usd", "in €"), upper case, and how it was written. */
  currency: string | null;
  currencyText: string | null;
  /** A name repeated in parentheses and set aside ("(PreTaxCost)"). */
  repeated: string | null;
}

function fold(text: string): string {
  return text
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/ß/g, 'ss')
    .replace(/æ/g, 'ae')
    .replace(/ø/g, 'o')
    .toLowerCase();
}

function splitWords(text: string): string[] {
  return fold(
    text
      // camelCase and PascalCase: "preTaxCost" → "pre Tax Cost", "usageDateUTC" → "usage Date UTC".
      .replace(/([a-z\u00df-\u00ff])([A-Z])/g, '$1 $2')
      .replace(/([A-Z]+)([A-Z][a-z])/g, '$1 $2'),
  )
    .split(/[^a-z0-9]+/)
    .filter((t) => t !== '');
}

/** Three letters that are ISO codes and also words a header may put in parentheses. */
const NOT_CODES_IN_PARENS = new Set(['ALL', 'TOP', 'CUP', 'MOP', 'PEN', 'TRY', 'BOB', 'SOS', 'WST']);
const CODE_IN_PARENS = /[([]\s*([A-Za-z]{3}|[€$£¥₹])\s*[)\]]/;
const CODE_AFTER_IN = /\s(?:in|en|em)\s+([A-Z]{3}|[€$£¥₹])\s*$/;
const SYMBOL_AT_END = /\s([€$£¥₹])\s*$/;

const memo = new Map<string, HeaderWords>();

/**
 * Reduces a header to comparable tokens: case, spaces, `_`, `/`, camelCase and accents do not matter;
 * a currency named in parentheses ("Betrag (EUR)"), after "in" ("Kosten in €") or as a bare code at the
 * end ("cost_usd") is set aside as the header's currency; a name repeated in parentheses
 * ("PreTaxCost (PreTaxCost)") counts once.
 */
export function headerWords(header: string): HeaderWords {
  const cached = memo.get(header);
  if (cached) return cached;
  const tidy = tidyHeader(header);
  let text = tidy;
  let currency: string | null = null;
  let currencyText: string | null = null;
  let repeated: string | null = null;
  const twice = /^(.+?)\s*[([]\s*(.+?)\s*[)\]]$/.exec(text);
  if (twice && splitWords(twice[1]!).join('') === splitWords(twice[2]!).join('')) {
    repeated = `(${twice[2]})`;
    text = twice[1]!;
  }
  const setCurrency = (found: RegExpExecArray | null, upperOnly: boolean): void => {
    if (!found || currency) return;
    const raw = found[1]!;
    const code = SYMBOL_CODES[raw] ?? raw.toUpperCase();
    if (!ISO_CURRENCIES.has(code) || NOT_CODES_IN_PARENS.has(code)) return;
    if (upperOnly && raw !== raw.toUpperCase()) return;
    currency = code;
    currencyText = found[0].trim();
    text = `${text.slice(0, found.index)} ${text.slice(found.index + found[0].length)}`;
  };
  setCurrency(CODE_IN_PARENS.exec(text), false);
  setCurrency(CODE_AFTER_IN.exec(text), true);
  setCurrency(SYMBOL_AT_END.exec(text), false);
  let tokens = splitWords(text);
  const last = tokens[tokens.length - 1];
  if (tokens.length > 1 && last && BARE_CODES.has(last) && !currency) {
    currency = last.toUpperCase();
    currencyText = last.toUpperCase();
    tokens = tokens.slice(0, -1);
  }
  const content = tokens.filter((t) => !STOPWORDS.has(t));
  const words: HeaderWords = {
    text: tidy,
    tokens,
    content: content.length ? content : tokens,
    key: tokens.join(''),
    currency,
    currencyText,
    repeated,
  };
  if (memo.size < 5_000) memo.set(header, words);
  return words;
}

// ---------------------------------------------------------------------------------------------------------
// The words, by meaning. Each set lists the phrases that name one kind of column.

const DATE: Words = {
  en: 'date|posting date|booking date|transaction date|invoice date|bill date|usage date|charge date|expense date|purchase date|document date|value date|service date|day|timestamp|datetime|date time|txn date',
  de: 'datum|buchungsdatum|belegdatum|rechnungsdatum|leistungsdatum|transaktionsdatum|wertstellung|valutadatum|tag|zeitpunkt|ausgabedatum',
  fr: "date|date comptable|date de facture|date facture|date d'opération|date de l'opération|date de transaction|date de la dépense|date de dépense|date de valeur|jour|horodatage",
  es: 'fecha|fecha contable|fecha de factura|fecha factura|fecha de operación|fecha de transacción|fecha del gasto|fecha de gasto|fecha valor|día',
  it: 'data|data fattura|data registrazione|data operazione|data di registrazione|data della spesa|data spesa|data valuta|giorno',
  nl: 'datum|boekingsdatum|factuurdatum|transactiedatum|uitgavedatum|valutadatum|dag',
  pt: 'data|data da fatura|data de lançamento|data lançamento|data da transação|data da despesa|data de emissão|dia',
};
const MONTH: Words = {
  en: 'month|budget month|billing month|month start',
  de: 'monat|buchungsmonat|abrechnungsmonat',
  fr: 'mois',
  es: 'mes',
  it: 'mese',
  nl: 'maand',
  pt: 'mês|mes',
};
const YEAR: Words = {
  en: 'year|fiscal year|calendar year',
  de: 'jahr|geschäftsjahr',
  fr: 'année|an|exercice',
  es: 'año|ano|ejercicio|ciclo|ciclo fiscal|ejercicio fiscal',
  it: 'anno|esercizio',
  nl: 'jaar|boekjaar',
  pt: 'ano|exercício',
};
const PERIOD: Words = {
  en: 'period|fiscal period|reporting period|billing period',
  de: 'periode|zeitraum|buchungsperiode',
  fr: 'période|periode',
  es: 'periodo|período',
  it: 'periodo',
  nl: 'periode',
  pt: 'período|periodo',
};
const QUARTER: Words = {
  en: 'quarter|fiscal quarter',
  de: 'quartal',
  fr: 'trimestre',
  es: 'trimestre',
  it: 'trimestre',
  nl: 'kwartaal',
  pt: 'trimestre',
};
const AMOUNT: Words = {
  en: 'amount|cost|costs|spend|spending|total|total cost|net amount|gross amount|amount net|amount gross|extended cost|line amount|net|gross|charge|charges|expense|expenses|actual|actuals|actual cost|pre tax cost|cost in billing currency|billed cost|effective cost|invoice amount|transaction amount|sum',
  de: 'betrag|kosten|summe|gesamtbetrag|nettobetrag|bruttobetrag|rechnungsbetrag|buchungsbetrag|ausgabe|ausgaben|aufwand|istkosten|gesamtkosten|netto|brutto',
  fr: 'montant|coût|cout|coûts|total|montant ht|montant ttc|montant net|montant brut|dépense|dépenses|charge|charges|somme',
  es: 'importe|monto|costo|coste|costos|total|importe neto|importe bruto|neto|bruto|gasto|gastos|suma',
  it: 'importo|costo|costi|totale|importo netto|importo lordo|netto|lordo|spesa|spese|somma',
  nl: 'bedrag|kosten|totaal|totaalbedrag|nettobedrag|brutobedrag|netto|bruto|uitgave|uitgaven|som',
  pt: 'valor|montante|custo|custos|total|quantia|despesa|despesas|valor líquido|valor bruto|líquido|bruto|soma',
};
/** A ledger's debit column (amount = debit − credit); a statement's money going out is a cost. */
const DEBIT: Words = {
  en: 'debit|debits|debit amount|dr|money out|paid out|withdrawal|withdrawals|outflow|outflows',
  de: 'soll|sollbetrag|betrag soll|umsatz soll|lastschrift|ausgang',
  fr: 'débit|debit|montant débit|sortie|sorties',
  es: 'debe|débito|debito|cargo|cargos|salida|salidas',
  it: 'dare|addebito|addebiti|uscita|uscite',
  nl: 'debet|debetbedrag',
  pt: 'débito|debito|saída|saida|saídas',
};
/** A ledger's credit column (subtracted); a statement's money coming in. */
const CREDIT: Words = {
  en: 'credit|credits|credit amount|cr|money in|paid in|deposit|deposits|inflow|inflows',
  de: 'haben|habenbetrag|betrag haben|umsatz haben|gutschrift|eingang',
  fr: 'crédit|credit|montant crédit|entrée|entrées',
  es: 'haber|crédito|credito|abono|abonos|entrada|entradas',
  it: 'avere|accredito|accrediti|entrata|entrate',
  nl: 'credit|creditbedrag',
  pt: 'crédito|credito|entrada|entradas',
};
/** A column telling whether an unsigned amount is a debit or a credit (DATEV's S/H, "Dr/Cr"). */
const DEBIT_CREDIT_INDICATOR: Words = {
  en: 'dr/cr|d/c|debit/credit|debit credit indicator|debit/credit indicator|dc indicator|dr cr indicator|sign',
  de: 'soll/haben|soll/haben-kennzeichen|s/h|soll haben kennzeichen|sh kennzeichen',
  fr: 'sens|débit/crédit|sens débit crédit',
  es: 'debe/haber|d/h|signo',
  it: 'dare/avere|d/a|segno',
  nl: 'debet/credit|d/c|bij/af|af/bij',
  pt: 'débito/crédito|d/c|natureza',
};
const VALUE: Words = {
  en: 'value',
  de: 'wert',
  fr: 'valeur',
  es: 'valor',
  it: 'valore',
  nl: 'waarde',
  pt: 'valor',
};
const PRICE: Words = {
  en: 'price|net price',
  de: 'preis',
  fr: 'prix',
  es: 'precio',
  it: 'prezzo',
  nl: 'prijs',
  pt: 'preço',
};
const CURRENCY: Words = {
  en: 'currency|currency code|ccy|cur|billing currency|billing currency code|iso currency|transaction currency',
  de: 'währung|währungscode|währungsschlüssel|wahrung',
  fr: 'devise|monnaie|code devise|code de devise',
  es: 'moneda|divisa|código de moneda|codigo moneda',
  it: 'valuta|divisa|codice valuta',
  nl: 'valuta|munteenheid|valutacode',
  pt: 'moeda|divisa|código da moeda',
};
const VENDOR: Words = {
  en: 'vendor|vendor name|supplier|supplier name|provider|provider name|payee|merchant|merchant name|seller|creditor',
  de: 'lieferant|lieferantenname|anbieter|kreditor|kreditorenname|händler|verkäufer|zahlungsempfänger|dienstleister',
  fr: 'fournisseur|nom du fournisseur|prestataire|vendeur|bénéficiaire|marchand|créancier',
  es: 'proveedor|nombre del proveedor|vendedor|acreedor|beneficiario|comercio',
  it: 'fornitore|nome fornitore|venditore|beneficiario|esercente|creditore',
  nl: 'leverancier|leveranciersnaam|verkoper|crediteur|begunstigde|handelaar',
  pt: 'fornecedor|nome do fornecedor|vendedor|prestador|beneficiário|credor|comerciante',
};
const DESCRIPTION: Words = {
  en: 'description|memo|details|detail|item|line item|line description|narrative|notes|note|text|comment|comments|purpose',
  de: 'beschreibung|buchungstext|text|bezeichnung|verwendungszweck|bemerkung|bemerkungen|positionstext|notiz',
  fr: 'description|libellé|désignation|commentaire|commentaires|détail|détails|objet|note|notes',
  es: 'descripción|concepto|detalle|glosa|comentario|comentarios|nota|notas',
  it: 'descrizione|causale|dettaglio|note|nota|commento',
  nl: 'omschrijving|beschrijving|toelichting|opmerking|opmerkingen|notitie',
  pt: 'descrição|histórico|detalhe|observação|observações|nota|notas|comentário',
};
const CATEGORY: Words = {
  en: 'category|spend category|cost category|cost type|expense type|expense category|spend type|class',
  de: 'kategorie|kostenart|ausgabenart|kostenkategorie|klasse',
  fr: 'catégorie|type de coût|type de dépense|catégorie de dépense|nature de dépense',
  es: 'categoría|tipo de gasto|tipo de coste|tipo de costo|categoría de gasto|clase',
  it: 'categoria|tipologia|tipo di costo|tipo di spesa|categoria di spesa|classe',
  nl: 'categorie|kostensoort|uitgavecategorie|kostencategorie|klasse',
  pt: 'categoria|tipo de despesa|tipo de custo|categoria de despesa|natureza|classe',
};
const TYPE: Words = {
  en: 'type|kind',
  de: 'typ|art',
  fr: 'type|nature',
  es: 'tipo',
  it: 'tipo',
  nl: 'type|soort',
  pt: 'tipo',
};
const INITIATIVE: Words = {
  en: 'initiative|initiative name|project|project name|use case|use case name|program|programme|ai initiative|workstream',
  de: 'initiative|projekt|projektname|vorhaben|anwendungsfall|programm',
  fr: 'initiative|projet|nom du projet|cas d’usage|cas d’utilisation|programme',
  es: 'iniciativa|proyecto|nombre del proyecto|caso de uso|programa',
  it: 'iniziativa|progetto|nome progetto|caso d’uso|programma',
  nl: 'initiatief|project|projectnaam|use case|programma',
  pt: 'iniciativa|projeto|projecto|nome do projeto|caso de uso|programa',
};
const COST_CENTRE: Words = {
  en: 'cost center|cost centre|cc|cost center name|profit center|profit centre',
  de: 'kostenstelle|kst|kostenstellenname|profitcenter',
  fr: 'centre de coût|centre de coûts|centre de frais|centre de profit',
  es: 'centro de coste|centro de costo|centro de costos|centro de costes|centro de beneficio',
  it: 'centro di costo|centro costo|centro di profitto',
  nl: 'kostenplaats|kostencentrum|kostenplaatsnaam',
  pt: 'centro de custo|centro de custos|centro de lucro',
};
const DEPARTMENT: Words = {
  en: 'department|dept|division|business unit|bu|team|bureau component',
  de: 'abteilung|bereich|geschäftsbereich|sparte|unternehmensbereich|team',
  fr: 'département|division|unité|unité commerciale|équipe|direction',
  es: 'departamento|división|unidad de negocio|área|equipo',
  it: 'reparto|divisione|unità di business|area|dipartimento|squadra',
  nl: 'afdeling|divisie|bedrijfsonderdeel|businessunit|team',
  pt: 'departamento|divisão|unidade de negócio|área|equipe|equipa',
};
const BENEFIT: Words = {
  en: 'benefit|benefits|benefit amount|saving|savings|cost savings|cost saving|realised saving|realized saving|realised savings|realized savings|value realised|value realized|realised value|realized value|value delivered|benefit value',
  de: 'nutzen|einsparung|einsparungen|ersparnis|mehrwert|realisierter nutzen|realisierte einsparung|nutzenbetrag',
  fr: 'bénéfice|bénéfices|économie|économies|gain|gains|économies réalisées|valeur réalisée|valeur créée',
  es: 'beneficio|beneficios|ahorro|ahorros|ahorro realizado|valor realizado|valor generado',
  it: 'beneficio|benefici|risparmio|risparmi|risparmio realizzato|valore realizzato|valore generato',
  nl: 'baat|baten|besparing|besparingen|gerealiseerde besparing|voordeel|gerealiseerde waarde',
  pt: 'benefício|benefícios|economia|economias|poupança|poupanças|valor realizado|valor gerado',
};
const BENEFIT_TYPE: Words = {
  en: 'benefit type|type of benefit|saving type|savings type|value type',
  de: 'nutzenart|art des nutzens|einsparungsart',
  fr: 'type de bénéfice|type d’économie|type de gain',
  es: 'tipo de beneficio|tipo de ahorro',
  it: 'tipo di beneficio|tipo di risparmio',
  nl: 'soort baat|type besparing|soort besparing',
  pt: 'tipo de benefício|tipo de economia',
};
const REALIZED: Words = {
  en: 'realized|realised|realized projected|realised projected|actual or projected|actual projected|realization status|realisation status',
  de: 'realisiert|realisierung|ist oder plan',
  fr: 'réalisé|réalisation|réel ou prévu',
  es: 'realizado|realización|real o previsto',
  it: 'realizzato|realizzazione|effettivo o previsto',
  nl: 'gerealiseerd|realisatie',
  pt: 'realizado|realização|real ou previsto',
};
/** The assumption register's columns on benefit lines (range around the amount, driver, evidence). */
const LOW_CASE: Words = {
  en: 'low|low case|low estimate|low end|downside|pessimistic|worst case|minimum|min',
  de: 'niedrig|untergrenze|unterer wert|pessimistisch|worst case|minimum',
  fr: 'bas|basse|fourchette basse|hypothèse basse|pessimiste|minimum',
  es: 'bajo|escenario bajo|estimación baja|pesimista|mínimo',
  it: 'basso|scenario basso|stima bassa|pessimistico|minimo',
  nl: 'laag|ondergrens|pessimistisch|minimum',
  pt: 'baixo|cenário baixo|estimativa baixa|pessimista|mínimo',
};
const HIGH_CASE: Words = {
  en: 'high|high case|high estimate|high end|upside|optimistic|best case|maximum|max',
  de: 'hoch|obergrenze|oberer wert|optimistisch|best case|maximum',
  fr: 'haut|haute|fourchette haute|hypothèse haute|optimiste|maximum',
  es: 'alto|escenario alto|estimación alta|optimista|máximo',
  it: 'alto|scenario alto|stima alta|ottimistico|massimo',
  nl: 'hoog|bovengrens|optimistisch|maximum',
  pt: 'alto|cenário alto|estimativa alta|otimista|máximo',
};
const ASSUMPTION: Words = {
  en: 'assumption|key assumption|driver|value driver|basis|calculation basis|rationale',
  de: 'annahme|annahmen|treiber|werttreiber|berechnungsgrundlage|grundlage',
  fr: 'hypothèse|hypothèses|inducteur|levier|base de calcul',
  es: 'supuesto|hipótesis|impulsor|base de cálculo',
  it: 'ipotesi|assunzione|driver|base di calcolo',
  nl: 'aanname|aannames|uitgangspunt|waardedrijver|berekeningsbasis',
  pt: 'premissa|pressuposto|hipótese|direcionador|base de cálculo',
};
const EVIDENCE_SOURCE: Words = {
  en: 'source|evidence|evidence source|data source|reference',
  de: 'quelle|nachweis|datenquelle|beleg',
  fr: 'source|justificatif|preuve|source des données',
  es: 'fuente|evidencia|fuente de datos',
  it: 'fonte|evidenza|fonte dati',
  nl: 'bron|onderbouwing|databron',
  pt: 'fonte|evidência|fonte de dados',
};
const CONFIDENCE: Words = {
  en: 'confidence|confidence level|certainty',
  de: 'konfidenz|vertrauen|sicherheit|belastbarkeit',
  fr: 'confiance|niveau de confiance|fiabilité',
  es: 'confianza|nivel de confianza|certeza',
  it: 'confidenza|affidabilità|livello di confidenza',
  nl: 'betrouwbaarheid|zekerheid|vertrouwen',
  pt: 'confiança|nível de confiança|certeza',
};
const EVIDENCE_DATE: Words = {
  en: 'evidence date|as of|as at|measured on|evidence as of|last validated',
  de: 'nachweisdatum|stand|stand vom|gemessen am',
  fr: 'date de la preuve|date du justificatif|au|mesuré le',
  es: 'fecha de la evidencia|a fecha de|medido el',
  it: 'data evidenza|alla data|misurato il',
  nl: 'datum onderbouwing|peildatum|gemeten op',
  pt: 'data da evidência|data de referência|medido em',
};
const STATUS: Words = {
  en: 'status|state',
  de: 'status|zustand',
  fr: 'statut|état',
  es: 'estado|estatus',
  it: 'stato',
  nl: 'status',
  pt: 'status|situação|estado',
};
const BUDGET: Words = {
  en: 'budget|budget amount|budgeted|plan|planned|plan amount|planned amount|allocation|allocated',
  de: 'budget|plan|planwert|planbetrag|soll|budgetbetrag|voranschlag|haushaltsansatz',
  fr: 'budget|montant budgété|prévu|budgété|prévisionnel',
  es: 'presupuesto|presupuestado|importe presupuestado|previsto|plan|monto aprobado|importe aprobado|aprobado|monto asignado|asignado',
  it: 'budget|preventivo|importo budget|previsto|pianificato',
  nl: 'begroting|budget|begroot|gepland',
  pt: 'orçamento|orçado|valor orçado|previsto|planejado|planeado',
};
const KPI: Words = {
  en: 'kpi|kpi id|kpi name|metric|metric name|measure|indicator',
  de: 'kpi|kennzahl|kennzahlname|messgröße|indikator',
  fr: 'kpi|indicateur|nom de l’indicateur|mesure|métrique',
  es: 'kpi|indicador|métrica|medida',
  it: 'kpi|indicatore|metrica|misura',
  nl: 'kpi|indicator|kengetal|prestatie indicator|maatstaf',
  pt: 'kpi|indicador|métrica|medida',
};
const RESULT: Words = {
  en: 'actual|result|score|measured value|observed value',
  de: 'ist|istwert|ergebnis|messwert',
  fr: 'réel|résultat|valeur mesurée|score',
  es: 'real|resultado|valor medido|puntuación',
  it: 'effettivo|risultato|valore misurato|punteggio',
  nl: 'werkelijk|resultaat|gemeten waarde|score',
  pt: 'real|resultado|valor medido|pontuação',
};
const SEGMENT: Words = {
  en: 'segment|region|team|business unit',
  de: 'segment|region|team|geschäftsbereich',
  fr: 'segment|région|équipe',
  es: 'segmento|región|equipo',
  it: 'segmento|regione|squadra',
  nl: 'segment|regio|team',
  pt: 'segmento|região|equipe|equipa',
};
const RATE: Words = {
  en: 'rate|fx rate|exchange rate|conversion rate|fx',
  de: 'kurs|wechselkurs|umrechnungskurs|devisenkurs',
  fr: 'taux|taux de change|cours|cours de change',
  es: 'tasa|tipo de cambio|tasa de cambio|cambio',
  it: 'tasso|tasso di cambio|cambio',
  nl: 'koers|wisselkoers|valutakoers',
  pt: 'taxa|taxa de câmbio|câmbio|cotação',
};
const FX_CURRENCY: Words = { en: 'from currency|source currency|code|currency from' };
const NAME: Words = {
  en: 'name|title|use case name|initiative name|project name',
  de: 'name|bezeichnung|titel|projektname',
  fr: 'nom|intitulé|titre|nom du projet',
  es: 'nombre|título|nombre del proyecto',
  it: 'nome|titolo|nome progetto',
  nl: 'naam|titel|projectnaam',
  pt: 'nome|título|nome do projeto',
};
const OWNER: Words = {
  en: 'owner|lead|sponsor|accountable|responsible|project lead|product owner|business owner',
  de: 'verantwortlich|verantwortlicher|eigentümer|projektleiter|projektleitung|sponsor|owner',
  fr: 'responsable|propriétaire|porteur|chef de projet|sponsor',
  es: 'responsable|propietario|dueño|jefe de proyecto|patrocinador',
  it: 'responsabile|referente|proprietario|capo progetto|sponsor',
  nl: 'eigenaar|verantwoordelijke|trekker|projectleider|sponsor',
  pt: 'responsável|dono|proprietário|gerente do projeto|patrocinador',
};
const STAGE: Words = {
  en: 'stage|phase|stage of development|development stage|lifecycle stage|maturity',
  de: 'phase|stadium|reifegrad|projektphase|entwicklungsstufe',
  fr: 'étape|phase|stade|stade de développement|maturité',
  es: 'etapa|fase|estadio|etapa de desarrollo|madurez',
  it: 'fase|stadio|fase di sviluppo|maturità',
  nl: 'fase|stadium|ontwikkelingsfase|volwassenheid',
  pt: 'etapa|fase|estágio|estágio de desenvolvimento|maturidade',
};
const RISK_TIER: Words = {
  en: 'risk tier|tier|risk|risk level|risk class|risk rating|risk category',
  de: 'risikostufe|risikoklasse|risiko|risikoeinstufung|risikokategorie',
  fr: 'niveau de risque|risque|classe de risque|catégorie de risque',
  es: 'nivel de riesgo|riesgo|clase de riesgo|categoría de riesgo',
  it: 'livello di rischio|rischio|classe di rischio|categoria di rischio',
  nl: 'risiconiveau|risico|risicoklasse|risicocategorie',
  pt: 'nível de risco|risco|classe de risco|categoria de risco',
};
const HIGH_IMPACT: Words = {
  en: 'high impact|is high impact|high risk|is high risk|high impact flag',
  de: 'hohe auswirkung|hochrisiko|hohes risiko',
  fr: 'impact élevé|haut risque|risque élevé',
  es: 'alto impacto|alto riesgo',
  it: 'alto impatto|alto rischio',
  nl: 'hoge impact|hoog risico',
  pt: 'alto impacto|alto risco',
};
const APPROVAL_DATE: Words = {
  en: 'approval date|approved|approved on|approved date|date approved|formal approval date|formally approved|approval',
  de: 'genehmigungsdatum|genehmigt am|freigabedatum|freigegeben am|genehmigung|freigabe',
  fr: 'date d’approbation|date de validation|approuvé le|validé le|approbation',
  es: 'fecha de aprobación|aprobado el|aprobación',
  it: 'data di approvazione|data approvazione|approvato il|approvazione',
  nl: 'goedkeuringsdatum|goedgekeurd op|datum goedkeuring|goedkeuring',
  pt: 'data de aprovação|aprovado em|aprovação',
};
const BASELINE: Words = {
  en: 'has baseline|baseline|baseline defined|baseline set',
  de: 'baseline|ausgangswert|referenzwert|ausgangswert vorhanden',
  fr: 'référence|base de référence|valeur de référence',
  es: 'línea base|línea de base|valor de referencia',
  it: 'baseline|linea di base|valore di riferimento',
  nl: 'nulmeting|basislijn|baseline',
  pt: 'linha de base|linha base|valor de referência',
};
const INSTRUMENTED: Words = {
  en: 'instrumented|has outcome instrumentation|outcome instrumentation|outcomes measured|outcome measured|outcomes tracked',
  de: 'instrumentiert|ergebnis gemessen|wirkung gemessen',
  fr: 'instrumenté|résultats mesurés',
  es: 'instrumentado|resultados medidos',
  it: 'strumentato|risultati misurati',
  nl: 'geïnstrumenteerd|resultaten gemeten',
  pt: 'instrumentado|resultados medidos',
};
const CONCEPT_DATE: Words = {
  en: 'concept approved|concept approved date|concept approval date|start date|started|kickoff|kick off date',
  de: 'konzept genehmigt|konzeptfreigabe|startdatum|beginn|projektstart',
  fr: 'concept approuvé|date de début|date de lancement|début',
  es: 'concepto aprobado|fecha de inicio|inicio',
  it: 'concetto approvato|data di inizio|data inizio|inizio',
  nl: 'concept goedgekeurd|startdatum|begindatum|start',
  pt: 'conceito aprovado|data de início|início',
};
const PRODUCTION_DATE: Words = {
  en: 'production date|go live|go live date|live date|in production since|production since|launch date|deployed date|deployment date',
  de: 'produktivsetzung|produktionsdatum|live seit|produktiv seit|einführungsdatum|go live',
  fr: 'date de mise en production|mise en production|date de lancement en production|en production depuis',
  es: 'fecha de puesta en producción|puesta en producción|en producción desde|fecha de lanzamiento',
  it: 'data di messa in produzione|messa in produzione|in produzione dal|data di rilascio',
  nl: 'productiedatum|livegang|live sinds|in productie sinds',
  pt: 'data de entrada em produção|entrada em produção|em produção desde|data de lançamento',
};
const SUMMARY: Words = {
  en: 'summary|purpose|problem solved|what problem is the ai intended to solve',
  de: 'zusammenfassung|zweck|ziel',
  fr: 'résumé|objectif|finalité',
  es: 'resumen|propósito|objetivo',
  it: 'sommario|riepilogo|scopo|obiettivo',
  nl: 'samenvatting|doel',
  pt: 'resumo|propósito|objetivo',
};
const COMMITMENT_AMOUNT: Words = {
  en: 'commitment|commitment amount|committed|committed amount|commit|commit amount|prepaid|prepaid amount|prepaid credit|credit amount|credits|contract value|contract amount',
  de: 'zusage|zusagebetrag|vertragswert|vertragsvolumen|abnahmeverpflichtung|vorauszahlung|guthaben|prepaid betrag',
  fr: 'engagement|montant engagé|montant de l’engagement|valeur du contrat|prépayé|crédit prépayé|montant prépayé',
  es: 'compromiso|importe comprometido|valor del contrato|prepago|crédito prepago|importe prepagado',
  it: 'impegno|importo impegnato|valore del contratto|prepagato|credito prepagato|importo prepagato',
  nl: 'verplichting|toezegging|contractwaarde|vooruitbetaald|tegoed|vooruitbetaald bedrag',
  pt: 'compromisso|valor comprometido|valor do contrato|pré pago|crédito pré pago|valor pré pago',
};
const START_DATE: Words = {
  en: 'start|start date|starts|begin|begins|from|valid from|effective from|commitment start|term start',
  de: 'beginn|startdatum|start|gültig ab|von|laufzeitbeginn|vertragsbeginn',
  fr: 'début|date de début|du|valable du|à partir du',
  es: 'inicio|fecha de inicio|desde|válido desde',
  it: 'inizio|data di inizio|data inizio|dal|valido dal',
  nl: 'begin|startdatum|begindatum|vanaf|geldig vanaf',
  pt: 'início|data de início|desde|válido desde',
};
const END_DATE: Words = {
  en: 'end|end date|ends|expiry|expiry date|expires|expiration|expiration date|valid to|valid until|until|to|commitment end|term end',
  de: 'ende|enddatum|gültig bis|bis|ablaufdatum|laufzeitende|vertragsende',
  fr: 'fin|date de fin|au|valable jusqu’au|expiration|date d’expiration',
  es: 'fin|fecha de fin|fecha de finalización|hasta|válido hasta|vencimiento',
  it: 'fine|data di fine|data fine|al|valido fino al|scadenza',
  nl: 'einde|einddatum|tot|geldig tot|vervaldatum',
  pt: 'fim|data de fim|data de término|até|válido até|vencimento',
};
const COMMITMENT_TYPE: Words = {
  en: 'type|commitment type|kind|prepaid or commitment|contract type',
  de: 'art|typ|zusageart|vertragsart',
  fr: 'type|type d’engagement|type de contrat',
  es: 'tipo|tipo de compromiso|tipo de contrato',
  it: 'tipo|tipo di impegno|tipo di contratto',
  nl: 'soort|type|soort verplichting|contracttype',
  pt: 'tipo|tipo de compromisso|tipo de contrato',
};
const TOKENS_IN: Words = { en: 'tokens in|input tokens|prompt tokens' };
const TOKENS_OUT: Words = { en: 'tokens out|output tokens|completion tokens' };
const REQUESTS: Words = { en: 'requests|num model requests|calls|api calls|request count' };

/** A field's vocabulary: sets of words, each with how strongly it names the field (1 = names it outright). */
export type FieldVocabulary = readonly (readonly [Words, number])[];

/**
 * Per kind and field: the words that name it. Fields absent here (a service name for the category,
 * a tags column, a name qualifier) are set by vendor formats or by hand, never proposed from a header.
 */
export const FIELD_VOCABULARY: Record<string, Record<string, FieldVocabulary>> = {
  spend: {
    date: [[DATE, 1]],
    amount: [
      [AMOUNT, 1],
      [VALUE, 0.7],
      [PRICE, 0.6],
    ],
    year: [[YEAR, 1]],
    monthNumber: [[MONTH, 1]],
    debit: [[DEBIT, 1]],
    credit: [[CREDIT, 1]],
    sign: [[DEBIT_CREDIT_INDICATOR, 1]],
    currency: [[CURRENCY, 1]],
    initiative: [[INITIATIVE, 1]],
    category: [
      [CATEGORY, 1],
      [TYPE, 0.6],
    ],
    vendor: [[VENDOR, 1]],
    costCenter: [
      [COST_CENTRE, 1],
      [DEPARTMENT, 0.7],
    ],
    description: [[DESCRIPTION, 1]],
    tokensIn: [[TOKENS_IN, 1]],
    tokensOut: [[TOKENS_OUT, 1]],
    requests: [[REQUESTS, 1]],
  },
  budget: {
    month: [
      [MONTH, 1],
      [PERIOD, 0.9],
      // A year's budget is spread over its months (annualBudget.ts).
      [YEAR, 0.8],
      [DATE, 0.6],
    ],
    amount: [
      [BUDGET, 1],
      [AMOUNT, 0.7],
      [VALUE, 0.6],
    ],
    currency: [[CURRENCY, 1]],
    initiative: [[INITIATIVE, 1]],
    category: [[CATEGORY, 1]],
  },
  benefits: {
    date: [
      [DATE, 1],
      [{ en: 'benefit date|realisation date|realization date' }, 1],
      [MONTH, 0.8],
      [PERIOD, 0.8],
    ],
    initiative: [[INITIATIVE, 1]],
    amount: [
      [BENEFIT, 1],
      [AMOUNT, 0.7],
      [VALUE, 0.6],
    ],
    currency: [[CURRENCY, 1]],
    type: [
      [BENEFIT_TYPE, 1],
      [TYPE, 0.8],
      [CATEGORY, 0.7],
    ],
    realized: [
      [REALIZED, 1],
      [STATUS, 0.7],
    ],
    description: [[DESCRIPTION, 1]],
    low: [[LOW_CASE, 1]],
    high: [[HIGH_CASE, 1]],
    assumption: [[ASSUMPTION, 1]],
    owner: [[OWNER, 1]],
    source: [[EVIDENCE_SOURCE, 1]],
    confidence: [[CONFIDENCE, 1]],
    evidenceDate: [[EVIDENCE_DATE, 1]],
  },
  kpis: {
    kpi: [[KPI, 1]],
    period: [
      [PERIOD, 1],
      [MONTH, 1],
      [QUARTER, 1],
      [DATE, 0.8],
    ],
    value: [
      [VALUE, 1],
      [RESULT, 0.9],
    ],
    initiative: [[INITIATIVE, 1]],
    segment: [[SEGMENT, 1]],
  },
  fx: {
    month: [
      [MONTH, 1],
      [PERIOD, 0.9],
      [DATE, 0.8],
    ],
    currency: [
      [CURRENCY, 1],
      [FX_CURRENCY, 0.8],
    ],
    rate: [
      [RATE, 1],
      [VALUE, 0.6],
    ],
  },
  initiatives: {
    name: [
      [NAME, 1],
      [INITIATIVE, 0.95],
    ],
    owner: [[OWNER, 1]],
    businessUnit: [[DEPARTMENT, 1]],
    stage: [
      [STAGE, 1],
      [STATUS, 0.8],
    ],
    riskTier: [[RISK_TIER, 1]],
    highImpact: [[HIGH_IMPACT, 1]],
    approvalDate: [[APPROVAL_DATE, 1]],
    hasBaseline: [[BASELINE, 1]],
    hasOutcomeInstrumentation: [[INSTRUMENTED, 1]],
    conceptApprovedDate: [[CONCEPT_DATE, 1]],
    productionDate: [[PRODUCTION_DATE, 1]],
    description: [
      [DESCRIPTION, 1],
      [SUMMARY, 1],
    ],
  },
  commitments: {
    vendor: [[VENDOR, 1]],
    amount: [
      [COMMITMENT_AMOUNT, 1],
      [AMOUNT, 0.7],
      [VALUE, 0.6],
    ],
    start: [[START_DATE, 1]],
    end: [[END_DATE, 1]],
    type: [
      [COMMITMENT_TYPE, 1],
      [TYPE, 0.8],
    ],
    currency: [[CURRENCY, 1]],
    initiative: [[INITIATIVE, 1]],
    description: [[DESCRIPTION, 1]],
  },
};

/**
 * Words in headers that say what a whole file holds. Benefits are never inferred without one of
 * theirs (benefit, saving, value realised, realized, Nutzen, économie, ...): a "Project" or "Initiative"
 * column alone, or a plain "Value", says nothing about benefits.
 */
export const KIND_WORDS: Record<string, Words> = {
  spend: {
    en: 'spend|spending|cost|costs|expense|expenses|bill|billing|billed|purchase|purchases|invoice|invoices|vendor|supplier|merchant|payee|charge|charges',
    de: 'kosten|ausgabe|ausgaben|rechnung|eingangsrechnung|rechnungsbetrag|aufwand|einkauf|bestellung|lieferant|kreditor|buchung',
    fr: 'coût|coûts|dépense|dépenses|facture|factures|achat|achats|fournisseur|charge|charges',
    es: 'costo|coste|gasto|gastos|factura|facturas|compra|compras|proveedor',
    it: 'costo|costi|spesa|spese|fattura|fatture|acquisto|acquisti|fornitore',
    nl: 'kosten|uitgave|uitgaven|factuur|facturen|inkoop|aankoop|leverancier',
    pt: 'custo|custos|despesa|despesas|fatura|faturas|compra|compras|fornecedor',
  },
  budget: {
    en: 'budget|budgeted|plan|planned|allocation',
    de: 'budget|plan|planwert|soll|voranschlag',
    fr: 'budget|budgété|prévisionnel',
    es: 'presupuesto|presupuestado|aprobado|monto aprobado',
    it: 'budget|preventivo',
    nl: 'begroting|budget|begroot',
    pt: 'orçamento|orçado',
  },
  benefits: {
    en: `${BENEFIT.en}|realized|realised|realized projected|realised projected`,
    de: `${BENEFIT.de}|realisiert`,
    fr: `${BENEFIT.fr}|réalisé`,
    es: `${BENEFIT.es}|realizado`,
    it: `${BENEFIT.it}|realizzato`,
    nl: `${BENEFIT.nl}|gerealiseerd`,
    pt: `${BENEFIT.pt}|realizado`,
  },
  kpis: {
    en: 'kpi|metric|measure|indicator|target',
    de: 'kpi|kennzahl|zielwert',
    fr: 'kpi|indicateur|cible',
    es: 'kpi|indicador|meta',
    it: 'kpi|indicatore|obiettivo',
    nl: 'kpi|kengetal|indicator|doelwaarde',
    pt: 'kpi|indicador|meta',
  },
  initiatives: {
    en: 'stage|owner|risk|risk tier|sponsor|go live|approval date|use case|baseline',
    de: 'phase|verantwortlich|risiko|risikostufe|genehmigungsdatum|anwendungsfall',
    fr: 'étape|responsable|risque|niveau de risque|cas d’usage',
    es: 'etapa|responsable|riesgo|nivel de riesgo|caso de uso',
    it: 'fase|responsabile|rischio|livello di rischio|caso d’uso',
    nl: 'fase|eigenaar|risico|risiconiveau',
    pt: 'etapa|responsável|risco|nível de risco|caso de uso',
  },
  fx: {
    en: 'fx|fx rate|exchange rate|rate',
    de: 'wechselkurs|kurs',
    fr: 'taux de change|taux',
    es: 'tipo de cambio|tasa de cambio',
    it: 'tasso di cambio|cambio',
    nl: 'wisselkoers|koers',
    pt: 'taxa de câmbio|câmbio',
  },
  commitments: {
    en: 'commitment|committed|commit|prepaid|prepayment|prepaid credit|credits|credit amount|credit balance|start|start date|end|end date|valid from|valid until|expiry|expiry date|drawdown',
    de: 'zusage|abnahmeverpflichtung|vorauszahlung|guthaben|vertragswert|laufzeitbeginn|laufzeitende|vertragsbeginn|vertragsende',
    fr: 'engagement|prépayé|prépaiement|crédit prépayé|date de début|date de fin',
    es: 'compromiso|prepago|crédito prepago|fecha de inicio|fecha de fin',
    it: 'impegno|prepagato|credito prepagato|data di inizio|data di fine',
    nl: 'verplichting|toezegging|vooruitbetaald|tegoed|startdatum|einddatum',
    pt: 'compromisso|pré pago|crédito pré pago|data de início|data de fim',
  },
};

/** One phrase of a vocabulary, reduced as headers are. */
export interface Phrase {
  /** As written in the vocabulary. */
  text: string;
  tokens: string[];
  key: string;
  languages: Language[];
}

const phraseMemo = new WeakMap<Words, Phrase[]>();

/** The phrases of a word set, reduced once; a phrase used by several languages is one phrase naming them all. */
export function phrasesOf(words: Words): Phrase[] {
  const cached = phraseMemo.get(words);
  if (cached) return cached;
  const byKey = new Map<string, Phrase>();
  for (const [lang, list] of Object.entries(words) as [Language, string][]) {
    for (const text of list.split('|')) {
      const tokens = splitWords(text.replace(/[’']/g, ' '));
      const key = tokens.join('');
      const variants = [key];
      // German umlauts are also written ae/oe/ue ("Waehrung").
      if (lang === 'de' && /[äöü]/.test(text)) {
        variants.push(splitWords(text.replace(/ä/g, 'ae').replace(/ö/g, 'oe').replace(/ü/g, 'ue')).join(''));
      }
      for (const [i, k] of variants.entries()) {
        const existing = byKey.get(k);
        if (existing) {
          if (!existing.languages.includes(lang)) existing.languages.push(lang);
        } else {
          byKey.set(k, {
            text,
            tokens: i === 0 ? tokens : splitWords(k),
            key: k,
            languages: [lang],
          });
        }
      }
    }
  }
  const phrases = [...byKey.values()];
  phraseMemo.set(words, phrases);
  return phrases;
}

/** "German", "German/Dutch": the languages a phrase belongs to, for the evidence. */
export function languagesOf(phrase: Phrase): string {
  return phrase.languages.length >= 4
    ? 'several languages'
    : phrase.languages.map((l) => LANGUAGES[l]).join('/');
}
