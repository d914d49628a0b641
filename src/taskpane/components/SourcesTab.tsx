import * as React from "react";
import {
  Badge,
  Button,
  Card,
  MessageBar,
  MessageBarBody,
  Spinner,
  Text,
  makeStyles,
  tokens,
} from "@fluentui/react-components";
import { ArrowSyncRegular, DatabaseArrowDownRegular } from "@fluentui/react-icons";
import { REQUIRED_TABLES, TABLE_NAMES, type TableName } from "../../engine";
import type { TableMapping } from "../../excel/table-sources";
import { formatNumber } from "../format";
import { t } from "../i18n";
import { usePort, type FoundTable, type WorkbookMapping, type WorkbookObjects } from "../port";
import { useRunController, useRunState } from "../run-controller";
import { tableLabel, useLanguage, useSectionStyles } from "./common";
import { ImportFile } from "./ImportFile";
import { foundText, SourceEditor, sourceText } from "./SourceEditor";

const useStyles = makeStyles({
  item: {
    display: "flex",
    flexDirection: "column",
    gap: "2px",
    paddingBlock: tokens.spacingVerticalXS,
    borderBottom: `1px solid ${tokens.colorNeutralStroke3}`,
  },
  itemHead: {
    display: "flex",
    alignItems: "center",
    gap: tokens.spacingHorizontalS,
  },
  name: {
    flexGrow: 1,
    fontWeight: tokens.fontWeightSemibold,
  },
  card: {
    display: "flex",
    flexDirection: "column",
    gap: tokens.spacingVerticalS,
  },
});

export interface SourcesTabProps {
  mapping: WorkbookMapping;
  onMappingChange: (mapping: WorkbookMapping) => Promise<void>;
  onSampleWritten?: () => void;
}

export { foundText };

