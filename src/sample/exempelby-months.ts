import { type CellValue } from "../engine";
import { exempelbyTables, SAMPLE_YEAR, type SampleTables } from "./exempelby";

/**
 * Exempelby over 24 months for the monthly follow-up: the sample year (2024) and a second year
 * (2025, the generator with another seed), with `Period` in both Ekonomi and Brukare. Each ledger
 * booking gets the month it belongs to: wages and monthly payments one month each, quarterly
 * bookings the quarter's last month. The 2024 rows are the one-year sample's rows unchanged, so the
 * annual run for 2024 gives the sample's figures. The second year's clients have their own ids.
 * The second year has the seasons a ledger has (`seasons`): summer temps and a year-end accrual.
 */
export function exempelbyTwoYears(): SampleTables {
  const first = exempelbyTables();
  const second = exempelbyTables(20250101);
  const periodAt = second.Brukare[0].indexOf("Period");
  const idAt = second.Brukare[0].indexOf("BrukarID");
  const nextYear = second.Brukare.slice(1).map((r) =>
    r.map((c, j) => (j === periodAt && typeof c === "string" ? c.replace(`${SAMPLE_YEAR}-`, `${SAMPLE_YEAR + 1}-`) : j === idAt && typeof c === "string" ? c.replace(/^EB/, "EC") : c)),
  );
  const settings = first.Inställningar.map((r) => (r[0] === "År" ? ["År", SAMPLE_YEAR + 1] : r));
  return {
    ...first,
    Inställningar: settings,
    Ekonomi: [[...first.Ekonomi[0], "Period"], ...withMonths(first.Ekonomi.slice(1), SAMPLE_YEAR), ...seasons(withMonths(second.Ekonomi.slice(1), SAMPLE_YEAR + 1), SAMPLE_YEAR + 1)],
    Brukare: [...first.Brukare, ...nextYear],
  };
}

/**
 * The generator writes a booking series (same codes and text) as consecutive rows: 12 for monthly
 * bookings, 4 for quarterly ones. Each row gets its month from its place in the series.
 */
function withMonths(rows: CellValue[][], year: number): CellValue[][] {
  const key = (r: CellValue[]) => [r[0], r[1], r[2], r[3], r[5]].join("\u0000");
  const out: CellValue[][] = [];
  for (let i = 0; i < rows.length; ) {
    let n = 1;
    while (i + n < rows.length && key(rows[i + n]) === key(rows[i])) n++;
    for (let k = 0; k < n; k++) {
      const month = n === 4 ? (k + 1) * 3 : (k % 12) + 1;
      out.push([...rows[i + k], `${year}-${String(month).padStart(2, "0")}`]);
    }
    i += n;
  }
  return out;
}

/** Summer temps: hourly wages in June–August at this multiple (the hours stay, so cost per hour rises). */
export const SUMMER_TEMP_FACTOR = 2.5;
/** The year-end accrual in December: this share of the month's wages booked again on each egen unit. */
export const YEAR_END_ACCRUAL_SHARE = 1.5;

/**
 * The second year's seasons, on rows that already have their month: hourly wages (5130) in
 * June–August × SUMMER_TEMP_FACTOR, and in December an accrual ("Periodisering bokslut") beside
 * each unit's monthly wage row (5110) of YEAR_END_ACCRUAL_SHARE of it. Only the second year: the
 * first must stay the one-year sample to the öre.
 */
function seasons(rows: CellValue[][], year: number): CellValue[][] {
  const out: CellValue[][] = [];
  const summer = new Set(["06", "07", "08"].map((m) => `${year}-${m}`));
  for (const r of rows) {
    const [ansvar, verksamhet, aktivitet, konto, amount, text, period] = r;
    if (konto === "5130" && summer.has(String(period))) {
      out.push([ansvar, verksamhet, aktivitet, konto, Math.round(Number(amount) * SUMMER_TEMP_FACTOR * 100) / 100, `${text} (sommarvikarier)`, period]);
      continue;
    }
    out.push(r);
    if (konto === "5110" && period === `${year}-12`) {
      out.push([ansvar, verksamhet, aktivitet, konto, Math.round(Number(amount) * YEAR_END_ACCRUAL_SHARE * 100) / 100, `Periodisering bokslut ${String(text).replace(/^Lön månadsavlönade /, "")}`, period]);
    }
  }
  return out;
}
