import * as React from "react";
import { Button, Card, Field, MessageBar, MessageBarBody, Select, Spinner, Text, makeStyles, tokens } from "@fluentui/react-components";
import { DocumentArrowUpRegular } from "@fluentui/react-icons";
import { renderMessage, type TableName } from "../../engine";
import { readCsvTable } from "../../input/csv";
import { rowsToWrite, type FileTable } from "../../input/file-table";
import { formatOre } from "../../input/format";
import { detailText, sieDimensionLabel } from "../../input/messages";
import { readSieLedger, SIE_TARGETS, type SieDimensionMap, type SieTarget } from "../../input/sie";
import { t, type StringKey } from "../i18n";
import { usePort, type WorkbookMapping } from "../port";
import { useRunController, useRunState } from "../run-controller";
import { tableLabel, useLanguage, useSectionStyles } from "./common";

const useStyles = makeStyles({
  card: { display: "flex", flexDirection: "column", gap: tokens.spacingVerticalS },
  lines: { margin: 0, paddingLeft: tokens.spacingHorizontalL, display: "flex", flexDirection: "column", gap: "2px" },
});

/** Tables a file can replace: the ledger and the client volumes (the other tables are the economist's own). */
const TARGETS: TableName[] = ["Ekonomi", "Brukare"];
const SIE_FILE = /\.(se|si|sie)$/i;
const SHOWN_PROBLEMS = 20;

function readBytes(file: File): Promise<Uint8Array> {
  return new Promise((resolve, reject) => {
    const reader = new FileReader();
    reader.onload = () => resolve(new Uint8Array(reader.result as ArrayBuffer));
    reader.onerror = () => reject(reader.error);
    reader.readAsArrayBuffer(file);
  });
}

export interface ImportFileProps {
  mapping: WorkbookMapping;
  onMappingChange: (mapping: WorkbookMapping) => Promise<void>;
}

/**
 * "Importera fil…": reads a CSV/text export or an SIE 4 file in the pane (FileReader; nothing is
 * uploaded), shows what was read (rows, rows set aside and why, the sum, the file's problems) and
 * only then, on the user's word, writes it in chunks to a new sheet and points the table at it.
 */
