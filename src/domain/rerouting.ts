/**
 * Re-routing advice (issue 17): when the driver's crossing has no free place in the next 24 hours and
 * another crossing on the same border has, say so. Advice only: nothing is ever moved automatically.
 * Pure: the hub's figures and the free places here come in from the caller.
 */
export interface CrossingFigures {
  checkpointId: string;
  name: string;
  names?: LocalNames | null;
  neighbour: string | null;
  stale: boolean;
  freePlacesNext24h: number | null;
}

export type LocalNames = { ru: string; kk: string; zh: string };

export interface ReroutingAdvice {
  /** the other crossing's name in English, and in the other languages when its post sent them */
  checkpoint: string;
  names: LocalNames | null;
  places: number;
}

/** The advised crossing's name in the driver's language (English when the hub has no other). */
export const adviceName = (a: ReroutingAdvice, lang: "en" | keyof LocalNames) =>
  lang === "en" ? a.checkpoint : (a.names?.[lang] ?? a.checkpoint);

export function reroutingAdvice(
  here: { checkpointId: string; neighbour: string; freePlacesNext24h: number },
  national: readonly CrossingFigures[],
): ReroutingAdvice | null {
  if (here.freePlacesNext24h > 0) return null;
  let best: ReroutingAdvice | null = null;
  for (const r of national) {
    // a stale post's places may be long gone
    if (r.checkpointId === here.checkpointId || r.neighbour !== here.neighbour || r.stale) continue;
    const places = r.freePlacesNext24h ?? 0;
    if (places > 0 && (!best || places > best.places))
      best = { checkpoint: r.name, names: r.names ?? null, places };
  }
  return best;
}