/** Källdata: which contract tables were found, where, and what is missing; change a source; sample data. */
export function SourcesTab({ mapping, onMappingChange, onSampleWritten }: SourcesTabProps): React.JSX.Element {
  const language = useLanguage();
  const port = usePort();
  const controller = useRunController();
  const { busy, workbookVersion } = useRunState();
  const styles = useStyles();
  const shared = useSectionStyles();
  const [found, setFound] = React.useState<FoundTable[] | null>(null);
  const [objects, setObjects] = React.useState<WorkbookObjects>({ tables: [], sheets: [] });
  const [failed, setFailed] = React.useState(false);
  const [editing, setEditing] = React.useState<TableName | null>(null);
  const [reload, setReload] = React.useState(0);

  React.useEffect(() => {
    let live = true;
    setFailed(false);
    Promise.all([port.findTables(mapping), port.listWorkbookObjects()]).then(
      ([tables, objs]) => {
        if (!live) return;
        setFound(tables);
        setObjects(objs);
      },
      () => {
        if (live) setFailed(true);
      },
    );
    return () => {
      live = false;
    };
  }, [port, mapping, workbookVersion, reload]);

  const saveTable = async (table: TableName, entry: TableMapping | null) => {
    const next: WorkbookMapping = { ...mapping };
    if (entry) next[table] = entry;
    else delete next[table];
    try {
      await onMappingChange(next);
      controller.notify({ intent: "success", key: "sources.editor.saved", params: { table: tableLabel(table, language) } });
      setEditing(null);
    } catch {
      controller.notify({ intent: "error", key: "sources.editor.saveFailed" });
    }
  };

  const writeSample = async () => {
    const outcome = await controller.writeSample();
    if (outcome === "done") onSampleWritten?.();
  };

  if (failed) {
    return (
      <MessageBar intent="error">
        <MessageBarBody>{t("app.loadFailed")}</MessageBarBody>
        <Button size="small" onClick={() => setReload((n) => n + 1)}>
          {t("app.retry")}
        </Button>
      </MessageBar>
    );
  }
  if (!found) return <Spinner size="small" label={t("sources.loading")} labelPosition="after" />;

  const byTable = new Map(found.map((f) => [f.table, f]));
  const missingRequired = REQUIRED_TABLES.filter((table) => !byTable.has(table));
  const empty = found.length === 0;

  const sampleCard = (
    <Card className={styles.card} appearance={empty ? "filled" : "subtle"} data-testid="sample-card">
      <h3 className={shared.subheading}>{t("sample.heading")}</h3>
      <Text>{empty ? t("sample.emptyWorkbook") : t("sample.intro")}</Text>
      {empty && <Text size={200}>{t("sample.intro")}</Text>}
      <div>
        <Button
          appearance={empty ? "primary" : "secondary"}
          icon={<DatabaseArrowDownRegular />}
          onClick={() => void writeSample()}
          disabled={busy !== null}
        >
          {t("sample.button")}
        </Button>
      </div>
    </Card>
  );

  return (
    <div className={shared.section}>
      {empty && sampleCard}
      <div className={shared.row}>
        <h2 className={shared.heading} style={{ flexGrow: 1 }}>
          {t("sources.heading")}
        </h2>
        <Button size="small" appearance="subtle" icon={<ArrowSyncRegular />} onClick={() => setReload((n) => n + 1)}>
          {t("sources.reload")}
        </Button>
      </div>
      <Text size={200} className={shared.muted}>
        {t("sources.intro")}
      </Text>
      <MessageBar intent={missingRequired.length ? "warning" : "success"}>
        <MessageBarBody>
          {missingRequired.length
            ? t("sources.requiredMissing", {
                count: missingRequired.length,
                tables: missingRequired.map((x) => tableLabel(x, language)).join(", "),
              })
            : t("sources.allRequiredFound")}
        </MessageBarBody>
      </MessageBar>
      <ul className={shared.list} aria-label={t("sources.heading")}>
        {TABLE_NAMES.map((table) => {
          const f = byTable.get(table);
          const required = REQUIRED_TABLES.includes(table);
          const label = tableLabel(table, language);
          return (
            <li key={table} className={styles.item} data-testid={`source-${table}`}>
              <div className={styles.itemHead}>
                <Text className={styles.name}>{label}</Text>
                {f ? (
                  <Badge appearance="tint" color="success">
                    {t("sources.found")}
                  </Badge>
                ) : required ? (
                  <Badge appearance="filled" color="danger">
                    {t("sources.missingRequired")}
                  </Badge>
                ) : (
                  <Badge appearance="tint" color="informative">
                    {t("sources.missingOptional")}
                  </Badge>
                )}
                <Button
                  size="small"
                  appearance="subtle"
                  aria-label={t("sources.changeLabel", { table: label })}
                  aria-expanded={editing === table}
                  onClick={() => setEditing(editing === table ? null : table)}
                >
                  {t("sources.change")}
                </Button>
              </div>
              {f && (
                <Text size={200} className={shared.muted}>
                  {foundText(f)} · {t("sources.rows", { rows: formatNumber(Math.max(0, f.rowCount - 1)) })}
                </Text>
              )}
              {f?.alsoMatched?.length ? (
                <Text size={200} data-testid={`source-${table}-ambiguous`}>
                  {t("sources.alsoMatched", { others: f.alsoMatched.join(", ") })}
                </Text>
              ) : null}
              {f?.savedMissing ? (
                <Text size={200} data-testid={`source-${table}-saved-missing`}>
                  {t("sources.savedMissing", { source: sourceText(f.savedMissing) })}
                </Text>
              ) : null}
              {editing === table && (
                <SourceEditor
                  table={table}
                  saved={mapping[table]}
                  found={f}
                  objects={objects}
                  onSave={(entry) => saveTable(table, entry)}
                  onClose={() => setEditing(null)}
                />
              )}
            </li>
          );
        })}
      </ul>
      <ImportFile mapping={mapping} onMappingChange={onMappingChange} />
      {!empty && sampleCard}
    </div>
  );
}
