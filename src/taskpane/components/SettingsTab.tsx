import * as React from "react";
import { Button, Field, Input, MessageBar, MessageBarBody, Radio, RadioGroup, Select, Text, makeStyles, tokens } from "@fluentui/react-components";
import { DEFAULT_HOUR_BANDS, DEFAULT_OUTLIER_LIMITS_KR, type AllocationMethod, type OutlierScope } from "../../engine";
import { formatNumber } from "../format";
import { t, type Language, type StringKey } from "../i18n";
import type { PaneOverrides } from "../port";
import { useRunState } from "../run-controller";
import { useLanguage, useSectionStyles } from "./common";
import { SecretKeySection } from "./SecretKeySection";

const OUTLIER_FIELDS: { scope: OutlierScope; key: StringKey }[] = [
  { scope: "ÄO ordinärt boende", key: "settings.outlier.ordinary" },
  { scope: "ÄO särskilt boende", key: "settings.outlier.sabo" },
  { scope: "LSS", key: "settings.outlier.lss" },
  { scope: "IFO", key: "settings.outlier.ifo" },
];

const useStyles = makeStyles({
  fieldset: {
    border: `1px solid ${tokens.colorNeutralStroke2}`,
    borderRadius: tokens.borderRadiusMedium,
    padding: tokens.spacingHorizontalM,
    margin: 0,
    display: "flex",
    flexDirection: "column",
    gap: tokens.spacingVerticalS,
  },
  legend: {
    fontWeight: tokens.fontWeightSemibold,
    paddingInline: tokens.spacingHorizontalXS,
  },
  form: {
    display: "flex",
    flexDirection: "column",
    gap: tokens.spacingVerticalM,
  },
});

interface Draft {
  year: string;
  municipality: string;
  municipalityCode: string;
  outliers: Record<OutlierScope, string>;
  hourBands: string;
  allocationMethod: "" | AllocationMethod;
  homeCareHours: "" | "beviljad" | "utförd";
}

type Errors = Partial<Record<"year" | "municipalityCode" | "hourBands" | OutlierScope, StringKey>>;

function draftOf(o: PaneOverrides): Draft {
  return {
    year: o.year !== undefined ? String(o.year) : "",
    municipality: o.municipality ?? "",
    municipalityCode: o.municipalityCode ?? "",
    outliers: Object.fromEntries(
      OUTLIER_FIELDS.map(({ scope }) => [scope, o.outlierLimitsKr?.[scope] !== undefined ? String(o.outlierLimitsKr[scope]) : ""]),
    ) as Record<OutlierScope, string>,
    hourBands: o.hourBands ? o.hourBands.join(";") : "",
    allocationMethod: o.allocationMethod ?? "",
    homeCareHours: o.homeCareHours ?? "",
  };
}

/** "600 000" or "600000,50" → 600000.5; null when not a positive amount. */
function parseAmount(text: string): number | null {
  const cleaned = text.replace(/[\s\u00a0]/g, "").replace(/kr$/i, "").replace(",", ".");
  if (!/^\d+(\.\d+)?$/.test(cleaned)) return null;
  const n = Number(cleaned);
  return n > 0 ? n : null;
}

function parseBands(text: string): number[] | null {
  const parts = text.split(/[;\s]+/).filter(Boolean).map((s) => Number(s.replace(",", ".")));
  if (parts.length < 2 || !parts.every((b, i) => Number.isFinite(b) && b >= 0 && (i === 0 || b > parts[i - 1]))) return null;
  return parts;
}

/** Draft → overrides (empty fields are left out) and the fields that need fixing. */
export function overridesFromDraft(draft: Draft, language: Language | undefined): { overrides: PaneOverrides; errors: Errors } {
  const errors: Errors = {};
  const overrides: PaneOverrides = {};
  if (language) overrides.language = language;
  if (draft.year.trim()) {
    const y = Number(draft.year.trim());
    if (Number.isInteger(y) && y >= 1990 && y <= 2200) overrides.year = y;
    else errors.year = "settings.invalid.year";
  }
  if (draft.municipality.trim()) overrides.municipality = draft.municipality.trim();
  if (draft.municipalityCode.trim()) {
    const code = draft.municipalityCode.trim();
    if (/^\d{1,4}$/.test(code)) overrides.municipalityCode = code.padStart(4, "0");
    else errors.municipalityCode = "settings.invalid.code";
  }
  const limits: Partial<Record<OutlierScope, number>> = {};
  for (const { scope } of OUTLIER_FIELDS) {
    const text = draft.outliers[scope].trim();
    if (!text) continue;
    const amount = parseAmount(text);
    if (amount === null) errors[scope] = "settings.invalid.amount";
    else limits[scope] = amount;
  }
  if (Object.keys(limits).length) overrides.outlierLimitsKr = limits;
  if (draft.hourBands.trim()) {
    const bands = parseBands(draft.hourBands);
    if (bands) overrides.hourBands = bands;
    else errors.hourBands = "settings.invalid.bands";
  }
  if (draft.allocationMethod) overrides.allocationMethod = draft.allocationMethod;
  if (draft.homeCareHours) overrides.homeCareHours = draft.homeCareHours;
  return { overrides, errors };
}

export interface SettingsTabProps {
  overrides: PaneOverrides;
  onSave: (overrides: PaneOverrides) => Promise<void>;
  onLanguageChange: (language: Language) => void;
}

