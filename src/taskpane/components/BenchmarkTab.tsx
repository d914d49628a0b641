import * as React from "react";
import { Button, Field, Input, MessageBar, MessageBarActions, MessageBarBody, Spinner, Text, makeStyles, tokens } from "@fluentui/react-components";
import { CloudArrowDownRegular } from "@fluentui/react-icons";
import { KEY_FIGURE_NAMES } from "../../engine";
import type { BenchmarkWriteOutcome } from "../../excel/benchmark-table";
import { formatNumber } from "../format";
import { t, type StringKey } from "../i18n";
import {
  defaultYears,
  fetchKpbBenchmark,
  MAX_PEERS,
  MAX_YEARS,
  parseMunicipalityCode,
  parsePeers,
  parseYears,
  useKoladaFetch,
  type KpiFetchSummary,
} from "../kolada-benchmark";
import { usePort, type PaneOverrides } from "../port";
import { useRunState } from "../run-controller";
import { useLanguage, useSectionStyles } from "./common";

const useStyles = makeStyles({
  form: {
    display: "flex",
    flexDirection: "column",
    gap: tokens.spacingVerticalM,
  },
  kpi: {
    display: "flex",
    flexDirection: "column",
    paddingBlock: "2px",
    borderBottom: `1px solid ${tokens.colorNeutralStroke3}`,
  },
  flag: {
    color: tokens.colorPaletteDarkOrangeForeground1,
  },
});

type Field = "code" | "peers" | "years";
type Errors = Partial<Record<Field, string>>;

type Status =
  | { kind: "idle" }
  | { kind: "invalid" }
  | { kind: "fetching" }
  | { kind: "writing" }
  | { kind: "failed"; key: StringKey; params?: Record<string, string | number>; detail?: string }
  | { kind: "nothing"; kpis: KpiFetchSummary[]; unknown: string[] }
  | { kind: "written"; outcome: Extract<BenchmarkWriteOutcome, { ok: true }>; count: number; kpis: KpiFetchSummary[]; unknown: string[] };

export interface BenchmarkTabProps {
  overrides: PaneOverrides;
}

/** The year the benchmark is for: the settings' year, else the last run's, else last year. */
function runYear(overrides: PaneOverrides, resultYear: number | undefined): number {
  return overrides.year ?? resultYear ?? new Date().getFullYear() - 1;
}

function refusal(outcome: Exclude<BenchmarkWriteOutcome, { ok: true }>): Status {
  switch (outcome.reason) {
    case "missingColumns":
      return { kind: "failed", key: "benchmark.error.missingColumns", params: { sheet: outcome.sheet, columns: outcome.columns.join(", ") } };
    case "noHeader":
      return { kind: "failed", key: "benchmark.error.noHeader", params: { sheet: outcome.sheet } };
    case "fixedRange":
      return { kind: "failed", key: "benchmark.error.fixedRange", params: { sheet: outcome.sheet, rows: outcome.rows } };
  }
}

/**
 * Jämförelse: fetch the KPB key figures from Kolada for the user's municipality, optional peers
 * and years, show what came back, and write the values into the `Jämförelse` table (the one
 * user-initiated write to an input table). Offline or on any error nothing is written.
 */
