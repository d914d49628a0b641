import * as React from "react";
import { Button, Field, Input, MessageBar, MessageBarBody, Text, Textarea, makeStyles, tokens } from "@fluentui/react-components";
import { t, type StringKey } from "../i18n";
import { usePort } from "../port";
import { useSectionStyles } from "./common";

const useStyles = makeStyles({
  section: { display: "flex", flexDirection: "column", gap: tokens.spacingVerticalS },
  row: { display: "flex", gap: tokens.spacingHorizontalS, alignItems: "flex-end", flexWrap: "wrap" },
});

/**
 * Inställningar → "Pseudonymiseringsnyckel": export of this computer's key (shown as text to copy)
 * and import of a colleague's. The key lives in the add-in's storage, never in the workbook.
 */
export function SecretKeySection(): React.JSX.Element {
  const port = usePort();
  const styles = useStyles();
  const shared = useSectionStyles();
  const [exported, setExported] = React.useState<string | null>(null);
  const [pasted, setPasted] = React.useState("");
  const [notice, setNotice] = React.useState<{ intent: "success" | "error"; key: StringKey } | null>(null);

  const doExport = async () => {
    setNotice(null);
    try {
      setExported(await port.exportSecret());
    } catch {
      setNotice({ intent: "error", key: "secret.failed" });
    }
  };

  const doImport = async () => {
    setNotice(null);
    try {
      await port.importSecret(pasted);
      setPasted("");
      setExported(null);
      setNotice({ intent: "success", key: "secret.imported" });
    } catch (error) {
      setNotice({ intent: "error", key: error instanceof Error && error.name === "InvalidSecretError" ? "secret.invalid" : "secret.failed" });
    }
  };

  return (
    <section className={styles.section} aria-labelledby="kpb-secret-heading" data-testid="secret-section">
      <h3 id="kpb-secret-heading" className={shared.heading}>
        {t("secret.heading")}
      </h3>
      <Text size={200} className={shared.muted}>
        {t("secret.intro")}
      </Text>
      <div>
        <Button onClick={() => void doExport()}>{t("secret.export")}</Button>
      </div>
      {exported && (
        <Field hint={t("secret.exported")}>
          <Textarea readOnly value={exported} data-testid="secret-exported" onFocus={(e) => e.currentTarget.select()} />
        </Field>
      )}
      <div className={styles.row}>
        <Field label={t("secret.importLabel")} style={{ flexGrow: 1 }}>
          <Input value={pasted} onChange={(_, d) => setPasted(d.value)} data-testid="secret-import" />
        </Field>
        <Button onClick={() => void doImport()} disabled={pasted.trim() === ""}>
          {t("secret.import")}
        </Button>
      </div>
      {notice && (
        <MessageBar intent={notice.intent} role={notice.intent === "error" ? "alert" : "status"}>
          <MessageBarBody>{t(notice.key)}</MessageBarBody>
        </MessageBar>
      )}
    </section>
  );
}
