import * as React from "react";
import {
  Badge,
  Button,
  MessageBar,
  MessageBarBody,
  MessageBarTitle,
  Text,
  makeStyles,
  tokens,
} from "@fluentui/react-components";
import { ShieldCheckmarkRegular } from "@fluentui/react-icons";
import { renderMessage, TABLE_NAMES, VALIDATION_SHEET, type KpbResult, type Problem, type TableName } from "../../engine";
import { t } from "../i18n";
import type { Language } from "../i18n";
import { usePort } from "../port";
import { hasBlockingErrors, useRunController, useRunState } from "../run-controller";
import { formatTime, tableLabel, useLanguage, useSectionStyles } from "./common";

const PER_GROUP = 50;

const useStyles = makeStyles({
  group: {
    display: "flex",
    flexDirection: "column",
    gap: tokens.spacingVerticalXS,
    paddingBlock: tokens.spacingVerticalS,
    borderTop: `1px solid ${tokens.colorNeutralStroke2}`,
  },
  problem: {
    display: "grid",
    gridTemplateColumns: "auto 1fr auto",
    alignItems: "start",
    columnGap: tokens.spacingHorizontalS,
    paddingBlock: "2px",
  },
  message: {
    wordBreak: "break-word",
  },
  place: {
    display: "block",
    color: tokens.colorNeutralForeground3,
  },
});

/** A problem's message in the pane language (the engine stores code + params). */
export function problemMessage(p: Problem, language: Language): string {
  return language === "sv" ? p.message : renderMessage(p.code, p.params, language);
}

/** Where "Visa" goes: the problem's cell, else its whole row; null without a sheet or row. */
export function problemTarget(p: Problem): { sheet: string; address: string } | null {
  if (!p.sheet) return null;
  if (p.cell) return { sheet: p.sheet, address: p.cell };
  if (p.row !== null && p.row > 0) return { sheet: p.sheet, address: `${p.row}:${p.row}` };
  return null;
}

function placeText(p: Problem): string | null {
  if (!p.sheet) return null;
  if (p.cell) return t("checks.placeCell", { sheet: p.sheet, cell: p.cell });
  if (p.row !== null) return t("checks.placeRow", { sheet: p.sheet, row: p.row });
  return null;
}

interface Group {
  table: TableName | "Körning";
  errors: readonly Problem[];
  warnings: readonly Problem[];
}

export function groupProblems(problems: readonly Problem[]): Group[] {
  const order: (TableName | "Körning")[] = ["Körning", ...TABLE_NAMES];
  return order
    .map((table) => ({
      table,
      errors: problems.filter((p) => p.table === table && p.severity === "error"),
      warnings: problems.filter((p) => p.table === table && p.severity === "warning"),
    }))
    .filter((g) => g.errors.length + g.warnings.length > 0)
    .sort((a, b) => Number(b.errors.length > 0) - Number(a.errors.length > 0));
}

function ProblemItem({ problem }: { problem: Problem }): React.JSX.Element {
  const language = useLanguage();
  const port = usePort();
  const controller = useRunController();
  const styles = useStyles();
  const target = problemTarget(problem);
  const place = placeText(problem);
  const show = async () => {
    if (!target) return;
    try {
      await port.selectCell(target.sheet, target.address);
    } catch {
      controller.notify({ intent: "warning", key: "checks.selectFailed", params: { sheet: target.sheet } });
    }
  };
  return (
    <li className={styles.problem} data-testid="problem">
      <Badge appearance={problem.severity === "error" ? "filled" : "tint"} color={problem.severity === "error" ? "danger" : "warning"}>
        {problem.severity === "error" ? t("checks.error") : t("checks.warning")}
      </Badge>
      <Text size={200} className={styles.message}>
        {problemMessage(problem, language)}
        {place && (
          <Text size={100} className={styles.place}>
            {place}
          </Text>
        )}
      </Text>
      {target ? (
        <Button size="small" appearance="subtle" aria-label={t("checks.showLabel", { place: place ?? target.address })} onClick={() => void show()}>
          {t("checks.show")}
        </Button>
      ) : (
        <span />
      )}
    </li>
  );
}

function ProblemGroup({ group }: { group: Group }): React.JSX.Element {
  const language = useLanguage();
  const styles = useStyles();
  const shared = useSectionStyles();
  const [limit, setLimit] = React.useState(PER_GROUP);
  const headingId = React.useId();
  const all = [...group.errors, ...group.warnings];
  return (
    <section className={styles.group} aria-labelledby={headingId} data-testid={`problem-group-${group.table}`}>
      <div className={shared.row}>
        <h3 id={headingId} className={shared.subheading} style={{ flexGrow: 1 }}>
          {tableLabel(group.table, language)}
        </h3>
        <Text size={200} className={shared.muted}>
          {t("checks.groupCounts", { errors: group.errors.length, warnings: group.warnings.length })}
        </Text>
      </div>
      <ul className={shared.list}>
        {all.slice(0, limit).map((p, i) => (
          <ProblemItem key={i} problem={p} />
        ))}
      </ul>
      {all.length > limit && (
        <div>
          <Button size="small" onClick={() => setLimit((n) => n + PER_GROUP)}>
            {t("checks.more", { count: Math.min(PER_GROUP, all.length - limit) })}
          </Button>
        </div>
      )}
    </section>
  );
}

