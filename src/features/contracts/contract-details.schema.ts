// The details form of a result contract (issue 7; 04-contracts.md, "What a contract is"): title, base
// grant, signatories' names and signing dates, the dates of the contract, the follow-up quarter and the
// note. Read with zod into plain values with Danish messages that name the field and the value. The
// form's field names are the document's paths ("baseGrant.amount", "dates.agreedOn",
// "signatories.0.name"), so the contract schema's own errors land next to the right field.
import { z } from 'zod';
import type { ContractInput } from '../../domain/contracts/contracts.ts';
import { validationFailed, type FieldError } from '../../domain/errors.ts';
import { parseDecimal, type Rational } from '../../domain/money/rational.ts';
import { dateText } from './contract-editing.schema.ts';

type Body = Record<string, string | string[] | undefined>;

export const detailsEditPath = (contract: string) => `/kontrakter/${contract}/oplysninger`;

// ------------------------------------------------------------------------------------------ kroner

/** "17.645.000", "17645000", "17645000,50", "17.645.000,5 kr." — dots only in whole groups of three. */
const KRONER = /^(\d{1,3}(?:\.\d{3})+|\d+)(?:,(\d{1,2}))?$/;

export type KronerReading = { ok: true; value: Rational } | { ok: false; message: string };

/**
 * An amount in kroner as Danes write it. Anything that could be read two ways is refused rather than
 * guessed: "17,645" (three digits after a comma is how English writes thousands), "17.5" (a decimal
 * point), "17,645 mio" (not kroner), "1.2345" (a dot that is not a thousands separator).
 */
export function readKroner(text: string): KronerReading {
  const written = text.trim().replace(/\s*kr\.?$/i, '');
  const m = KRONER.exec(written);
  if (!m) {
    const why = /mio|mia|t\.?kr|tusind|million/i.test(text)
      ? 'skriv hele beløbet i kroner, fx 17.645.000 for 17,645 mio. kr.'
      : /,\d{3}(?!\d)/.test(written)
        ? 'et komma efterfulgt af tre cifre kan læses både som decimaler og som tusindtal – skriv fx 17.645.000 eller 17645000'
        : 'skriv fx 17.645.000, 17645000 eller 17645000,50 (punktum mellem tusinder, komma før øre)';
    return { ok: false, message: `er ikke et entydigt beløb i kroner – ${why}` };
  }
  const value = parseDecimal(`${m[1]!.replaceAll('.', '')}${m[2] ? `.${m[2]}` : ''}`);
  if (value === null || !value.isPositive()) return { ok: false, message: 'er ikke et beløb større end 0 kr.' };
  return { ok: true, value };
}

// ------------------------------------------------------------------------------------------ pieces

const first = (value: string | string[] | undefined) => (Array.isArray(value) ? value[0] : value);
const shown = (value: unknown) => JSON.stringify(String(value ?? ''));
const trimmed = (value: string | string[] | undefined) => (first(value) ?? '').trim();

const requiredText = (label: string, max: number) =>
  z.preprocess(first, z.string({ error: `${label} skal udfyldes.` }).trim().min(1, `${label} skal udfyldes.`).max(max, `${label} må højst være ${max} tegn.`));
const optionalText = (label: string, max: number) =>
  z.preprocess(first, z.string().trim().max(max, `${label} må højst være ${max} tegn.`).optional().transform((v) => (v ? v : undefined)));

/** An optional date, ÅÅÅÅ-MM-DD or DD-MM-ÅÅÅÅ as the editing forms read dates; stored as ÅÅÅÅ-MM-DD. */
const optionalDate = (label: string) => dateText(label, false);

const wholeNumber = (label: string, min: number, max: number, example: string) =>
  z.preprocess(
    first,
    z
      .string({ error: `${label} skal udfyldes.` })
      .trim()
      .transform((value, ctx) => {
        if (value === '') ctx.addIssue({ code: 'custom', message: `${label} skal udfyldes.` });
        else if (!/^\d{1,4}$/.test(value) || Number(value) < min || Number(value) > max) ctx.addIssue({ code: 'custom', message: `${label}: ${shown(value)} er ikke ${example}.` });
        return Number(value);
      }),
  );

