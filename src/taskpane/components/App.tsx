import * as React from "react";
import {
  Button,
  Menu,
  MenuItem,
  MenuList,
  MenuPopover,
  MenuTrigger,
  MessageBar,
  MessageBarBody,
  Overflow,
  OverflowItem,
  Spinner,
  Tab,
  TabList,
  Text,
  Title2,
  makeStyles,
  tokens,
  useIsOverflowItemVisible,
  useOverflowMenu,
} from "@fluentui/react-components";
import { MoreHorizontalRegular } from "@fluentui/react-icons";
import { locateTable, ProblemLog, readSettingsTable } from "../../engine";
import { ADDIN_VERSION } from "../../functions/functions";
import { getLanguage, setLanguage as setModuleLanguage, t, type Language } from "../i18n";
import { PortContext, type KpbPort, type PaneOverrides, type PaneState, type WorkbookMapping } from "../port";
import { RunController, RunControllerContext, useRunState } from "../run-controller";
import { BenchmarkTab } from "./BenchmarkTab";
import { ChecksTab } from "./ChecksTab";
import { LanguageContext } from "./common";
import { ExplainTab } from "./ExplainTab";
import { RunTab } from "./RunTab";
import { SettingsTab } from "./SettingsTab";
import { SourcesTab } from "./SourcesTab";
import { StatusArea } from "./StatusArea";

const useStyles = makeStyles({
  root: {
    display: "flex",
    flexDirection: "column",
    gap: tokens.spacingVerticalM,
    padding: `${tokens.spacingVerticalM} ${tokens.spacingHorizontalM}`,
    maxWidth: "720px",
  },
  header: {
    display: "flex",
    flexDirection: "column",
    gap: "2px",
  },
  subtitle: {
    color: tokens.colorNeutralForeground3,
  },
  // One line at any width: tabs that do not fit go into the "more" menu (Excel's pane is 320-350 px).
  tabs: {
    flexWrap: "nowrap",
    overflow: "hidden",
    minWidth: 0,
    marginInline: `calc(-1 * ${tokens.spacingHorizontalS})`,
  },
  panel: {
    display: "flex",
    flexDirection: "column",
    gap: tokens.spacingVerticalM,
  },
  version: {
    color: tokens.colorNeutralForeground3,
  },
});

export type TabId = "sources" | "benchmark" | "checks" | "run" | "explain" | "settings";
const TABS: { id: TabId; key: "tabs.sources" | "tabs.benchmark" | "tabs.checks" | "tabs.run" | "tabs.explain" | "tabs.settings" }[] = [
  { id: "sources", key: "tabs.sources" },
  { id: "benchmark", key: "tabs.benchmark" },
  { id: "checks", key: "tabs.checks" },
  { id: "run", key: "tabs.run" },
  { id: "explain", key: "tabs.explain" },
  { id: "settings", key: "tabs.settings" },
];

export interface AppProps {
  port: KpbPort;
  /** The controller shared with the ribbon command; a new one when absent (tests). */
  controller?: RunController;
  /** The first tab shown (default Källdata). */
  initialTab?: TabId;
  /** What this Excel lacks of the required Office API sets (src/excel/requirements.ts), in Swedish; null when nothing. */
  requirementsMessage?: string | null;
}

function Subtitle({ fromWorkbook }: { fromWorkbook: WorkbookTitle | null }): React.JSX.Element | null {
  const { lastRun, result } = useRunState();
  const styles = useStyles();
  const r = lastRun?.result ?? result ?? fromWorkbook;
  if (!r || !r.municipality) return null;
  return (
    <Text size={200} className={styles.subtitle} data-testid="pane-subtitle">
      {r.year ? t("app.subtitle", { municipality: r.municipality, year: r.year }) : r.municipality}
    </Text>
  );
}

interface WorkbookTitle {
  municipality: string;
  year: number | null;
}

/** Kommun and År from the workbook's Inställningar, so the subtitle shows before the first run. */
async function readWorkbookTitle(port: KpbPort, mapping: WorkbookMapping): Promise<WorkbookTitle | null> {
  const found = (await port.findTables(mapping)).find((f) => f.table === "Inställningar");
  if (!found) return null;
  const rows = await port.readPreview(found.source, 60);
  const table = locateTable("Inställningar", { rows, sheet: found.sheet }, new ProblemLog());
  const settings = readSettingsTable(table, new ProblemLog());
  return settings.municipality ? { municipality: settings.municipality, year: settings.year ?? null } : null;
}

type TabEntry = (typeof TABS)[number];

function OverflowMenuItem({ tab, onSelect }: { tab: TabEntry; onSelect: (id: TabId) => void }): React.JSX.Element | null {
  const visible = useIsOverflowItemVisible(tab.id);
  if (visible) return null;
  return <MenuItem onClick={() => onSelect(tab.id)}>{t(tab.key)}</MenuItem>;
}

/** The tabs that do not fit on the line, in a menu behind "…". */
function OverflowMenu({ onSelect }: { onSelect: (id: TabId) => void }): React.JSX.Element | null {
  const { ref, isOverflowing, overflowCount } = useOverflowMenu<HTMLButtonElement>();
  if (!isOverflowing) return null;
  return (
    <Menu hasIcons={false}>
      <MenuTrigger disableButtonEnhancement>
        <Button
          appearance="transparent"
          size="small"
          ref={ref}
          icon={<MoreHorizontalRegular />}
          aria-label={t("tabs.more", { count: overflowCount })}
          data-testid="tabs-more"
        />
      </MenuTrigger>
      <MenuPopover>
        <MenuList>
          {TABS.map((tab) => (
            <OverflowMenuItem key={tab.id} tab={tab} onSelect={onSelect} />
          ))}
        </MenuList>
      </MenuPopover>
    </Menu>
  );
}

