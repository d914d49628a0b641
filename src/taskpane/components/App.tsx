import * as React from "react";
import { Spinner, Text, Title2, makeStyles, tokens } from "@fluentui/react-components";
import { t } from "../i18n";
import { ADDIN_VERSION } from "../../functions/functions";

/** Placeholder task pane: title and a loading note until the real pane replaces this component. */
const useStyles = makeStyles({
  root: {
    display: "flex",
    flexDirection: "column",
    gap: tokens.spacingVerticalM,
    padding: tokens.spacingHorizontalL,
  },
  loading: {
    justifyContent: "flex-start",
  },
  version: {
    color: tokens.colorNeutralForeground3,
  },
});

export function App(): React.JSX.Element {
  const styles = useStyles();
  return (
    <main className={styles.root}>
      <Title2 as="h1">{t("app.title")}</Title2>
      <Spinner className={styles.loading} size="tiny" labelPosition="after" label={t("app.loading")} />
      <Text size={200} className={styles.version}>
        {t("app.version", { version: ADDIN_VERSION })}
      </Text>
    </main>
  );
}

export default App;