// ------------------------------------------------------------------------------------------ the form

export interface SignatoryEdit {
  name?: string | undefined;
  signedOn?: string | undefined;
}

export interface DetailsEdit {
  title: string;
  /** undefined: the base grant is cleared (amount and distribution key both left empty). */
  baseGrant?: { amount: string; distributionKey: string; note?: string | undefined } | undefined;
  /** One per signatory of the document, in its order. */
  signatories: SignatoryEdit[];
  dates: { agreedOn?: string | undefined; signedOn?: string | undefined; sentToKlAndErstOn?: string | undefined };
  followUp: { year: number; quarter: number };
  note?: string | undefined;
}

const AMOUNT_LABEL = 'Basisbevilling (kr.)';

/** The details form; `document` gives the signatories (their number and titles). */
export function parseDetailsForm(body: Body, document: ContractInput): DetailsEdit {
  const errors: FieldError[] = [];
  const take = <T,>(schema: z.ZodType<T>, field: string): T | undefined => {
    const result = schema.safeParse(body[field]);
    if (result.success) return result.data;
    errors.push({ field, message: result.error.issues[0]?.message ?? 'er ugyldig' });
    return undefined;
  };
  const title = take(requiredText('Titel', 300), 'title');

  // The base grant: amount and key together, or neither (a draft may not know it yet).
  const amountText = trimmed(body['baseGrant.amount']);
  const distributionKey = take(optionalText('Fordelingsnøgle', 1000), 'baseGrant.distributionKey');
  const grantNote = take(optionalText('Bemærkning til basisbevillingen', 4000), 'baseGrant.note');
  let baseGrant: DetailsEdit['baseGrant'];
  if (amountText !== '') {
    const amount = readKroner(amountText);
    if (!amount.ok) errors.push({ field: 'baseGrant.amount', message: `${AMOUNT_LABEL}: ${shown(amountText)} ${amount.message}${amount.message.endsWith('.') ? '' : '.'}` });
    if (!distributionKey) errors.push({ field: 'baseGrant.distributionKey', message: 'Fordelingsnøgle skal udfyldes, når basisbevillingen har et beløb – fx "Folketal 1. kvartal 2023 efter bopælskommune".' });
    // The schema's form of an exact amount: no thousands dots, a decimal comma ("17645000,5").
    if (amount.ok && distributionKey) baseGrant = { amount: amount.value.toDecimalString().replace('.', ','), distributionKey, note: grantNote };
  } else if (distributionKey || grantNote) {
    errors.push({ field: 'baseGrant.amount', message: `${AMOUNT_LABEL} skal udfyldes, når fordelingsnøgle eller bemærkning er udfyldt – eller tøm alle tre felter for at fjerne basisbevillingen.` });
  }

  const signatories = (document.signatories ?? []).map((signatory, i): SignatoryEdit => {
    const who = `Underskriver ${i + 1} (${signatory.title})`;
    return {
      name: take(optionalText(`${who}, navn`, 300), `signatories.${i}.name`),
      signedOn: take(optionalDate(`${who}, underskrevet den`), `signatories.${i}.signedOn`),
    };
  });
  const dates = {
    agreedOn: take(optionalDate('Aftalt den'), 'dates.agreedOn'),
    signedOn: take(optionalDate('Underskrevet den'), 'dates.signedOn'),
    sentToKlAndErstOn: take(optionalDate('Sendt til KL og Erhvervsstyrelsen den'), 'dates.sentToKlAndErstOn'),
  };
  const followUpYear = take(wholeNumber('Opfølgningsår', 2000, 2100, 'et årstal – skriv fx 2025'), 'followUp.year');
  const quarter = take(wholeNumber('Opfølgningskvartal', 1, 4, 'et kvartal – vælg 1, 2, 3 eller 4'), 'followUp.quarter');
  const note = take(optionalText('Bemærkning', 4000), 'note');
  if (errors.length > 0) throw validationFailed(errors);
  return { title: title!, baseGrant, signatories, dates, followUp: { year: followUpYear!, quarter: quarter! }, note };
}
