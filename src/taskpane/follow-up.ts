/**
 * What the Kör card shows for a monthly follow-up (Uppföljning till): the window, its main figure
 * and how that figure moved since the window ending a month earlier. The earlier figure is the
 * same key figure of the month series the refresh computed for KPB Månad (monthly-series.ts), so
 * no second run is needed.
 */
import { Dec, monthsOf, rollingWindow, yearToDateWindow, type KpbResult, type MonthlySeries, type PeriodWindow } from "../engine";
import type { Language } from "./i18n";
import { figureName, summaryFigures } from "./summary";

/** The figure the card follows: hemtjänst in egen regi per hour, else the card's first figure. */
export const FOLLOW_UP_FIGURE = "hemtjanst_egen_kr_timme";

export interface FollowUpChange {
  /** The window ending a month before. */
  window: PeriodWindow;
  value: string;
  /** value now − value then (decimal string). */
  difference: string;
  /** The difference in percent of the earlier value (decimal string); null when that was 0. */
  percent: string | null;
  direction: "up" | "down" | "same";
}

export interface FollowUpFigure {
  kind: "rolling" | "ytd";
  window: PeriodWindow;
  id: string;
  name: string;
  unit: string;
  value: string;
  /** Null when the series has no figure for the month before (fewer than twelve months back, or January year to date). */
  previous: FollowUpChange | null;
}

/** The follow-up figure of a run, or null when the run is the calendar year (no Uppföljning till). */
export function followUpFigure(result: KpbResult, series: MonthlySeries | undefined, language: Language): FollowUpFigure | null {
  const window = result.settings.period;
  if (!window) return null;
  const kind = window.from === yearToDateWindow(window.to).from ? "ytd" : "rolling";
  const figure = result.keyFigures.find((f) => f.id === FOLLOW_UP_FIGURE) ?? firstSummaryFigure(result, language);
  if (!figure) return null;
  const base = { kind, window, id: figure.id, name: figureName(figure, language), unit: figure.unit, value: figure.value } as const;
  const months = monthsOf(window);
  const before = months.length > 1 ? months[months.length - 2] : null;
  const earlier = before ? series?.keyFigures[kind][before]?.[figure.id] : undefined;
  if (!before || earlier === undefined) return { ...base, previous: null };
  const difference = new Dec(figure.value).minus(earlier);
  const percent = new Dec(earlier).isZero() ? null : difference.div(earlier).times(100).toFixed();
  return {
    ...base,
    previous: {
      window: kind === "ytd" ? yearToDateWindow(before) : rollingWindow(before),
      value: earlier,
      difference: difference.toFixed(),
      percent,
      direction: difference.isZero() ? "same" : difference.isPositive() ? "up" : "down",
    },
  };
}

function firstSummaryFigure(result: KpbResult, language: Language) {
  const first = summaryFigures(result, language, 1)[0];
  return first ? result.keyFigures.find((f) => f.id === first.id) : undefined;
}
