import * as React from "react";
import { Badge, Button, MessageBar, MessageBarBody, Text, makeStyles, tokens } from "@fluentui/react-components";
import { LightbulbRegular } from "@fluentui/react-icons";
import { type ExplanationLine, type KpbResult } from "../../engine";
import { explainRow, parseLink } from "../explain-target";
import { t, type StringKey } from "../i18n";
import { usePort } from "../port";
import { useRunController, useRunState } from "../run-controller";
import { formatTime, useLanguage, useSectionStyles } from "./common";

const useStyles = makeStyles({
  lines: {
    listStyleType: "none",
    margin: 0,
    padding: 0,
    display: "flex",
    flexDirection: "column",
  },
  line: {
    display: "grid",
    gridTemplateColumns: "1fr auto auto",
    alignItems: "baseline",
    columnGap: tokens.spacingHorizontalS,
    paddingBlock: "2px",
    borderBottom: `1px solid ${tokens.colorNeutralStroke3}`,
  },
  label: {
    wordBreak: "break-word",
  },
  value: {
    fontVariantNumeric: "tabular-nums",
    whiteSpace: "nowrap",
    textAlign: "right",
  },
  title: {
    fontWeight: tokens.fontWeightSemibold,
  },
  total: {
    fontWeight: tokens.fontWeightSemibold,
    borderTop: `2px solid ${tokens.colorNeutralStroke1}`,
  },
});

type View =
  | { kind: "none" }
  | { kind: "message"; key: StringKey; params?: Record<string, string | number>; intent: "info" | "warning" | "error" }
  | { kind: "lines"; lines: ExplanationLine[]; cell: string; at: Date | null };

function Line({ line }: { line: ExplanationLine }): React.JSX.Element {
  const styles = useStyles();
  const port = usePort();
  const target = line.link ? parseLink(line.link) : null;
  const cls = [styles.line, line.kind === "title" ? styles.title : "", line.kind === "total" || line.kind === "unitCost" ? styles.total : ""].join(" ");
  return (
    <li className={cls} style={{ paddingInlineStart: `${line.depth * 12}px` }} data-kind={line.kind}>
      <Text size={200} className={styles.label}>
        {line.label}
      </Text>
      {line.kind === "check" ? (
        <Badge appearance="tint" color={/^(stämmer|adds up)$/.test(line.value ?? "") ? "success" : "danger"}>
          {line.value}
        </Badge>
      ) : (
        <Text size={200} className={styles.value}>
          {line.value ?? ""}
        </Text>
      )}
      {target ? (
        <Button
          size="small"
          appearance="subtle"
          aria-label={t("explain.showLabel", { target: line.link! })}
          onClick={() => void port.selectCell(target.sheet, target.address).catch(() => undefined)}
        >
          {t("explain.show")}
        </Button>
      ) : (
        <span />
      )}
    </li>
  );
}

/** Förklara: the selected row on a KPB sheet, explained step by step from the engine's lineage. */
export function ExplainTab(): React.JSX.Element {
  const language = useLanguage();
  const port = usePort();
  const controller = useRunController();
  const state = useRunState();
  const styles = useStyles();
  const shared = useSectionStyles();
  const [view, setView] = React.useState<View>({ kind: "none" });
  const [working, setWorking] = React.useState(false);

  const explain = async () => {
    setWorking(true);
    try {
      const cell = await port.readActiveCell();
      if (!cell.sheet.startsWith("KPB ")) {
        setView({ kind: "message", key: "explain.notResultSheet", params: { sheet: cell.sheet, address: cell.address }, intent: "info" });
        return;
      }
      let result: KpbResult | null = controller.getState().result;
      let at = controller.getState().resultAt;
      if (!result) {
        // No result in this session yet: calculate (read only) so the explanation has one.
        await controller.check();
        result = controller.getState().result;
        at = controller.getState().resultAt;
      }
      if (!result) {
        setView({ kind: "message", key: "explain.noResult", intent: "warning" });
        return;
      }
      const target = explainRow(result, cell.sheet, cell.rowKey, language);
      if (!target.ok) {
        const key: StringKey = target.reason === "noId" ? "explain.noId" : target.reason === "notFound" ? "explain.notFound" : "explain.notResultSheet";
        setView({ kind: "message", key, params: { id: target.id ?? "", sheet: cell.sheet, address: cell.address }, intent: "info" });
        return;
      }
      setView({ kind: "lines", lines: target.lines, cell: `${cell.sheet}!${cell.address}`, at });
    } catch {
      setView({ kind: "message", key: "explain.failed", intent: "error" });
    } finally {
      setWorking(false);
    }
  };

  return (
    <div className={shared.section}>
      <h2 className={shared.heading}>{t("explain.heading")}</h2>
      <Text size={200} className={shared.muted}>
        {t("explain.intro")}
      </Text>
      <div>
        <Button appearance="primary" icon={<LightbulbRegular />} onClick={() => void explain()} disabled={working || state.busy !== null}>
          {t("explain.button")}
        </Button>
      </div>
      <div aria-live="polite">
        {view.kind === "message" && (
          <MessageBar intent={view.intent}>
            <MessageBarBody>{t(view.key, view.params)}</MessageBarBody>
          </MessageBar>
        )}
        {view.kind === "lines" && (
          <div className={shared.section} data-testid="explanation">
            <Text size={200} className={shared.muted}>
              {t("explain.basedOn", { time: formatTime(view.at), cell: view.cell })}
            </Text>
            <ul className={styles.lines}>
              {view.lines.map((line, i) => (
                <Line key={i} line={line} />
              ))}
            </ul>
          </div>
        )}
      </div>
    </div>
  );
}