/** Which catalogue entry each intervention pool's Insats was matched to (by name or by synonym), or none. */
export function CatalogueMatches({ result }: { result: KpbResult }): React.JSX.Element | null {
  const shared = useSectionStyles();
  const styles = useStyles();
  const pools = (result.pools ?? []).filter((p) => p.kind === "insats");
  if (pools.length === 0) return null;
  const headingId = "catalogue-matches-heading";
  return (
    <section className={styles.group} aria-labelledby={headingId} data-testid="catalogue-matches">
      <h3 id={headingId} className={shared.subheading}>
        {t("checks.catalogueHeading")}
      </h3>
      <ul className={shared.list}>
        {pools.map((p) => (
          <li key={p.pool} data-testid="catalogue-match">
            <Text size={200} className={styles.message}>
              {p.catalogueInsats
                ? t(p.catalogueMatch === "synonym" ? "checks.catalogueSynonym" : "checks.catalogueName", { pool: p.pool, insats: p.insats, entry: p.catalogueInsats })
                : t("checks.catalogueNone", { pool: p.pool, insats: p.insats })}
            </Text>
          </li>
        ))}
      </ul>
    </section>
  );
}

/** The validation pack's open rows after the last refresh, with a way to the sheet. */
function ValidationStatus({ open }: { open: number }): React.JSX.Element {
  const port = usePort();
  const controller = useRunController();
  const shared = useSectionStyles();
  const show = async () => {
    try {
      await port.activateSheet(VALIDATION_SHEET);
    } catch {
      controller.notify({ intent: "warning", key: "checks.selectFailed", params: { sheet: VALIDATION_SHEET } });
    }
  };
  return (
    <div className={shared.row} data-testid="validation-open">
      <Text weight="semibold" style={{ flexGrow: 1 }}>
        {open > 0 ? t("checks.validationOpen", { open }) : t("checks.validationDone")}
      </Text>
      <Button size="small" appearance="subtle" onClick={() => void show()}>
        {t("checks.validationShow")}
      </Button>
    </div>
  );
}

/** Kontroll: validate without writing; every problem grouped by table and severity, with "Visa". */
export function ChecksTab(): React.JSX.Element {
  const language = useLanguage();
  const controller = useRunController();
  const state = useRunState();
  const shared = useSectionStyles();
  const problems = state.problems;
  const errors = problems?.filter((p) => p.severity === "error") ?? [];
  const warnings = problems?.filter((p) => p.severity === "warning") ?? [];
  return (
    <div className={shared.section}>
      <h2 className={shared.heading}>{t("checks.heading")}</h2>
      <Text size={200} className={shared.muted}>
        {t("checks.intro")}
      </Text>
      <div>
        <Button
          appearance={problems === null ? "primary" : "secondary"}
          icon={<ShieldCheckmarkRegular />}
          onClick={() => void controller.check()}
          disabled={state.busy !== null}
        >
          {t("checks.button")}
        </Button>
      </div>
      {problems === null ? (
        <Text>{t("checks.never")}</Text>
      ) : (
        <Text weight="semibold" data-testid="checks-summary">
          {t(state.problemsFrom === "refresh" ? "checks.summaryRun" : "checks.summaryCheck", {
            time: formatTime(state.problemsAt),
            errors: errors.length,
            warnings: warnings.length,
          })}
        </Text>
      )}
      {hasBlockingErrors(problems) && (
        <MessageBar intent="error" data-testid="blocked">
          <MessageBarBody>
            <MessageBarTitle>{t("checks.blockedTitle")}</MessageBarTitle>
            {t("checks.blockedBody", { errors: errors.length, first: problemMessage(errors[0], language) })}
          </MessageBarBody>
        </MessageBar>
      )}
      {state.validationOpen !== null && <ValidationStatus open={state.validationOpen} />}
      {problems !== null && problems.length === 0 && (
        <MessageBar intent="success">
          <MessageBarBody>{t("checks.none")}</MessageBarBody>
        </MessageBar>
      )}
      {problems !== null && groupProblems(problems).map((g) => <ProblemGroup key={g.table} group={g} />)}
      {state.result && <CatalogueMatches result={state.result} />}
    </div>
  );
}
