import * as React from "react";
import {
  Button,
  Field,
  MessageBar,
  MessageBarBody,
  Select,
  Spinner,
  Table,
  TableBody,
  TableCell,
  TableHeader,
  TableHeaderCell,
  TableRow,
  Text,
  makeStyles,
  tokens,
} from "@fluentui/react-components";
import { SelectObjectRegular } from "@fluentui/react-icons";
import { fold, TABLE_SCHEMAS, type CellValue, type TableName } from "../../engine";
import { headerScore } from "../../excel/table-sources";
import type { TableMapping } from "../../excel/table-sources";
import { t, type StringKey } from "../i18n";
import type { FoundTable, TableSource, WorkbookObjects } from "../port";
import { usePort } from "../port";
import { tableLabel, useLanguage, useSectionStyles } from "./common";

const PREVIEW_ROWS = 6;

const useStyles = makeStyles({
  editor: {
    display: "flex",
    flexDirection: "column",
    gap: tokens.spacingVerticalM,
    padding: tokens.spacingHorizontalM,
    marginTop: tokens.spacingVerticalXS,
    border: `1px solid ${tokens.colorNeutralStroke2}`,
    borderRadius: tokens.borderRadiusMedium,
    backgroundColor: tokens.colorNeutralBackground2,
  },
  previewWrap: {
    overflowX: "auto",
    maxWidth: "100%",
  },
  previewCell: {
    whiteSpace: "nowrap",
    maxWidth: "160px",
    overflow: "hidden",
    textOverflow: "ellipsis",
  },
  columnGrid: {
    display: "flex",
    flexDirection: "column",
    gap: tokens.spacingVerticalS,
  },
});

/** Option values are JSON of the source, so any sheet or table name round-trips. */
const AUTO = "auto";
const encode = (source: TableSource | null): string => (source ? JSON.stringify(source) : AUTO);
const decode = (value: string): TableSource | null => (value === AUTO ? null : (JSON.parse(value) as TableSource));

/** How the locator found the table (src/input/table-locator.ts), in the pane's language. */
export function foundText(f: FoundTable): string {
  return t(`sources.foundBy.${f.foundBy}` as StringKey, { source: sourceText(f.source) });
}

export function sourceText(source: TableSource): string {
  switch (source.kind) {
    case "table":
      return source.name;
    case "name":
      return source.name;
    case "sheet":
      return source.sheet;
    case "range":
      return `${source.sheet}!${source.address}`;
  }
}

function cellText(value: CellValue): string {
  if (value === null || value === undefined) return "";
  if (value instanceof Date) return value.toISOString().slice(0, 10);
  return String(value);
}

/** The preview row that looks most like the table's header (first non-empty row as fallback). */
function headerRowOf(table: TableName, rows: CellValue[][]): number {
  let best = -1;
  let bestScore = 0;
  rows.forEach((row, i) => {
    const score = headerScore(table, row);
    if (score > bestScore) {
      best = i;
      bestScore = score;
    }
  });
  if (best >= 0) return best;
  const firstFilled = rows.findIndex((row) => row.some((v) => cellText(v).trim() !== ""));
  return Math.max(0, firstFilled);
}

function autoMatch(columnNames: string[], headers: string[]): string | null {
  const wanted = new Set(columnNames.map(fold));
  return headers.find((h) => wanted.has(fold(h))) ?? null;
}

export interface SourceEditorProps {
  table: TableName;
  saved: TableMapping | undefined;
  found: FoundTable | undefined;
  objects: WorkbookObjects;
  onSave: (mapping: TableMapping | null) => Promise<void>;
  onClose: () => void;
}

