import type { RowCount, SetAsideGroup, SetAsideReason } from "./model";
import { addOre } from "./money";

/**
 * The account of every data row of Ekonomi and Brukare: each row read is either counted or set
 * aside for a reason, and the set-aside rows are kept per reason and year with their sum, so that
 * `KPB Avstämning` can show rows read = counted + set aside, to the öre and to the volume.
 */
export class RowAccount {
  readonly groups: GroupTally[] = [];
  readonly counts: { Ekonomi: CountTally; Brukare: CountTally } = { Ekonomi: emptyCount(), Brukare: emptyCount() };
  private readonly byKey = new Map<string, GroupTally>();

  /** A row the calculation uses. */
  counted(table: SetAsideGroup["table"], value: number): void {
    const c = this.counts[table];
    c.read++;
    c.counted++;
    c.readSum = add(table, c.readSum, value);
    c.countedSum = add(table, c.countedSum, value);
  }

  /** A row left out (the caller reports it); `value` is its amount in öre or volume in micro-units. */
  setAside(table: SetAsideGroup["table"], reason: SetAsideReason, year: number | null, row: number, value: number): GroupTally {
    const c = this.counts[table];
    c.read++;
    c.readSum = add(table, c.readSum, value);
    const key = `${table}\u0000${reason}\u0000${year ?? ""}`;
    let group = this.byKey.get(key);
    if (!group) {
      group = { table, reason, year, rows: [], amountOre: 0, volumeMicro: 0 };
      this.byKey.set(key, group);
      this.groups.push(group);
    }
    group.rows.push(row);
    if (table === "Ekonomi") group.amountOre = addOre(group.amountOre, value);
    else group.volumeMicro += value;
    return group;
  }
}

/** The counts and groups while the rows are read (the result's are read-only). */
type CountTally = { -readonly [K in keyof RowCount]: RowCount[K] };
type GroupTally = { -readonly [K in keyof SetAsideGroup]: SetAsideGroup[K] } & { rows: number[] };

function emptyCount(): CountTally {
  return { read: 0, counted: 0, readSum: 0, countedSum: 0 };
}

/** Money is summed with the overflow check; volumes (micro-units) as plain integers. */
function add(table: SetAsideGroup["table"], a: number, b: number): number {
  return table === "Ekonomi" ? addOre(a, b) : a + b;
}
