/**
 * The founding scenario's equations written by hand in TypeScript: the physical limit the engine
 * is measured against (npm run bench), and an independent implementation the tests compare the
 * engine with. Constants are read from the scenario file so that only the equations are duplicated.
 */
import type { Scenario } from '../../src/model/schema.ts';

const pulse = (t: number, dt: number, start: number, width: number) => {
  if (width <= 0) return 0;
  const overlap = Math.min(t + dt, start + width) - Math.max(t, start);
  return overlap > 0 ? overlap / dt : 0;
};
const clamp = (x: number, lo: number, hi: number) => Math.min(Math.max(x, lo), hi);

export const RECORDED = [
  'held',
  'releasedSoFar',
  'dealReleasedSoFar',
  'pressureReleasedSoFar',
  'exiledSoFar',
  'arrestedSoFar',
  'servedSoFar',
  'refillBacklog',
  'reliefInForce',
  'delayedFreight',
  'pressureOnMinskSoFar',
  'pressureOnWarsawSoFar',
  'askedPressureSoFar',
  'polandCostSoFar',
  'closureMonths',
  'closedShare',
  'arrests',
  'refillArrests',
  'refillOwed',
  'sentencesServed',
  'pardons',
  'deathsInCustody',
  'dealWillingness',
  'dealBatch',
  'dealReleases',
  'reliefGranted',
  'snapbackHazard',
  'reliefWithdrawn',
  'freightDelayedRate',
  'pressureOnMinsk',
  'pressureOnWarsaw',
  'askedPressure',
  'pressureTarget',
  'pressureReleases',
  'exiles',
  'polandCostRate',
  'transitLoss',
  'westernCost',
  'russianOffset',
  'euSanctionsBite',
  'usEngagement',
  'fragility',
  'prisonersHeld',
  'releasedTotal',
  'releasedByDeals',
  'releasedUnderPressure',
  'exiledTotal',
  'arrestsTotal',
  'sentencesServedTotal',
  'belarusStress',
  'chinaDelayedValue',
  'polandCost',
  'rapprochementStability',
] as const;

export type Levers = Record<
  | 'polandClosureWeeks'
  | 'polandLinksPrisoners'
  | 'chinaTransitShare'
  | 'chinaPressureOnMinsk'
  | 'usRelief'
  | 'exileShare'
  | 'euSanctions'
  | 'russiaSupport'
  | 'arrestRate',
  number
>;

/** Writes the series of every recorded id into `out` (same order as RECORDED). */
export function handwritten(scenario: Scenario, L: Levers, horizon: number, out: Float64Array[]): void {
  makeHandwritten(scenario)(L, horizon, out);
}

