// How the explorer writes its figures (page, Excel): one decimal with a Danish decimal comma, the
// exact value rounded half away from zero (as `knudepunkt evaluation metrics`), "ingen besvarelser"
// for n = 0 and "færre end 5 svar" for a suppressed figure.
import type { ConfidenceInterval } from '../../domain/evaluation/intervals.ts';
import type { Rational } from '../../domain/money/rational.ts';
import type { FigureMetricName } from './evaluation.schema.ts';
import type { Figure } from './evaluation.service.ts';

type Locale = 'da' | 'en';
const t = (locale: Locale, da: string, en: string) => (locale === 'en' ? en : da);

export const metricLabels: Readonly<Record<FigureMetricName, { da: string; en: string; unit: 'points' | 'percent' }>> = {
  nps: { da: 'Net Promoter Score (NPS)', en: 'Net Promoter Score (NPS)', unit: 'points' },
  veryPleasedShare: { da: 'Meget tilfreds med medarbejderens kompetencer', en: "Very satisfied with the adviser's competence", unit: 'percent' },
  expectedEffectHighShare: { da: 'Forventer positiv effekt i høj grad', en: 'Expect a positive effect to a high degree', unit: 'percent' },
  effectMediumShare: { da: 'Effekt i høj eller nogen grad (2019-2020)', en: 'Effect to a high or some degree (2019-2020)', unit: 'percent' },
  effectHighShare: { da: 'Effekt i høj grad (2019-2020)', en: 'Effect to a high degree (2019-2020)', unit: 'percent' },
  referralUptakeShare: { da: 'Har benyttet henvisningen', en: 'Used the referral', unit: 'percent' },
  digitalEffectHighShare: { da: 'Effekt i høj grad, digital vejledning', en: 'Effect to a high degree, digital guidance', unit: 'percent' },
  newCompanyShare: { da: 'Nye virksomheder blandt de evaluerede', en: 'New companies among those evaluated', unit: 'percent' },
};

const decimalSign = (text: string, locale: Locale) => (locale === 'en' ? text : text.replace('.', ',').replace('-', '−'));

/** 59.96 → "60,0" (Danish) / "60.0". */
export function formatExact(value: Rational, locale: Locale): string {
  return decimalSign(value.toFixed(1), locale);
}

export function formatFloat(value: number, locale: Locale): string {
  const rounded = Number(value.toFixed(1));
  return decimalSign((Object.is(rounded, -0) ? 0 : rounded).toFixed(1), locale);
}

export function formatInterval(interval: ConfidenceInterval | null, locale: Locale): string {
  if (interval === null) return '';
  return `${formatFloat(interval.low, locale)} ${t(locale, 'til', 'to')} ${formatFloat(interval.high, locale)}`;
}

export const noAnswers = (locale: Locale) => t(locale, 'ingen besvarelser', 'no responses');
export const fewerThanFive = (locale: Locale) => t(locale, 'færre end 5 svar', 'fewer than 5 answers');

/** The figure's value as text: "72,4", "72,4 %", "ingen besvarelser" or "færre end 5 svar". */
export function figureText(figure: Figure, locale: Locale): string {
  if (figure.status === 'none') return noAnswers(locale);
  if (figure.status === 'suppressed' || figure.value === null) return fewerThanFive(locale);
  const unit = metricLabels[figure.metric].unit === 'percent' ? ' %' : '';
  return `${formatExact(figure.value, locale)}${unit}`;
}
