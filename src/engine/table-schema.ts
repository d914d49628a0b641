import type { TableName } from "./model";

/** One column of a contract table: its Swedish name and the other headers that mean the same. */
export interface ColumnDef {
  name: string;
  aliases: string[];
  required: boolean;
}

const col = (name: string, required: boolean, ...aliases: string[]): ColumnDef => ({ name, required, aliases });

/**
 * The workbook contract: canonical Swedish headers, English and common system-export variants.
 * Headers are compared case-insensitively with Swedish letters folded (Födelseår = fodelsear).
 */
export const TABLE_SCHEMAS: Record<TableName, ColumnDef[]> = {
  Ekonomi: [
    col("Ansvar", true, "Responsibility", "Cost centre", "Cost center", "Ansvarskod"),
    col("Verksamhet", true, "Operation", "Function", "Verksamhetskod", "Activity code"),
    col("Aktivitet", false, "Activity"),
    col("Konto", true, "Account", "Kontonummer"),
    col("Belopp", true, "Amount", "Utfall", "Outcome", "Kostnad"),
    col("Text", false, "Description", "Kontotext", "Beskrivning"),
    col("År", false, "Year", "Ar"),
    // The month of the row (monthly follow-up); read as Brukare's Period is. Not "Datum": a
    // voucher-date column in an export, in any date format, must not start selecting rows.
    col("Period", false, "Month", "Månad", "Bokföringsperiod"),
  ],
  Kodning: [
    col("Ansvar", false, "Responsibility", "Cost centre", "Cost center"),
    col("Verksamhet", false, "Operation", "Function", "Activity code"),
    col("Aktivitet", false, "Activity"),
    col("Konto", false, "Account"),
    col("Till", true, "Target", "To", "Kodas till"),
    col("Orsak", false, "Reason", "Kommentar"),
  ],
  Pooler: [
    col("Pool", true, "Pool id", "PoolID", "Kostnadsobjekt"),
    col("Insats", true, "Intervention", "Service"),
    col("Enhet", false, "Unit"),
    col("Regi", true, "Provision", "Provider"),
    col("Typ", true, "Type", "Pooltyp"),
    col("Fördelning", false, "Allocation", "Key", "Fördelningsnyckel", "Nyckel"),
    col("Mottagare", false, "Receivers", "Recipients"),
    col("Platser", false, "Places", "Beds", "Antal platser"),
  ],
  Nycklar: [
    col("Från", true, "From", "Stödpool"),
    col("Till", true, "To", "Mottagare"),
    col("Andel", true, "Share", "Procent", "Percent", "Andel (%)", "Andel %", "Andel i %", "Andel i procent", "Share (%)", "Share %"),
  ],
  Insatskatalog: [
    col("Insats", true, "Intervention", "Service"),
    col("Område", true, "Area", "Verksamhetsområde"),
    col("Volymenhet", true, "Volume unit", "Enhet", "Unit"),
    col("Nyckeltal", false, "Key figure", "KPI"),
  ],
  Brukare: [
    col("BrukarID", true, "Client id", "ClientID", "Brukar-id", "Brukare", "Id", "Client"),
    col("Födelseår", false, "Birth year", "Fodelsear"),
    col("Ålder", false, "Age"),
    col("Kön", false, "Sex", "Gender"),
    col("Pool", true, "Pool id"),
    col("Volym", true, "Volume", "Antal", "Timmar", "Dygn"),
    col("Period", false, "Month", "Månad", "Datum", "Date"),
    col("Boendeform", false, "Housing", "Boende"),
    col("År", false, "Year"),
  ],
  Befolkning: [
    col("Åldersgrupp", false, "Age group", "Aldersgrupp"),
    col("Ålder", false, "Age"),
    col("Antal", true, "Count", "Invånare", "Inhabitants", "Population", "Folkmängd"),
    col("År", false, "Year", "Ar"),
  ],
  Jämförelse: [
    col("Nyckeltal", true, "Key figure", "KPI", "Kpi"),
    col("Värde", true, "Value"),
    col("Källa", false, "Source"),
    col("År", false, "Year"),
    col("Kommun", false, "Municipality"),
  ],
  Inställningar: [
    col("Inställning", true, "Setting", "Nyckel", "Parameter", "Key"),
    col("Värde", true, "Value"),
  ],
};

/** Tables the calculation cannot run without. */
export const REQUIRED_TABLES: TableName[] = ["Ekonomi", "Kodning", "Pooler", "Brukare"];

/** English names of the tables (for the task pane and for finding tables by name). */
export const TABLE_ALIASES: Record<TableName, string[]> = {
  Ekonomi: ["Ledger", "Huvudbok", "Ekonomidata"],
  Kodning: ["Coding", "Kodningsregler", "Rules"],
  Pooler: ["Pools", "Kostnadspooler"],
  Nycklar: ["Keys", "Fördelningsnycklar"],
  Insatskatalog: ["Catalogue", "Catalog", "Insatser"],
  Brukare: ["Clients", "Brukarvolymer", "Volymer"],
  Befolkning: ["Population", "Invånare"],
  Jämförelse: ["Benchmark", "Jamforelse"],
  Inställningar: ["Settings", "Installningar"],
};