/** The KPB task pane: Källdata, Jämförelse, Kontroll, Kör, Förklara and Inställningar over one `KpbPort`. */
export function App({ port, controller: given, initialTab = "sources", requirementsMessage = null }: AppProps): React.JSX.Element {
  const styles = useStyles();
  const controller = React.useMemo(() => given ?? new RunController(port), [given, port]);
  const [language, setLanguageState] = React.useState<Language>(getLanguage());
  const [pane, setPane] = React.useState<PaneState | null>(null);
  const [loadFailed, setLoadFailed] = React.useState(false);
  const [attempt, setAttempt] = React.useState(0);
  const [tab, setTab] = React.useState<TabId>(initialTab);
  const [workbookTitle, setWorkbookTitle] = React.useState<WorkbookTitle | null>(null);

  const applyLanguage = React.useCallback((next: Language) => {
    setModuleLanguage(next);
    setLanguageState(next);
    if (typeof document !== "undefined") document.documentElement.lang = next;
  }, []);

  React.useEffect(() => {
    let live = true;
    setLoadFailed(false);
    port.loadState().then(
      (state) => {
        if (!live) return;
        if (state.overrides.language === "sv" || state.overrides.language === "en") applyLanguage(state.overrides.language);
        setPane(state);
        // The subtitle is a courtesy: a workbook without Inställningar (or a failed read) shows none.
        readWorkbookTitle(port, state.mapping).then(
          (title) => live && setWorkbookTitle(title),
          () => undefined,
        );
      },
      () => {
        if (live) setLoadFailed(true);
      },
    );
    return () => {
      live = false;
    };
  }, [port, attempt, applyLanguage]);

  const saveMapping = async (mapping: WorkbookMapping) => {
    await port.saveMapping(mapping);
    setPane((p) => (p ? { ...p, mapping } : p));
  };

  const saveOverrides = async (overrides: PaneOverrides) => {
    await port.saveOverrides(overrides);
    setPane((p) => (p ? { ...p, overrides } : p));
  };

  const languageValue = React.useMemo(() => ({ language, setLanguage: applyLanguage }), [language, applyLanguage]);

  let body: React.ReactNode;
  if (loadFailed) {
    body = (
      <MessageBar intent="error" role="alert">
        <MessageBarBody>{t("app.loadFailed")}</MessageBarBody>
        <Button size="small" onClick={() => setAttempt((n) => n + 1)}>
          {t("app.retry")}
        </Button>
      </MessageBar>
    );
  } else if (!pane) {
    body = <Spinner size="tiny" labelPosition="after" label={t("app.loading")} style={{ justifyContent: "flex-start" }} />;
  } else {
    body = (
      <>
        <Overflow minimumVisible={2}>
          <TabList
            className={styles.tabs}
            size="small"
            selectedValue={tab}
            onTabSelect={(_, data) => setTab(data.value as TabId)}
            aria-label={t("tabs.label")}
            data-testid="tabs"
          >
            {TABS.map(({ id, key }) => (
              <OverflowItem key={id} id={id} priority={id === tab ? 2 : 1}>
                <Tab value={id} id={`kpb-tab-${id}`} aria-controls="kpb-tabpanel">
                  {t(key)}
                </Tab>
              </OverflowItem>
            ))}
            <OverflowMenu onSelect={setTab} />
          </TabList>
        </Overflow>
        <StatusArea />
        <div className={styles.panel} role="tabpanel" id="kpb-tabpanel" aria-labelledby={`kpb-tab-${tab}`}>
          {tab === "sources" && (
            <SourcesTab mapping={pane.mapping} onMappingChange={saveMapping} onSampleWritten={() => setTab("run")} />
          )}
          {tab === "benchmark" && <BenchmarkTab overrides={pane.overrides} />}
          {tab === "checks" && <ChecksTab />}
          {tab === "run" && <RunTab lastRunAt={pane.lastRun?.at} onShowChecks={() => setTab("checks")} />}
          {tab === "explain" && <ExplainTab />}
          {tab === "settings" && (
            <SettingsTab overrides={pane.overrides} onSave={saveOverrides} onLanguageChange={applyLanguage} />
          )}
        </div>
      </>
    );
  }

  return (
    <PortContext.Provider value={port}>
      <RunControllerContext.Provider value={controller}>
        <LanguageContext.Provider value={languageValue}>
          <main className={styles.root} lang={language}>
            <header className={styles.header}>
              <Title2 as="h1">{t("app.title")}</Title2>
              <Subtitle fromWorkbook={workbookTitle} />
            </header>
            {requirementsMessage && (
              <MessageBar intent="error" role="alert" data-testid="kpb-requirements">
                <MessageBarBody>{requirementsMessage}</MessageBarBody>
              </MessageBar>
            )}
            {body}
            <Text size={100} className={styles.version}>
              {t("app.version", { version: ADDIN_VERSION })}
            </Text>
          </main>
        </LanguageContext.Provider>
      </RunControllerContext.Provider>
    </PortContext.Provider>
  );
}

export default App;
