import * as React from "react";
import {
  Button,
  Field,
  MessageBar,
  MessageBarActions,
  MessageBarBody,
  ProgressBar,
  Text,
  makeStyles,
  tokens,
} from "@fluentui/react-components";
import { DismissRegular } from "@fluentui/react-icons";
import { formatNumber } from "../format";
import { t, type StringKey } from "../i18n";
import { useRunController, useRunState } from "../run-controller";
import type { Progress } from "../port";
import { useLanguage, useSectionStyles } from "./common";

const useStyles = makeStyles({
  root: {
    display: "flex",
    flexDirection: "column",
    gap: tokens.spacingVerticalS,
  },
  progressRow: {
    display: "flex",
    alignItems: "flex-end",
    gap: tokens.spacingHorizontalS,
  },
  progressField: {
    flexGrow: 1,
    minWidth: 0,
  },
  detail: {
    display: "block",
    color: tokens.colorNeutralForeground3,
    wordBreak: "break-word",
  },
});

export function progressText(progress: Progress | null): string {
  if (!progress) return t("progress.start");
  const phase = t(`progress.phase.${progress.phase}` as StringKey);
  if (progress.phase === "läser" || progress.phase === "skriver") {
    return t("progress.rows", {
      phase,
      detail: progress.detail,
      done: formatNumber(progress.done),
      total: formatNumber(progress.total),
    });
  }
  return t("progress.phaseOnly", { phase });
}

/** Progress of the running operation (bar, text, cancel) and the last outcome's message. */
export function StatusArea(): React.JSX.Element {
  useLanguage();
  const styles = useStyles();
  const shared = useSectionStyles();
  const state = useRunState();
  const controller = useRunController();
  const { busy, progress, notice } = state;
  const fraction = progress && progress.total > 0 ? Math.min(1, progress.done / progress.total) : undefined;
  const text = progressText(progress);
  return (
    <div className={styles.root}>
      {/* Screen readers hear phase changes; the bar itself is not announced on every chunk. */}
      <div aria-live="polite" aria-atomic="true" className={shared.visuallyHidden} data-testid="progress-live">
        {busy ? `${t(`op.busy.${busy}` as StringKey)}: ${text}` : ""}
      </div>
      {busy && (
        <div className={styles.progressRow} data-testid="progress">
          <Field
            className={styles.progressField}
            label={t(`op.busy.${busy}` as StringKey)}
            validationMessage={state.cancelRequested ? t("op.cancelling") : text}
            validationState="none"
          >
            <ProgressBar value={fraction} max={1} thickness="large" aria-label={t("progress.label")} />
          </Field>
          <Button onClick={() => controller.cancel()} disabled={state.cancelRequested}>
            {t("op.cancel")}
          </Button>
        </div>
      )}
      {notice && !busy && (
        <MessageBar intent={notice.intent} role={notice.intent === "error" ? "alert" : "status"} data-testid="notice">
          <MessageBarBody>
            {t(notice.key, notice.params)}
            {notice.detail && (
              <Text size={200} className={styles.detail}>
                {t("op.details", { detail: notice.detail })}
              </Text>
            )}
          </MessageBarBody>
          <MessageBarActions
            containerAction={
              <Button
                appearance="transparent"
                icon={<DismissRegular />}
                aria-label={t("notice.dismiss")}
                onClick={() => controller.dismissNotice()}
              />
            }
          />
        </MessageBar>
      )}
    </div>
  );
}
