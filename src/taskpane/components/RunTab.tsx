import * as React from "react";
import { Button, MessageBar, MessageBarActions, MessageBarBody, Text } from "@fluentui/react-components";
import { ArrowSyncRegular, PlayRegular } from "@fluentui/react-icons";
import { t } from "../i18n";
import { hasBlockingErrors, useRunController, useRunState } from "../run-controller";
import { formatTime, useLanguage, useSectionStyles } from "./common";
import { SummaryCard } from "./SummaryCard";

export interface RunTabProps {
  /** When the workbook was last refreshed (from its saved state), if ever. */
  lastRunAt?: string;
  onShowChecks: () => void;
}

/** Kör / Uppdatera: one button, progress above the tabs, and the summary of the last run. */
export function RunTab({ lastRunAt, onShowChecks }: RunTabProps): React.JSX.Element {
  useLanguage();
  const controller = useRunController();
  const state = useRunState();
  const shared = useSectionStyles();
  const blocked = hasBlockingErrors(state.problems);
  const hasRun = Boolean(state.lastRun || lastRunAt);
  return (
    <div className={shared.section}>
      <h2 className={shared.heading}>{t("run.heading")}</h2>
      <Text size={200} className={shared.muted}>
        {t("run.intro")}
      </Text>
      <div className={shared.row}>
        <Button
          appearance="primary"
          size="large"
          icon={hasRun ? <ArrowSyncRegular /> : <PlayRegular />}
          onClick={() =>
            void controller.refresh().then((outcome) => {
              if (outcome === "blocked") onShowChecks();
            })
          }
          disabled={state.busy !== null || blocked}
          aria-describedby={blocked ? "kpb-run-blocked" : undefined}
        >
          {hasRun ? t("run.update") : t("run.button")}
        </Button>
      </div>
      {!state.lastRun && lastRunAt && (
        <Text size={200} className={shared.muted}>
          {t("run.lastRunAt", { time: formatTime(lastRunAt) })}
        </Text>
      )}
      {blocked && (
        <MessageBar intent="error" id="kpb-run-blocked" data-testid="run-blocked">
          <MessageBarBody>{t("run.disabledBlocked")}</MessageBarBody>
          <MessageBarActions>
            <Button size="small" onClick={onShowChecks}>
              {t("run.goChecks")}
            </Button>
            <Button size="small" onClick={() => void controller.check()} disabled={state.busy !== null}>
              {t("run.checkAgain")}
            </Button>
          </MessageBarActions>
        </MessageBar>
      )}
      {state.lastRun && <SummaryCard run={state.lastRun} />}
    </div>
  );
}
