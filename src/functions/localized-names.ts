/**
 * Swedish names, descriptions and parameter help of the KPB worksheet functions, and the pure
 * function that turns the generated (English) functions.json into functions.sv.json.
 *
 * Excel localizes custom-function names only through a per-locale metadata file with the same ids
 * and localized `name`s, which the manifest selects with a `<bt:Override Locale="sv-SE">` of the
 * Functions.Metadata.Url resource. The build (scripts/functions-sv-plugin.js) loads this file and
 * emits dist/functions.sv.json; a missing translation fails the build.
 *
 * Function names are ASCII only (no å, ä, ö): a Swedish name with non-ASCII letters risks #NAME? in
 * some Excel builds (research/officejs.md, pitfall 5). Descriptions and parameter names are only
 * displayed, so they use proper Swedish.
 *
 * This module has no imports, so the build can load it with a plain TypeScript transpile.
 */

export interface SwedishParameter {
  name: string;
  description: string;
}

export interface SwedishFunction {
  name: string;
  description: string;
  /** Keyed by the English parameter name (the TypeScript parameter in functions.ts). */
  parameters: Record<string, SwedishParameter>;
}

/** The optional last argument of the model-backed functions (src/functions/period-argument.ts). */
const PERIOD: SwedishParameter = {
  name: "period",
  description: 'En månad "ÅÅÅÅ-MM" eller ett datum: rullande tolv månader till och med den månaden (kräver Period i Ekonomi och Brukare). Standard: senaste körningen.',
};