/** Reads the constants once and returns the hand-written simulation. */
export function makeHandwritten(scenario: Scenario): (L: Levers, horizon: number, out: Float64Array[]) => void {
  const c = Object.fromEntries(scenario.constants.map((k) => [k.id, k.value])) as Record<string, number>;
  const initialPrisoners = c.initialPrisoners!,
    referenceArrestRate = c.referenceArrestRate!;
  const sentenceMonths = c.sentenceMonths!,
    holidayPardonBatch = c.holidayPardonBatch!;
  const deathsPerYear = c.deathsPerYear!,
    dealMonth = c.dealMonth!,
    releasesPerPoint = c.releasesPerPoint!;
  const calibrationRussiaSupport = c.calibrationRussiaSupport!,
    russiaBlunting = c.russiaBlunting!;
  const maxDealShare = c.maxDealShare!,
    replacementRatio = c.replacementRatio!,
    replacementDelay = c.replacementDelay!;
  const closureStartMonth = c.closureStartMonth!,
    weeksPerMonth = c.weeksPerMonth!,
    daysPerMonth = c.daysPerMonth!;
  const railFreightValue = c.railFreightValue!,
    maxTransitConcession = c.maxTransitConcession!;
  const transitPressureScale = c.transitPressureScale!,
    concessionDelay = c.concessionDelay!;
  const polandCorridorCostPerDay = c.polandCorridorCostPerDay!,
    polandTradeCostPerDay = c.polandTradeCostPerDay!;
  const belarusGdp = c.belarusGdp!,
    belarusTransitLossPerDay = c.belarusTransitLossPerDay!;
  const euSanctionsCost = c.euSanctionsCost!,
    usSanctionsCost = c.usSanctionsCost!,
    fullReliefPoints = c.fullReliefPoints!;
  const snapbackRate = c.snapbackRate!,
    engagementPoints = c.engagementPoints!;
  const weightHeld = c.weightHeld!,
    weightArrests = c.weightArrests!,
    weightEu = c.weightEu!;
  const weightEngagement = c.weightEngagement!;
  const startMonth = Number(scenario.time.start.slice(5, 7)) - 1;
  const dt = scenario.time.step;
  return (L, horizon, out) => {
    const steps = Math.round(horizon / dt);

    let held = initialPrisoners,
      releasedSoFar = 0,
      dealReleasedSoFar = 0,
      pressureReleasedSoFar = 0;
    let exiledSoFar = 0,
      arrestedSoFar = 0,
      servedSoFar = 0,
      refillBacklog = 0,
      reliefInForce = 0;
    let delayedFreight = 0,
      pressureOnMinskSoFar = 0,
      pressureOnWarsawSoFar = 0,
      askedPressureSoFar = 0;
    let polandCostSoFar = 0;

    for (let i = 0; ; i++) {
      const t = i * dt;
      const month = ((startMonth + Math.floor(t + 1e-9)) % 12) + 1;
      const closureMonths = L.polandClosureWeeks / weeksPerMonth;
      const closedShare = pulse(t, dt, closureStartMonth, closureMonths);
      const refillArrests = (refillBacklog / replacementDelay) * Math.min(1, L.arrestRate / referenceArrestRate);
      const arrests = L.arrestRate + refillArrests;
      const sentencesServed = held / sentenceMonths;
      const pardons =
        month === 1 || month === 7 || month === 9 || month === 12 ? Math.min(holidayPardonBatch, held) : 0;
      const deathsInCustody = deathsPerYear / 12;
      const dealWillingness =
        (1 - (russiaBlunting * L.russiaSupport) / 100) / (1 - (russiaBlunting * calibrationRussiaSupport) / 100);
      const dealBatch = Math.min(maxDealShare * held, releasesPerPoint * L.usRelief * dealWillingness);
      const dealReleases = dealBatch * pulse(t, dt, dealMonth, 1);
      const reliefGranted = L.usRelief * pulse(t, dt, dealMonth, 1);
      const snapbackHazard = snapbackRate * Math.min(1, arrests / referenceArrestRate);
      const reliefWithdrawn = reliefInForce * snapbackHazard;
      const freightDelayedRate = (((closedShare * L.chinaTransitShare) / 100) * railFreightValue) / 12;
      const pressureOnMinsk = (freightDelayedRate * L.chinaPressureOnMinsk) / 100;
      const pressureOnWarsaw = freightDelayedRate * (1 - L.chinaPressureOnMinsk / 100);
      const askedPressure = (pressureOnMinsk * L.polandLinksPrisoners) / 100;
      const pressureTarget = maxTransitConcession * (1 - Math.exp(-askedPressureSoFar / transitPressureScale));
      const pressureReleases = Math.min(held, Math.max(0, pressureTarget - pressureReleasedSoFar)) / concessionDelay;
      const refillOwed = replacementRatio * (dealReleases + pressureReleases);
      const exiles = (L.exileShare / 100) * (dealReleases + pressureReleases);
      const polandCostRate =
        closedShare * daysPerMonth * ((polandCorridorCostPerDay * L.chinaTransitShare) / 100 + polandTradeCostPerDay);
      const transitLoss =
        ((((closedShare * belarusTransitLossPerDay * L.chinaTransitShare) / 100) * 365) / (belarusGdp * 1000)) * 100;
      const westernCost =
        (euSanctionsCost * L.euSanctions) / 100 +
        usSanctionsCost * clamp(1 - reliefInForce / fullReliefPoints, 0, 1) +
        transitLoss;
      const russianOffset = (westernCost * L.russiaSupport) / 100;
      const euSanctionsBite = ((euSanctionsCost * L.euSanctions) / 100) * (1 - L.russiaSupport / 100);
      const usEngagement = Math.min(1, reliefInForce / engagementPoints);
      const fragility =
        weightHeld * Math.sqrt(clamp(held / initialPrisoners, 0, 1)) +
        weightArrests * Math.sqrt(clamp(arrests / referenceArrestRate, 0, 1)) +
        (weightEu * L.euSanctions) / 100 +
        weightEngagement * (1 - usEngagement);

      const row = [
        held,
        releasedSoFar,
        dealReleasedSoFar,
        pressureReleasedSoFar,
        exiledSoFar,
        arrestedSoFar,
        servedSoFar,
        refillBacklog,
        reliefInForce,
        delayedFreight,
        pressureOnMinskSoFar,
        pressureOnWarsawSoFar,
        askedPressureSoFar,
        polandCostSoFar,
        closureMonths,
        closedShare,
        arrests,
        refillArrests,
        refillOwed,
        sentencesServed,
        pardons,
        deathsInCustody,
        dealWillingness,
        dealBatch,
        dealReleases,
        reliefGranted,
        snapbackHazard,
        reliefWithdrawn,
        freightDelayedRate,
        pressureOnMinsk,
        pressureOnWarsaw,
        askedPressure,
        pressureTarget,
        pressureReleases,
        exiles,
        polandCostRate,
        transitLoss,
        westernCost,
        russianOffset,
        euSanctionsBite,
        usEngagement,
        fragility,
        held,
        releasedSoFar,
        dealReleasedSoFar,
        pressureReleasedSoFar,
        exiledSoFar,
        arrestedSoFar,
        servedSoFar,
        westernCost * (1 - L.russiaSupport / 100),
        delayedFreight,
        polandCostSoFar,
        clamp(1 - fragility, 0, 1),
      ];
      for (let k = 0; k < row.length; k++) out[k]![i] = row[k]!;
      if (i === steps) break;

      held = Math.max(
        0,
        held + dt * (arrests - sentencesServed - pardons - dealReleases - pressureReleases - deathsInCustody),
      );
      releasedSoFar += dt * (pardons + dealReleases + pressureReleases);
      dealReleasedSoFar += dt * dealReleases;
      pressureReleasedSoFar += dt * pressureReleases;
      exiledSoFar += dt * exiles;
      arrestedSoFar += dt * arrests;
      servedSoFar += dt * sentencesServed;
      refillBacklog = Math.max(0, refillBacklog + dt * (refillOwed - refillArrests));
      reliefInForce = Math.max(0, reliefInForce + dt * (reliefGranted - reliefWithdrawn));
      delayedFreight += dt * freightDelayedRate;
      pressureOnMinskSoFar += dt * pressureOnMinsk;
      pressureOnWarsawSoFar += dt * pressureOnWarsaw;
      askedPressureSoFar += dt * askedPressure;
      polandCostSoFar += dt * polandCostRate;
    }
  };
}
