import * as React from "react";
import { Card, CardHeader, Link, Text, makeStyles, tokens } from "@fluentui/react-components";
import { ArrowDownRegular, ArrowUpRegular, SubtractRegular } from "@fluentui/react-icons";
import { windowLabel } from "../../engine";
import { RESULT_SHEET_NAMES } from "../../layouts";
import { formatDifference, formatFigure, formatIndex } from "../figure-format";
import { followUpFigure, type FollowUpFigure } from "../follow-up";
import { EMPTY_VALUE, formatNumber, formatOre } from "../format";
import { t } from "../i18n";
import { usePort } from "../port";
import type { LastRun } from "../run-controller";
import { useRunController } from "../run-controller";
import { changesSincePrevious, summaryFigures, type SummaryFigure } from "../summary";
import { formatTime, useLanguage, useSectionStyles } from "./common";

const MAX_CHANGES = 8;

const useStyles = makeStyles({
  card: {
    display: "flex",
    flexDirection: "column",
    gap: tokens.spacingVerticalM,
  },
  figures: {
    listStyleType: "none",
    margin: 0,
    padding: 0,
    display: "flex",
    flexDirection: "column",
  },
  figure: {
    display: "grid",
    gridTemplateColumns: "1fr auto",
    columnGap: tokens.spacingHorizontalS,
    rowGap: "2px",
    paddingBlock: tokens.spacingVerticalXS,
    borderBottom: `1px solid ${tokens.colorNeutralStroke3}`,
  },
  figureName: {
    gridColumn: "1 / span 2",
    color: tokens.colorNeutralForeground2,
  },
  value: {
    fontWeight: tokens.fontWeightSemibold,
    fontVariantNumeric: "tabular-nums",
  },
  compare: {
    display: "inline-flex",
    alignItems: "center",
    gap: "2px",
    justifySelf: "end",
    fontVariantNumeric: "tabular-nums",
  },
  up: { color: tokens.colorPaletteRedForeground1 },
  down: { color: tokens.colorPaletteGreenForeground1 },
  same: { color: tokens.colorNeutralForeground3 },
  against: {
    gridColumn: "1 / span 2",
    color: tokens.colorNeutralForeground3,
  },
  sheets: {
    display: "flex",
    flexWrap: "wrap",
    columnGap: tokens.spacingHorizontalM,
    rowGap: tokens.spacingVerticalXS,
  },
  ledger: {
    display: "grid",
    gridTemplateColumns: "1fr auto",
    columnGap: tokens.spacingHorizontalS,
    fontVariantNumeric: "tabular-nums",
  },
});

function Comparison({ figure }: { figure: SummaryFigure }): React.JSX.Element {
  const styles = useStyles();
  const shared = useSectionStyles();
  if (!figure.benchmark) {
    return (
      <Text size={200} className={styles.same}>
        {t("summary.noBenchmark")}
      </Text>
    );
  }
  const dir = figure.direction ?? "same";
  // Red above and green below the benchmark only for costs; volumes and shares are not good or bad.
  const tone = figure.unit.startsWith("kr") ? styles[dir] : styles.same;
  const icon = dir === "up" ? <ArrowUpRegular aria-hidden /> : dir === "down" ? <ArrowDownRegular aria-hidden /> : <SubtractRegular aria-hidden />;
  const words = dir === "up" ? t("summary.above") : dir === "down" ? t("summary.below") : t("summary.same");
  return (
    <span className={`${styles.compare} ${tone}`} data-testid="figure-index">
      {icon}
      <span className={shared.visuallyHidden}>{words}, </span>
      <Text size={200} weight="semibold" className={tone}>
        {t("summary.index", { index: formatIndex(figure.index) })}
      </Text>
    </span>
  );
}

/** "+0,4 %", "−1,2 %": a change in percent of the earlier value. */
function signedPercent(value: string | null): string {
  const text = formatNumber(value, 1);
  if (text === EMPTY_VALUE) return text;
  return `${!/^[-−]/.test(text) && Number(value) !== 0 ? "+" : ""}${text}\u00a0%`;
}

/** A follow-up's main figure for its window, and its change since the window ending a month earlier. */
function FollowUp({ figure }: { figure: FollowUpFigure }): React.JSX.Element {
  const language = useLanguage();
  const styles = useStyles();
  const shared = useSectionStyles();
  const change = figure.previous;
  const dir = change?.direction ?? "same";
  // Red up and green down only for costs, as against the benchmark.
  const tone = figure.unit.startsWith("kr") ? styles[dir] : styles.same;
  const icon = dir === "up" ? <ArrowUpRegular aria-hidden /> : dir === "down" ? <ArrowDownRegular aria-hidden /> : <SubtractRegular aria-hidden />;
  const window = windowLabel(figure.window);
  return (
    <section aria-label={t("followUp.label")} data-testid="summary-follow-up">
      <h4 className={shared.subheading}>{t(figure.kind === "ytd" ? "followUp.ytd" : "followUp.rolling", { window })}</h4>
      <div className={styles.figure}>
        <Text size={200} className={styles.figureName}>
          {figure.name}
        </Text>
        <Text className={styles.value} data-testid="follow-up-value">
          {formatFigure(figure.value, figure.unit, language)}
        </Text>
        {change ? (
          <span className={`${styles.compare} ${tone}`} data-testid="follow-up-change">
            {icon}
            <span className={shared.visuallyHidden}>{t(`followUp.${dir}`)}, </span>
            <Text size={200} weight="semibold" className={tone}>
              {t("followUp.change", { difference: formatDifference(change.difference, figure.unit, language), percent: signedPercent(change.percent) })}
            </Text>
          </span>
        ) : (
          <span />
        )}
        <Text size={100} className={styles.against} data-testid="follow-up-previous">
          {change
            ? t("followUp.previous", { window: windowLabel(change.window), value: formatFigure(change.value, figure.unit, language) })
            : t("followUp.noPrevious")}
        </Text>
      </div>
    </section>
  );
}