/** Inställningar: year, municipality, outlier limits, hour bands, allocation method, home-care hours, language. */
export function SettingsTab({ overrides, onSave, onLanguageChange }: SettingsTabProps): React.JSX.Element {
  const language = useLanguage();
  const { result } = useRunState();
  const styles = useStyles();
  const shared = useSectionStyles();
  const [draft, setDraft] = React.useState<Draft>(() => draftOf(overrides));
  const [errors, setErrors] = React.useState<Errors>({});
  const [status, setStatus] = React.useState<"idle" | "saving" | "saved" | "failed" | "invalid">("idle");
  const settings = result?.settings;

  const set = (patch: Partial<Draft>) => {
    setDraft((d) => ({ ...d, ...patch }));
    setStatus("idle");
  };

  const save = async () => {
    const { overrides: next, errors: found } = overridesFromDraft(draft, overrides.language);
    setErrors(found);
    if (Object.keys(found).length) {
      setStatus("invalid");
      return;
    }
    setStatus("saving");
    try {
      await onSave(next);
      setStatus("saved");
    } catch {
      setStatus("failed");
    }
  };

  const changeLanguage = async (next: Language) => {
    onLanguageChange(next);
    try {
      await onSave({ ...overrides, language: next });
    } catch {
      setStatus("failed");
    }
  };

  const err = (key: keyof Errors) => (errors[key] ? { validationState: "error" as const, validationMessage: t(errors[key]!) } : {});
  const placeholderKr = (scope: OutlierScope) =>
    formatNumber(settings ? settings.outlierLimitsOre[scope] / 100 : DEFAULT_OUTLIER_LIMITS_KR[scope]);

  return (
    <>
    <form
      className={styles.form}
      onSubmit={(e) => {
        e.preventDefault();
        void save();
      }}
      aria-labelledby="kpb-settings-heading"
    >
      <h2 id="kpb-settings-heading" className={shared.heading}>
        {t("settings.heading")}
      </h2>
      <Field label={t("settings.language")}>
        <Select value={language} onChange={(_, data) => void changeLanguage(data.value as Language)} data-testid="language-select">
          <option value="sv">{t("settings.language.sv")}</option>
          <option value="en">{t("settings.language.en")}</option>
        </Select>
      </Field>
      <Text size={200} className={shared.muted}>
        {t("settings.intro")}
      </Text>
      <Field label={t("settings.year")} {...err("year")}>
        <Input
          inputMode="numeric"
          value={draft.year}
          placeholder={settings ? String(settings.year) : ""}
          onChange={(_, d) => set({ year: d.value })}
        />
      </Field>
      <Field label={t("settings.municipality")}>
        <Input value={draft.municipality} placeholder={settings?.municipality ?? ""} onChange={(_, d) => set({ municipality: d.value })} />
      </Field>
      <Field label={t("settings.code")} {...err("municipalityCode")}>
        <Input
          inputMode="numeric"
          value={draft.municipalityCode}
          placeholder={settings?.municipalityCode ?? ""}
          onChange={(_, d) => set({ municipalityCode: d.value })}
        />
      </Field>
      <fieldset className={styles.fieldset}>
        <legend className={styles.legend}>{t("settings.outliers")}</legend>
        {OUTLIER_FIELDS.map(({ scope, key }) => (
          <Field key={scope} label={t(key)} {...err(scope)}>
            <Input
              inputMode="decimal"
              value={draft.outliers[scope]}
              placeholder={placeholderKr(scope)}
              contentAfter={<Text size={200}>kr</Text>}
              onChange={(_, d) => set({ outliers: { ...draft.outliers, [scope]: d.value } })}
            />
          </Field>
        ))}
      </fieldset>
      <Field label={t("settings.bands")} {...err("hourBands")}>
        <Input
          value={draft.hourBands}
          placeholder={(settings?.hourBands ?? DEFAULT_HOUR_BANDS).join(";")}
          onChange={(_, d) => set({ hourBands: d.value })}
        />
      </Field>
      <Field label={t("settings.method")}>
        <RadioGroup value={draft.allocationMethod} onChange={(_, d) => set({ allocationMethod: d.value as Draft["allocationMethod"] })}>
          <Radio value="" label={t("settings.method.workbook")} />
          <Radio value="stegvis" label={t("settings.method.stegvis")} />
          <Radio value="reciprok" label={t("settings.method.reciprok")} />
        </RadioGroup>
      </Field>
      <Field label={t("settings.hours")}>
        <RadioGroup value={draft.homeCareHours} onChange={(_, d) => set({ homeCareHours: d.value as Draft["homeCareHours"] })}>
          <Radio value="" label={t("settings.hours.workbook")} />
          <Radio value="beviljad" label={t("settings.hours.beviljad")} />
          <Radio value="utförd" label={t("settings.hours.utförd")} />
        </RadioGroup>
      </Field>
      {status === "invalid" && (
        <MessageBar intent="error" role="alert">
          <MessageBarBody>{t("settings.invalidSummary")}</MessageBarBody>
        </MessageBar>
      )}
      {status === "saved" && (
        <MessageBar intent="success" role="status">
          <MessageBarBody>{t("settings.saved")}</MessageBarBody>
        </MessageBar>
      )}
      {status === "failed" && (
        <MessageBar intent="error" role="alert">
          <MessageBarBody>{t("settings.saveFailed")}</MessageBarBody>
        </MessageBar>
      )}
      <div>
        <Button appearance="primary" type="submit" disabled={status === "saving"}>
          {t("settings.save")}
        </Button>
      </div>
    </form>
    <SecretKeySection />
    </>
  );
}