/** Point a contract table at a table, sheet or range, map its columns, and preview its first rows. */
export function SourceEditor({ table, saved, found, objects, onSave, onClose }: SourceEditorProps): React.JSX.Element {
  const language = useLanguage();
  const port = usePort();
  const styles = useStyles();
  const shared = useSectionStyles();
  const headingId = React.useId();
  const [source, setSource] = React.useState<TableSource | null>(saved?.source ?? null);
  const [columns, setColumns] = React.useState<Record<string, string>>(saved?.columns ?? {});
  const [preview, setPreview] = React.useState<CellValue[][] | null>(null);
  const [previewState, setPreviewState] = React.useState<"idle" | "loading" | "failed">("idle");
  const [saving, setSaving] = React.useState(false);
  const [extraRange, setExtraRange] = React.useState<TableSource | null>(
    saved?.source.kind === "range" || saved?.source.kind === "name" ? saved.source : null,
  );

  const effective = source ?? found?.source ?? null;
  const effectiveKey = effective ? JSON.stringify(effective) : "";

  React.useEffect(() => {
    let live = true;
    if (!effective) {
      setPreview(null);
      setPreviewState("idle");
      return;
    }
    setPreviewState("loading");
    port.readPreview(effective, PREVIEW_ROWS).then(
      (rows) => {
        if (!live) return;
        setPreview(rows);
        setPreviewState("idle");
      },
      () => {
        if (!live) return;
        setPreview(null);
        setPreviewState("failed");
      },
    );
    return () => {
      live = false;
    };
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [effectiveKey, port]);

  const headerIndex = preview && preview.length ? headerRowOf(table, preview) : 0;
  const headers = preview && preview.length ? preview[headerIndex].map(cellText).filter((h) => h.trim() !== "") : [];
  const bodyRows = preview ? preview.slice(headerIndex + 1) : [];

  const takeSelection = async () => {
    try {
      const selection = await port.getSelection();
      const range: TableSource = { kind: "range", sheet: selection.sheet, address: selection.address };
      setExtraRange(range);
      setSource(range);
    } catch {
      setPreviewState("failed");
    }
  };

  const save = async (mapping: TableMapping | null) => {
    setSaving(true);
    try {
      await onSave(mapping);
    } finally {
      setSaving(false);
    }
  };

  const chosenColumns = Object.fromEntries(Object.entries(columns).filter(([, own]) => own));
  const saveChoice = () => {
    const chosenSource = source ?? found?.source ?? null;
    if (!chosenSource) return save(null);
    if (!source && Object.keys(chosenColumns).length === 0) return save(null);
    return save({ source: chosenSource, ...(Object.keys(chosenColumns).length ? { columns: chosenColumns } : {}) });
  };

  const label = tableLabel(table, language);
  return (
    <section className={styles.editor} aria-labelledby={headingId}>
      <h4 id={headingId} className={shared.subheading}>
        {t("sources.editor.heading", { table: label })}
      </h4>
      <div className={shared.row}>
        <Field label={t("sources.editor.source")} style={{ flexGrow: 1, minWidth: 0 }}>
          <Select value={encode(source)} onChange={(_, data) => setSource(decode(data.value))}>
            <option value={AUTO}>
              {found && found.foundBy !== "mapping" ? t("sources.editor.autoFound", { found: foundText(found) }) : t("sources.editor.auto")}
            </option>
            {extraRange && (
              <option value={encode(extraRange)}>
                {extraRange.kind === "range"
                  ? t("sources.editor.rangeOption", { sheet: extraRange.sheet, address: extraRange.address })
                  : t("sources.editor.nameOption", { name: sourceText(extraRange) })}
              </option>
            )}
            {objects.tables.length > 0 && (
              <optgroup label={t("sources.editor.tablesGroup")}>
                {objects.tables.map((x) => (
                  <option key={`t:${x.name}`} value={encode({ kind: "table", name: x.name })}>
                    {t("sources.editor.tableOption", { name: x.name, sheet: x.sheet })}
                  </option>
                ))}
              </optgroup>
            )}
            {objects.sheets.length > 0 && (
              <optgroup label={t("sources.editor.sheetsGroup")}>
                {objects.sheets.map((name) => (
                  <option key={`s:${name}`} value={encode({ kind: "sheet", sheet: name })}>
                    {t("sources.editor.sheetOption", { sheet: name })}
                  </option>
                ))}
              </optgroup>
            )}
          </Select>
        </Field>
        <Button icon={<SelectObjectRegular />} onClick={() => void takeSelection()} style={{ alignSelf: "flex-end" }}>
          {t("sources.editor.useSelection")}
        </Button>
      </div>

      <div className={shared.section}>
        <h5 className={shared.subheading}>{t("sources.editor.preview")}</h5>
        {previewState === "loading" && <Spinner size="tiny" label={t("sources.loading")} labelPosition="after" />}
        {previewState === "failed" && (
          <MessageBar intent="warning">
            <MessageBarBody>{t("sources.editor.previewFailed")}</MessageBarBody>
          </MessageBar>
        )}
        {previewState === "idle" && preview && preview.length === 0 && <Text>{t("sources.editor.previewEmpty")}</Text>}
        {previewState === "idle" && preview && preview.length > 0 && (
          <div className={styles.previewWrap} tabIndex={0} role="region" aria-label={t("sources.editor.preview")}>
            <Table size="extra-small" aria-label={t("sources.editor.preview")} data-testid="preview-table">
              <TableHeader>
                <TableRow>
                  {preview[headerIndex].map((h, i) => (
                    <TableHeaderCell key={i} className={styles.previewCell}>
                      {cellText(h)}
                    </TableHeaderCell>
                  ))}
                </TableRow>
              </TableHeader>
              <TableBody>
                {bodyRows.map((row, r) => (
                  <TableRow key={r}>
                    {row.map((v, i) => (
                      <TableCell key={i} className={styles.previewCell}>
                        {cellText(v)}
                      </TableCell>
                    ))}
                  </TableRow>
                ))}
              </TableBody>
            </Table>
          </div>
        )}
      </div>

      {headers.length > 0 && (
        <div className={styles.columnGrid}>
          <h5 className={shared.subheading}>{t("sources.editor.columns")}</h5>
          <Text size={200} className={shared.muted}>
            {t("sources.editor.columnsIntro")}
          </Text>
          {TABLE_SCHEMAS[table].map((col) => {
            const auto = autoMatch([col.name, ...col.aliases], headers);
            const chosen = columns[col.name] ?? "";
            const missing = col.required && !auto && !chosen;
            return (
              <Field
                key={col.name}
                label={col.required ? `${col.name} (${t("sources.editor.required")})` : col.name}
                validationState={missing ? "warning" : "none"}
                validationMessage={
                  chosen ? undefined : auto ? t("sources.editor.matched", { header: auto }) : col.required ? t("sources.editor.unmatched") : undefined
                }
              >
                <Select value={chosen} onChange={(_, data) => setColumns((c) => ({ ...c, [col.name]: data.value }))}>
                  <option value="">{t("sources.editor.columnAuto")}</option>
                  {headers.map((h) => (
                    <option key={h} value={h}>
                      {h}
                    </option>
                  ))}
                </Select>
              </Field>
            );
          })}
        </div>
      )}

      <div className={shared.row}>
        <Button appearance="primary" onClick={() => void saveChoice()} disabled={saving}>
          {t("sources.editor.save")}
        </Button>
        {saved && (
          <Button onClick={() => void save(null)} disabled={saving}>
            {t("sources.editor.reset")}
          </Button>
        )}
        <Button appearance="subtle" onClick={onClose}>
          {t("sources.editor.close")}
        </Button>
      </div>
    </section>
  );
}