export const SWEDISH_FUNCTIONS: Record<string, SwedishFunction> = {
  VERSION: {
    name: "VERSION",
    description: "Returnerar versionen av KPB-tillägget.",
    parameters: {},
  },
  COSTPERHOUR: {
    name: "KOSTNADPERTIMME",
    description:
      "Kostnad per timme (kr) från senaste KPB-körningen: insatsens totala kostnad ÷ timmar. Standard: hemtjänst, egen regi, alla enheter.",
    parameters: {
      intervention: { name: "insats", description: 'Insats, t.ex. "Hemtjänst" (standard), "HSL" eller "Personlig assistans".' },
      unit: {
        name: "enhet",
        description: 'Pool-id eller enhetens namn, eller "egen", "annan" eller "alla" för regi. Standard: alla enheter i egen regi.',
      },
      period: PERIOD,
    },
  },
  COSTPERDAY: {
    name: "KOSTNADPERDYGN",
    description:
      "Kostnad per dygn (kr) från senaste KPB-körningen: insatsens totala kostnad ÷ dygn. Standard: särskilt boende, egen regi, alla enheter.",
    parameters: {
      intervention: { name: "insats", description: 'Insats, t.ex. "Särskilt boende" (standard), "Korttidsvård" eller "Gruppbostad LSS".' },
      unit: {
        name: "enhet",
        description: 'Pool-id eller enhetens namn, eller "egen", "annan" eller "alla" för regi. Standard: alla enheter i egen regi.',
      },
      period: PERIOD,
    },
  },
  UNITCOST: {
    name: "STYCKKOSTNAD",
    description: "Styckkostnad för en pool från senaste KPB-körningen: poolens fulla kostnad ÷ volym (kr per timme, dygn, månad …).",
    parameters: {
      pool: { name: "pool", description: "Pool-id (som i tabellen Pooler) eller enhetens namn." },
      period: PERIOD,
    },
  },
  CLIENTCOST: {
    name: "BRUKARKOSTNAD",
    description: "En brukares totala årskostnad (kr) från senaste KPB-körningen.",
    parameters: {
      clientId: {
        name: "brukarID",
        description: "BrukarID som på bladet KPB Brukare (pseudonym om underlaget hade personnummer) eller det ursprungliga personnumret.",
      },
      period: PERIOD,
    },
  },
  COSTPERCLIENT: {
    name: "KOSTNADPERBRUKARE",
    description: "Kostnad per brukare (kr) i ett område och en åldersgrupp: brukarnas totala kostnad ÷ antal brukare.",
    parameters: {
      area: { name: "område", description: 'Område: "ÄO", "LSS", "FN" eller "IFO".' },
      ageGroup: { name: "åldersgrupp", description: 'Åldersgrupp, t.ex. "80-w" eller "65-79", eller en ålder. Standard: alla åldrar.' },
      period: PERIOD,
    },
  },
  COSTPERINHABITANT: {
    name: "KOSTNADPERINVANARE",
    description: "Kostnad per invånare (kr) i ett område och en åldersgrupp: total kostnad ÷ åldersgruppens invånare.",
    parameters: {
      area: { name: "område", description: 'Område: "ÄO", "LSS", "FN" eller "IFO".' },
      ageGroup: { name: "åldersgrupp", description: 'Åldersgrupp, t.ex. "80-w" eller "65-79", eller en ålder. Standard: alla åldrar.' },
      period: PERIOD,
    },
  },
  CLIENTSHARE: {
    name: "ANDELBRUKARE",
    description: "Andel av invånarna som är brukare i ett område och en åldersgrupp, som decimaltal (0,125 = 12,5 %; formatera cellen som %).",
    parameters: {
      area: { name: "område", description: 'Område: "ÄO", "LSS", "FN" eller "IFO".' },
      ageGroup: { name: "åldersgrupp", description: 'Åldersgrupp, t.ex. "80-w" eller "65-79", eller en ålder. Standard: alla åldrar.' },
      period: PERIOD,
    },
  },
  OUTLIERSHARE: {
    name: "ANDELYTTERFALL",
    description: "Andel av brukarna i en avgränsning vars årskostnad överstiger ytterfallsgränsen, som decimaltal (0,125 = 12,5 %; formatera cellen som %).",
    parameters: {
      scope: {
        name: "avgränsning",
        description: '"ÄO ordinärt boende" (eller "ordinärt"), "ÄO särskilt boende" (eller "särskilt", "SÄBO"), "LSS" eller "IFO".',
      },
      period: PERIOD,
    },
  },
  BREAKEVEN: {
    name: "BRYTPUNKT",
    description:
      "Brytpunkten: årskostnaden för en plats i särskilt boende (kostnad per dygn i egen regi inkl. HSL × årets dygn); över den kostar insatserna i ordinärt boende mer.",
    parameters: {
      measure: {
        name: "mått",
        description: '"brytpunkt" (standard, kr per år), "antal" (brukare i ordinärt boende över brytpunkten) eller "merkostnad" (deras kostnad över brytpunkten, kr).',
      },
      period: PERIOD,
    },
  },
  BENCHMARK: {
    name: "JAMFORELSE",
    description: "Jämförelsevärdet för ett nyckeltal: arbetsbokens tabell Jämförelse, annars det medföljande KPB-snittet. Andelar som decimaltal (0,125 = 12,5 %).",
    parameters: {
      keyFigure: {
        name: "nyckeltal",
        description: 'Nyckeltalets id (se KPB.NYCKELTAL), namn eller Kolada-id, t.ex. "hemtjanst_egen_kr_timme" eller "U21003".',
      },
      period: PERIOD,
    },
  },
  INDEX: {
    name: "INDEXTAL",
    description: "Index för ett nyckeltal mot jämförelsen: eget värde ÷ jämförelsevärde (1 = lika, 1,1 = 10 % högre).",
    parameters: {
      keyFigure: { name: "nyckeltal", description: "Nyckeltalets id (se KPB.NYCKELTAL), namn eller Kolada-id." },
      period: PERIOD,
    },
  },
  POTENTIAL: {
    name: "POTENTIAL",
    description:
      "Potential (kr) vid jämförelsens styckkostnad: (egen styckkostnad − jämförelsens) × egen volym, 0 om man ligger på eller under jämförelsen.",
    parameters: {
      intervention: { name: "insats", description: 'Insats, t.ex. "Hemtjänst" eller "Särskilt boende".' },
      unit: { name: "enhet", description: 'Pool-id eller enhetens namn, eller "egen", "annan" eller "alla". Standard: alla enheter i egen regi.' },
      period: PERIOD,
    },
  },
  KEYFIGURES: {
    name: "NYCKELTAL",
    description:
      "Alla nyckeltal från senaste KPB-körningen som en tabell som spills: rubrikrad, sedan id, namn, avgränsning, värde och enhet (andelar som decimaltal).",
    parameters: { period: PERIOD },
  },
  ALLOCATE: {
    name: "FORDELA",
    description:
      "Fördelar ett belopp efter nycklar exakt på öret (största rest): delarna är hela ören och summerar till beloppet. Spills i nycklarnas form.",
    parameters: {
      amount: { name: "belopp", description: "Belopp i kr (avrundas först till hela ören)." },
      keys: { name: "nycklar", description: "Område med nycklar (tal ≥ 0; tomma celler räknas som 0)." },
    },
  },
  UNITCOSTS: {
    name: "STYCKKOSTNADER",
    description: "Styckkostnad per cell: kostnad ÷ volym, spills i områdenas form (#DIVISION/0! där volymen är 0 eller tom).",
    parameters: {
      costs: { name: "kostnader", description: "Område med kostnader (kr)." },
      volumes: { name: "volymer", description: "Område med volymer av samma storlek (eller en enda cell)." },
    },
  },
};

