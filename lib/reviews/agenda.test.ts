import { describe, expect, it } from "vitest";
import { agendaFit, moveEntry, withPositions } from "./agenda";

describe("moveEntry", () => {
  const list = ["a", "b", "c"];

  it("moves an entry up and down by one place", () => {
    expect(moveEntry(list, 1, -1)).toEqual(["b", "a", "c"]);
    expect(moveEntry(list, 1, 1)).toEqual(["a", "c", "b"]);
  });

  it("leaves the list as it is at the edges, and never changes the input", () => {
    expect(moveEntry(list, 0, -1)).toEqual(list);
    expect(moveEntry(list, 2, 1)).toEqual(list);
    expect(moveEntry(list, 5, -1)).toEqual(list);
    expect(list).toEqual(["a", "b", "c"]);
  });
});

describe("withPositions / agendaFit", () => {
  it("numbers entries from 1 in order", () => {
    expect(withPositions([{ id: "x" }, { id: "y" }])).toEqual([{ id: "x", position: 1 }, { id: "y", position: 2 }]);
  });

  it("sums the time boxes and says by how much they overrun the meeting", () => {
    expect(agendaFit([10, 15, 20], 60)).toEqual({ totalMinutes: 45, overByMinutes: 0 });
    expect(agendaFit([30, 40, Number.NaN], 60)).toEqual({ totalMinutes: 70, overByMinutes: 10 });
  });
});