export function BenchmarkTab({ overrides }: BenchmarkTabProps): React.JSX.Element {
  const language = useLanguage();
  const port = usePort();
  const fetch = useKoladaFetch();
  const { busy, result, lastRun } = useRunState();
  const styles = useStyles();
  const shared = useSectionStyles();
  const settings = (lastRun?.result ?? result)?.settings;
  const settingsCode = overrides.municipalityCode ?? settings?.municipalityCode ?? "";
  const [code, setCode] = React.useState(settingsCode);
  const [codeTouched, setCodeTouched] = React.useState(false);
  const [peers, setPeers] = React.useState("");
  const [years, setYears] = React.useState(() => defaultYears(runYear(overrides, settings?.year)).join(", "));
  const [yearsTouched, setYearsTouched] = React.useState(false);
  const [errors, setErrors] = React.useState<Errors>({});
  const [status, setStatus] = React.useState<Status>({ kind: "idle" });

  // Settings or a run may arrive after the tab opened: follow them until the user types.
  React.useEffect(() => {
    if (!codeTouched) setCode(settingsCode);
  }, [settingsCode, codeTouched]);
  const year = runYear(overrides, settings?.year);
  React.useEffect(() => {
    if (!yearsTouched) setYears(defaultYears(year).join(", "));
  }, [year, yearsTouched]);

  const working = status.kind === "fetching" || status.kind === "writing";

  const run = async () => {
    const found: Errors = {};
    const municipality = parseMunicipalityCode(code);
    if (!municipality) found.code = t("benchmark.invalid.code");
    const peerList = parsePeers(peers);
    if (peerList.invalid.length) found.peers = t("benchmark.invalid.peers", { codes: peerList.invalid.join(", ") });
    else if (peerList.codes.length > MAX_PEERS) found.peers = t("benchmark.invalid.tooManyPeers", { max: MAX_PEERS });
    const yearList = parseYears(years);
    if (!yearList) found.years = t("benchmark.invalid.years", { max: MAX_YEARS });
    setErrors(found);
    if (Object.keys(found).length || !municipality || !yearList) {
      setStatus({ kind: "invalid" });
      return;
    }
    if (!fetch) {
      setStatus({ kind: "failed", key: "benchmark.error.noFetch" });
      return;
    }
    setStatus({ kind: "fetching" });
    const fetched = await fetchKpbBenchmark(fetch, { municipality, peers: peerList.codes, years: yearList });
    if (!fetched.ok) {
      const key = `benchmark.error.${fetched.error.kind}` as StringKey;
      setStatus({ kind: "failed", key, params: { status: fetched.error.status ?? "" }, detail: fetched.error.message });
      return;
    }
    if (fetched.rows.length === 0) {
      setStatus({ kind: "nothing", kpis: fetched.kpis, unknown: fetched.unknownMunicipalities });
      return;
    }
    setStatus({ kind: "writing" });
    try {
      const outcome = await port.writeBenchmarkRows(fetched.rows, { replaceSource: "Kolada" });
      if (!outcome.ok) {
        setStatus(refusal(outcome));
        return;
      }
      setStatus({ kind: "written", outcome, count: outcome.added + outcome.replaced, kpis: fetched.kpis, unknown: fetched.unknownMunicipalities });
    } catch (error) {
      setStatus({ kind: "failed", key: "benchmark.error.write", detail: error instanceof Error ? error.message : String(error) });
    }
  };

  const err = (field: Field) => (errors[field] ? { validationState: "error" as const, validationMessage: errors[field] } : {});
  const kpiName = (keyFigure: string) => {
    const names = KEY_FIGURE_NAMES[keyFigure];
    return names ? (language === "en" ? names.nameEn : names.name) : keyFigure;
  };

  const summary = (kpis: KpiFetchSummary[], unknown: string[]) => (
    <section aria-labelledby="kpb-benchmark-summary" data-testid="benchmark-summary">
      <h3 id="kpb-benchmark-summary" className={shared.subheading}>
        {t("benchmark.summaryHeading")}
      </h3>
      {unknown.length > 0 && (
        <Text size={200} className={styles.flag} block>
          {t("benchmark.unknownMunicipalities", { codes: unknown.join(", ") })}
        </Text>
      )}
      <ul className={shared.list}>
        {[...kpis.filter((k) => k.values > 0), ...kpis.filter((k) => k.values === 0)].map((k) => (
          <li key={k.keyFigure} className={styles.kpi} data-testid={`benchmark-kpi-${k.keyFigure}`}>
            <Text size={200} weight="semibold">
              {kpiName(k.keyFigure)} ({k.kpi})
            </Text>
            <Text size={200} className={k.retired || k.noData ? styles.flag : shared.muted}>
              {k.retired
                ? t("benchmark.kpi.retired")
                : k.noData
                  ? t("benchmark.kpi.noData")
                  : [
                      t("benchmark.kpi.values", { count: formatNumber(k.values) }),
                      ...(k.missingValues > 0 ? [t("benchmark.kpi.missing", { count: formatNumber(k.missingValues) })] : []),
                    ].join(" · ")}
            </Text>
          </li>
        ))}
      </ul>
    </section>
  );

  return (
    <form
      className={styles.form}
      aria-labelledby="kpb-benchmark-heading"
      onSubmit={(e) => {
        e.preventDefault();
        if (!working) void run();
      }}
    >
      <h2 id="kpb-benchmark-heading" className={shared.heading}>
        {t("benchmark.heading")}
      </h2>
      <Text size={200} className={shared.muted}>
        {t("benchmark.intro")}
      </Text>
      <Field label={t("benchmark.code")} hint={t("benchmark.codeHint")} {...err("code")}>
        <Input
          inputMode="numeric"
          value={code}
          onChange={(_, d) => {
            setCode(d.value);
            setCodeTouched(true);
          }}
        />
      </Field>
      <Field label={t("benchmark.peers")} hint={t("benchmark.peersHint")} {...err("peers")}>
        <Input value={peers} onChange={(_, d) => setPeers(d.value)} />
      </Field>
      <Field label={t("benchmark.years")} hint={t("benchmark.yearsHint")} {...err("years")}>
        <Input
          value={years}
          onChange={(_, d) => {
            setYears(d.value);
            setYearsTouched(true);
          }}
        />
      </Field>
      <div className={shared.row}>
        <Button appearance="primary" type="submit" icon={<CloudArrowDownRegular />} disabled={working || busy !== null}>
          {t("benchmark.fetch")}
        </Button>
        {busy !== null && !working && (
          <Text size={200} className={shared.muted}>
            {t("benchmark.busy")}
          </Text>
        )}
      </div>
      <Text size={200} className={shared.muted} data-testid="benchmark-privacy">
        {t("benchmark.privacy")}
      </Text>
      <div aria-live="polite" data-testid="benchmark-status">
        {working && (
          <Spinner
            size="tiny"
            labelPosition="after"
            label={t(status.kind === "fetching" ? "benchmark.fetching" : "benchmark.writing")}
            style={{ justifyContent: "flex-start" }}
          />
        )}
      </div>
      {status.kind === "invalid" && (
        <MessageBar intent="error" role="alert">
          <MessageBarBody>{t("benchmark.invalidSummary")}</MessageBarBody>
        </MessageBar>
      )}
      {status.kind === "failed" && (
        <MessageBar intent="error" role="alert" data-testid="benchmark-error">
          <MessageBarBody>
            {t(status.key, status.params)}
            {status.detail && (
              <Text size={200} block className={shared.muted}>
                {status.detail}
              </Text>
            )}
          </MessageBarBody>
        </MessageBar>
      )}
      {status.kind === "nothing" && (
        <>
          <MessageBar intent="warning" role="status" data-testid="benchmark-result">
            <MessageBarBody>{t("benchmark.nothing")}</MessageBarBody>
          </MessageBar>
          {summary(status.kpis, status.unknown)}
        </>
      )}
      {status.kind === "written" && (
        <>
          <MessageBar intent="success" role="status" data-testid="benchmark-result">
            <MessageBarBody>
              {t("benchmark.written", {
                count: formatNumber(status.count),
                sheet: status.outcome.sheet,
                added: formatNumber(status.outcome.added),
                replaced: formatNumber(status.outcome.replaced),
              })}
              {status.outcome.created && (
                <Text size={200} block>
                  {t("benchmark.created", { sheet: status.outcome.sheet })}
                </Text>
              )}
            </MessageBarBody>
            <MessageBarActions>
              <Button size="small" onClick={() => void port.activateSheet(status.outcome.sheet).catch(() => undefined)}>
                {t("benchmark.showTable")}
              </Button>
            </MessageBarActions>
          </MessageBar>
          {summary(status.kpis, status.unknown)}
        </>
      )}
    </form>
  );
}