/** The parts of functions.json this module reads and writes. */
export interface FunctionsMetadata {
  functions: { id: string; name: string; description?: string; parameters: { name: string; description?: string }[] }[];
  [key: string]: unknown;
}

/** Excel's rule for a function name, narrowed to ASCII upper case for the Swedish names. */
const NAME = /^[A-Z][A-Z0-9_.]{2,}$/;

/**
 * functions.sv.json from the generated functions.json: same ids, options and parameter types;
 * Swedish names, descriptions and parameter names/help. Throws, naming every gap, when a function
 * or parameter has no translation, a translation has no function, or a name is not ASCII or not
 * unique, so that a new function cannot ship without its Swedish name.
 */
export function localizeFunctionsMetadata(
  english: FunctionsMetadata,
  table: Record<string, SwedishFunction> = SWEDISH_FUNCTIONS,
): FunctionsMetadata {
  const problems: string[] = [];
  const names = new Map<string, string>();
  const functions = english.functions.map((f) => {
    const sv = table[f.id];
    if (!sv) {
      problems.push(`${f.id}: ingen svensk översättning i src/functions/localized-names.ts`);
      return f;
    }
    if (!NAME.test(sv.name)) problems.push(`${f.id}: det svenska namnet "${sv.name}" ska vara versaler A–Z, 0–9, _ eller . (ASCII)`);
    const clash = names.get(sv.name);
    if (clash) problems.push(`${f.id}: det svenska namnet "${sv.name}" används redan av ${clash}`);
    names.set(sv.name, f.id);
    const parameters = f.parameters.map((p) => {
      const sp = sv.parameters[p.name];
      if (!sp) {
        problems.push(`${f.id}: parametern "${p.name}" saknar svensk översättning`);
        return p;
      }
      return { ...p, name: sp.name, description: sp.description };
    });
    for (const extra of Object.keys(sv.parameters)) {
      if (!f.parameters.some((p) => p.name === extra)) problems.push(`${f.id}: översättningen har parametern "${extra}" som funktionen inte har`);
    }
    return { ...f, name: sv.name, description: sv.description, parameters };
  });
  for (const id of Object.keys(table)) {
    if (!english.functions.some((f) => f.id === id)) problems.push(`${id}: översättning utan funktion i functions.json`);
  }
  if (problems.length > 0) throw new Error(`functions.sv.json kan inte skapas:\n${problems.join("\n")}`);
  return { ...english, functions };
}