export function ImportFile({ mapping, onMappingChange }: ImportFileProps): React.JSX.Element {
  const language = useLanguage();
  const port = usePort();
  const controller = useRunController();
  const { busy } = useRunState();
  const styles = useStyles();
  const shared = useSectionStyles();
  const input = React.useRef<HTMLInputElement>(null);
  const [target, setTarget] = React.useState<TableName>("Ekonomi");
  const [reading, setReading] = React.useState<string | null>(null);
  const [read, setRead] = React.useState<FileTable | null>(null);
  const [writing, setWriting] = React.useState(false);
  // An SIE file's bytes, kept so a change of dimensions reads it again before anything is written.
  const [sieBytes, setSieBytes] = React.useState<Uint8Array | null>(null);

  const pick = async (file: File) => {
    setRead(null);
    setSieBytes(null);
    setReading(file.name);
    try {
      const bytes = await readBytes(file);
      const sie = SIE_FILE.test(file.name);
      setSieBytes(sie ? bytes : null);
      setRead(sie ? readSieLedger(bytes, file.name) : readCsvTable(bytes, target, file.name));
    } catch {
      controller.notify({ intent: "error", key: "sources.import.readFailed", params: { file: file.name } });
    } finally {
      setReading(null);
    }
  };

  /**
   * One column fed from another dimension: the file is read again with every column's choice. A
   * dimension feeds one column only, so a column that had it takes this column's former one.
   */
  const chooseDimension = (column: SieTarget, value: string) => {
    const chosen = read?.summary.sie?.chosen;
    if (!read || !sieBytes || !chosen) return;
    const dim = value === "" ? null : Number(value);
    const next: SieDimensionMap = {};
    for (const t of SIE_TARGETS) next[t] = t === column ? dim : dim !== null && chosen[t] === dim ? (chosen[column] ?? null) : (chosen[t] ?? null);
    setRead(readSieLedger(sieBytes, read.summary.file, { dimensions: next }));
  };

  const write = async () => {
    if (!read) return;
    const rows = rowsToWrite(read);
    if (!rows) return;
    setWriting(true);
    try {
      const outcome = await port.importTable(read.table, rows);
      await onMappingChange({ ...mapping, [read.table]: { source: { kind: "table", name: outcome.tableName } } });
      controller.notify({
        intent: "success",
        key: outcome.pseudonymised > 0 ? "sources.import.writtenPseudonymised" : "sources.import.written",
        params: { rows: outcome.rows, sheet: outcome.sheet, table: tableLabel(read.table, language), count: outcome.pseudonymised },
      });
      setRead(null);
      setSieBytes(null);
    } catch {
      controller.notify({ intent: "error", key: "sources.import.failed" });
    } finally {
      setWriting(false);
    }
  };

  const errors = read ? read.problems.filter((p) => p.severity === "error").length : 0;
  const s = read?.summary;
  return (
    <Card className={styles.card} appearance="subtle" data-testid="import-card">
      <h3 className={shared.subheading}>{t("sources.import.heading")}</h3>
      <Text size={200} className={shared.muted}>
        {t("sources.import.intro")}
      </Text>
      <div className={shared.row}>
        <Field label={t("sources.import.target")} orientation="horizontal">
          <Select value={target} onChange={(_, d) => setTarget(d.value as TableName)} disabled={writing}>
            {TARGETS.map((table) => (
              <option key={table} value={table}>
                {tableLabel(table, language)}
              </option>
            ))}
          </Select>
        </Field>
        <Button icon={<DocumentArrowUpRegular />} onClick={() => input.current?.click()} disabled={writing || reading !== null || busy !== null}>
          {t("sources.import.button")}
        </Button>
        <input
          ref={input}
          type="file"
          accept=".csv,.txt,.tsv,.se,.si,.sie"
          className={shared.visuallyHidden}
          data-testid="import-file-input"
          onChange={(e) => {
            const file = e.target.files?.[0];
            e.target.value = "";
            if (file) void pick(file);
          }}
        />
      </div>
      {reading && <Spinner size="tiny" label={t("sources.import.reading", { file: reading })} labelPosition="after" />}
      {read && s && (
        <div className={styles.card} data-testid="import-summary">
          {SIE_FILE.test(s.file) && target !== "Ekonomi" && <Text size={200}>{t("sources.import.sieOnlyLedger")}</Text>}
          <Text weight="semibold">{t("sources.import.rows", { file: s.file, table: tableLabel(s.table, language), rows: s.rowsRead.toLocaleString("sv-SE") })}</Text>
          {s.sie && sieBytes && (
            <div className={styles.card} data-testid="import-sie-dimensions">
              <Text weight="semibold">{t("sources.import.sie.heading")}</Text>
              <Text size={200} className={shared.muted}>
                {t("sources.import.sie.intro")}
              </Text>
              {SIE_TARGETS.map((column) => (
                <Field key={column} label={column} orientation="horizontal">
                  <Select value={String(s.sie!.chosen[column] ?? "")} onChange={(_, d) => chooseDimension(column, d.value)} disabled={writing}>
                    {s.sie!.dimensions.map((d) => (
                      <option key={d.dim} value={String(d.dim)}>
                        {sieDimensionLabel(d, language)}
                      </option>
                    ))}
                    {(column === "Aktivitet" || s.sie!.chosen[column] == null) && <option value="">{t("sources.import.sie.none")}</option>}
                  </Select>
                </Field>
              ))}
            </div>
          )}
          <ul className={styles.lines}>
            {s.details.map((d, i) => (
              <li key={`${d.key}${i}`}>
                <Text size={200}>{detailText(d, language)}</Text>
              </li>
            ))}
            {s.amountOre !== null && (
              <li>
                <Text size={200}>{t("sources.import.sumAmount", { amount: formatOre(s.amountOre) })}</Text>
              </li>
            )}
            {s.volume !== null && (
              <li>
                <Text size={200}>{t("sources.import.sumVolume", { volume: s.volume })}</Text>
              </li>
            )}
            {s.unreadableNumbers > 0 && (
              <li>
                <Text size={200}>{t("sources.import.unreadableNumbers", { count: s.unreadableNumbers })}</Text>
              </li>
            )}
            {s.skipped.map((k) => {
              const reasonKey = `sources.import.reason.${k.code}` as StringKey;
              const reason = t(reasonKey) === reasonKey ? k.reason : t(reasonKey);
              return (
                <li key={k.code}>
                  <Text size={200}>
                    {k.amountOre === undefined
                      ? t("sources.import.skipped", { count: k.count, reason })
                      : t("sources.import.skippedAmount", { count: k.count, reason, amount: formatOre(k.amountOre) })}
                  </Text>
                </li>
              );
            })}
          </ul>
          {read.problems.length > 0 && (
            <MessageBar intent={errors ? "error" : "warning"}>
              <MessageBarBody>
                <Text weight="semibold">{t("sources.import.problems", { count: read.problems.length })}</Text>
                <ul className={styles.lines}>
                  {read.problems.slice(0, SHOWN_PROBLEMS).map((p, i) => (
                    <li key={i}>
                      {p.row !== null ? `${t("sources.import.line", { row: p.row })}: ` : ""}
                      {renderMessage(p.code, p.params, language)}
                    </li>
                  ))}
                </ul>
                {errors > 0 && <Text>{t("sources.import.blocked")}</Text>}
              </MessageBarBody>
            </MessageBar>
          )}
          <div className={shared.row}>
            <Button appearance="primary" onClick={() => void write()} disabled={errors > 0 || writing || !read.input || busy !== null}>
              {t("sources.import.write", { table: tableLabel(read.table, language) })}
            </Button>
            <Button
              onClick={() => {
                setRead(null);
                setSieBytes(null);
              }}
              disabled={writing}
            >
              {t("sources.import.cancel")}
            </Button>
            {writing && <Spinner size="tiny" />}
          </div>
        </div>
      )}
    </Card>
  );
}
