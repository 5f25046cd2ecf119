// A deputy's name that differs from another deputy's of the same body only in what the eye cannot tell apart
// (full-width letters, a Kangxi radical for the ideograph, padding spaces, case: shared/rules/names nameKey) is
// refused: on the console, the 座次表 and the big screen the two are one name, and a clerk searching for one
// finds the other. Two deputies with exactly the same name (同名) do happen and stay allowed: the clerk typed the
// same text twice on purpose, and the card numbers tell them apart.
import { nameKey } from '../../shared/rules/names';

export interface NamedCard {
  name: string;
  cardNo: string;
}

/** Names by identity key, to look each new row up against the body's roster and the rows before it. */
export class NameTwins {
  private readonly byKey = new Map<string, NamedCard[]>();

  constructor(existing: readonly NamedCard[]) {
    for (const d of existing) this.add(d);
  }

  /** The other deputy this name only looks like, if any (the same card number is the same deputy). */
  twinOf(row: NamedCard): NamedCard | undefined {
    return this.byKey.get(nameKey(row.name))?.find((d) => d.cardNo !== row.cardNo && d.name !== row.name);
  }

  add(row: NamedCard): void {
    const key = nameKey(row.name);
    this.byKey.set(key, [...(this.byKey.get(key) ?? []).filter((d) => d.cardNo !== row.cardNo), row]);
  }
}

/** Said to the clerk for a name that only looks like another deputy's. */
export function twinMessage(twin: NamedCard): string {
  return `姓名与已有代表“${twin.name}”（代表证号 ${twin.cardNo}）看起来相同，仅差不可见或形近字符，请核对 / The name looks the same as deputy ${twin.name} (card ${twin.cardNo}); it differs only in invisible or lookalike characters`;
}