/** After a run: the main key figures against the benchmark, links to the result sheets, what changed. */
export function SummaryCard({ run }: { run: LastRun }): React.JSX.Element {
  const language = useLanguage();
  const port = usePort();
  const controller = useRunController();
  const styles = useStyles();
  const shared = useSectionStyles();
  const { result } = run;
  const figures = summaryFigures(result, language);
  const changes = changesSincePrevious(result, run.previous, language);
  const followUp = followUpFigure(result, run.monthly, language);
  const r = result.reconciliation;

  const open = async (sheet: string) => {
    try {
      await port.activateSheet(sheet);
    } catch {
      controller.notify({ intent: "warning", key: "checks.selectFailed", params: { sheet } });
    }
  };

  return (
    <Card className={styles.card} data-testid="summary-card" aria-label={t("summary.figures")}>
      <CardHeader
        header={
          <h3 className={shared.heading}>
            {result.settings.period
              ? result.municipality
                ? t("followUp.heading", { municipality: result.municipality, window: windowLabel(result.settings.period) })
                : t("followUp.headingNoName", { window: windowLabel(result.settings.period) })
              : result.municipality
                ? t("summary.heading", { municipality: result.municipality, year: result.year })
                : t("summary.headingNoName", { year: result.year })}
          </h3>
        }
        description={<Text size={200}>{t("summary.doneAt", { time: formatTime(run.at) })}</Text>}
      />

      {followUp && <FollowUp figure={followUp} />}

      <div className={styles.ledger} data-testid="summary-ledger">
        <Text size={200}>{t("summary.ledger")}</Text>
        <Text size={200}>{formatOre(r.ledgerTotalOre)}</Text>
        {r.excludedOre !== 0 && (
          <>
            <Text size={200}>{t("summary.excluded")}</Text>
            <Text size={200}>{formatOre(r.excludedOre)}</Text>
          </>
        )}
        {r.uncodedOre !== 0 && (
          <>
            <Text size={200}>{t("summary.uncoded")}</Text>
            <Text size={200}>{formatOre(r.uncodedOre)}</Text>
          </>
        )}
        <Text size={200} className={shared.muted} style={{ gridColumn: "1 / span 2" }}>
          {r.balanced ? t("summary.balanced") : t("summary.notBalanced")}
        </Text>
      </div>

      <section aria-label={t("summary.figures")}>
        <h4 className={shared.subheading}>{t("summary.figures")}</h4>
        <ul className={styles.figures}>
          {figures.map((f) => (
            <li key={f.id} className={styles.figure} data-testid={`figure-${f.id}`}>
              <Text size={200} className={styles.figureName}>
                {f.name}
              </Text>
              <Text className={styles.value} data-testid="figure-value">
                {formatFigure(f.value, f.unit, language)}
              </Text>
              <Comparison figure={f} />
              {f.benchmark && (
                <Text size={100} className={styles.against} data-testid="figure-against">
                  {t("summary.against", {
                    difference: formatDifference(f.difference, f.unit, language),
                    benchmark: formatFigure(f.benchmark.value, f.unit, language),
                  })}
                  {" · "}
                  {t("summary.source", { source: [f.benchmark.source, f.benchmark.year].filter(Boolean).join(" ") })}
                </Text>
              )}
            </li>
          ))}
        </ul>
        <Text size={200} className={shared.muted}>
          {t("summary.allFigures")}
        </Text>
      </section>

      <section aria-label={t("summary.sheets")}>
        <h4 className={shared.subheading}>{t("summary.sheets")}</h4>
        <div className={styles.sheets}>
          {(run.sheets.length ? run.sheets : [...RESULT_SHEET_NAMES]).map((sheet) => (
            <Link key={sheet} as="button" onClick={() => void open(sheet)} aria-label={t("summary.openSheet", { sheet })}>
              {sheet.replace(/^KPB /, "")}
            </Link>
          ))}
        </div>
      </section>

      <section aria-label={t("summary.changes")} data-testid="summary-changes">
        <h4 className={shared.subheading}>{t("summary.changes")}</h4>
        {changes === null ? (
          <Text size={200}>{t("summary.firstRun")}</Text>
        ) : changes.length === 0 ? (
          <Text size={200}>{t("summary.noChanges")}</Text>
        ) : (
          <ul className={shared.list}>
            {changes.slice(0, MAX_CHANGES).map((c) => (
              <li key={c.id}>
                <Text size={200} weight="semibold">
                  {c.name}
                </Text>
                <br />
                <Text size={200}>
                  {t("summary.change", {
                    before: formatFigure(c.before, c.unit, language),
                    after: formatFigure(c.after, c.unit, language),
                    difference: formatDifference(c.difference, c.unit, language),
                  })}
                </Text>
              </li>
            ))}
            {changes.length > MAX_CHANGES && (
              <li>
                <Text size={200}>{t("summary.moreChanges", { count: changes.length - MAX_CHANGES })}</Text>
              </li>
            )}
          </ul>
        )}
      </section>
    </Card>
  );
}
