/**
 * The founding scenario's equations written by hand in TypeScript: the physical limit the engine
 * is measured against (npm run bench), and an independent implementation the tests compare the
 * engine with. Constants are read from the scenario file (or given), so only the equations are
 * duplicated. Keep it in step with scenarios/belarus-prisoners.yaml.
 */
import type { Scenario } from '../../src/model/schema.ts';

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
  'offerOnTable',
  'reliefSettled',
  'reliefInForce',
  'feltStress',
  'daysClosedSoFar',
  'delayedFreight',
  'pressureOnMinskSoFar',
  'pressureOnWarsawSoFar',
  'askedPressureSoFar',
  'polandCostSoFar',
  'dailyFreight',
  'warsawDaysToYield',
  'closureTarget',
  'closedShare',
  'closedDays',
  'freightDelayedRate',
  'pressureOnMinsk',
  'pressureOnWarsaw',
  'askedPressure',
  'pressureTarget',
  'pressureReleases',
  'polandCostRate',
  'transitLoss',
  'westernCost',
  'stressNow',
  'russianOffset',
  'euSanctionsBite',
  'stressFelt',
  'referenceStress',
  'need',
  'offerChange',
  'settlement',
  'usEngagement',
  'trust',
  'dealBatch',
  'dealReleases',
  'refillOwed',
  'refillArrests',
  'arrests',
  'sentencesServed',
  'pardons',
  'deathsInCustody',
  'exiles',
  'thawRisk',
  'reliefWithdrawn',
  'prisonersHeld',
  'releasedTotal',
  'releasedByDeals',
  'releasedUnderPressure',
  'exiledTotal',
  'arrestsTotal',
  'sentencesServedTotal',
  'belarusStress',
  'closureLength',
  'chinaDelayedValue',
  'polandCost',
  'rapprochementStability',
] as const;

export type Levers = Record<
  | 'polandClosureDays'
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
export function handwritten(
  scenario: Scenario,
  L: Levers,
  horizon: number,
  out: Float64Array[],
  constants: Record<string, number> = {},
): void {
  makeHandwritten(scenario, constants)(L, horizon, out);
}

/** Reads the constants once and returns the hand-written simulation. */
export function makeHandwritten(
  scenario: Scenario,
  overrides: Record<string, number> = {},
): (L: Levers, horizon: number, out: Float64Array[]) => void {
  const c = { ...Object.fromEntries(scenario.constants.map((k) => [k.id, k.value])), ...overrides } as Record<
    string,
    number
  >;
  const k = (id: string) => {
    const v = c[id];
    if (v === undefined) throw new Error(`the hand-written model needs constant ${id}`);
    return v;
  };
  const initialPrisoners = k('initialPrisoners'),
    referenceArrestRate = k('referenceArrestRate'),
    baseArrestRate = k('baseArrestRate');
  const releasedBeforeStart = k('releasedBeforeStart'),
    sentenceMonths = k('sentenceMonths'),
    holidayPardonBatch = k('holidayPardonBatch');
  const deathsPerYear = k('deathsPerYear'),
    releasesPerPoint = k('releasesPerPoint'),
    priorReliefPoints = k('priorReliefPoints');
  const calibrationRussiaSupport = k('calibrationRussiaSupport'),
    needElasticity = k('needElasticity'),
    trustGain = k('trustGain'),
    trustPoints = k('trustPoints');
  const engagementPoints = k('engagementPoints'),
    maxDealShare = k('maxDealShare'),
    replacementRatio = k('replacementRatio'),
    replacementDelay = k('replacementDelay');
  const daysPerMonth = k('daysPerMonth'),
    railFreightValue = k('railFreightValue'),
    warsawTolerance = k('warsawTolerance');
  const maxTransitConcession = k('maxTransitConcession'),
    pressureScale = k('pressureScale'),
    concessionDelay = k('concessionDelay');
  const polandCorridorCostPerDay = k('polandCorridorCostPerDay'),
    polandTradeCostPerDay = k('polandTradeCostPerDay');
  const belarusGdp = k('belarusGdp'),
    belarusTransitLossPerDay = k('belarusTransitLossPerDay');
  const euSanctionsCost = k('euSanctionsCost'),
    usSanctionsCost = k('usSanctionsCost'),
    fullReliefPoints = k('fullReliefPoints');
  const stressDelay = k('stressDelay'),
    thawHazard = k('thawHazard'),
    arrestWeight = k('arrestWeight'),
    heldWeight = k('heldWeight'),
    engagementWeight = k('engagementWeight');
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
      refillBacklog = replacementRatio * releasedBeforeStart * Math.exp(-1.2 / replacementDelay);
    let offerOnTable = 0,
      reliefSettled = 0,
      reliefInForce = priorReliefPoints;
    let feltStress =
      ((euSanctionsCost * L.euSanctions) / 100 + usSanctionsCost * (1 - priorReliefPoints / fullReliefPoints)) *
      (1 - L.russiaSupport / 100);
    let daysClosedSoFar = 0,
      delayedFreight = 0,
      pressureOnMinskSoFar = 0,
      pressureOnWarsawSoFar = 0,
      askedPressureSoFar = 0,
      polandCostSoFar = 0;

    for (let i = 0; ; i++) {
      const t = i * dt;
      const month = ((startMonth + Math.floor(t + 1e-9)) % 12) + 1;
      // The border and the corridor
      const dailyFreight = ((L.chinaTransitShare / 100) * railFreightValue) / 365;
      const warsawDaysToYield =
        warsawTolerance / Math.max(dailyFreight * (1 - L.chinaPressureOnMinsk / 100), warsawTolerance / 1000);
      const closureTarget = Math.min(L.polandClosureDays, warsawDaysToYield);
      const closedShare = clamp((closureTarget - daysClosedSoFar) / (daysPerMonth * dt), 0, 1);
      const closedDays = closedShare * daysPerMonth;
      const freightDelayedRate = closedDays * dailyFreight;
      const pressureOnMinsk = (freightDelayedRate * L.chinaPressureOnMinsk) / 100;
      const pressureOnWarsaw = freightDelayedRate * (1 - L.chinaPressureOnMinsk / 100);
      const askedPressure = (pressureOnMinsk * L.polandLinksPrisoners) / 100;
      const pressureTarget = maxTransitConcession * (1 - Math.exp(-askedPressureSoFar / pressureScale));
      const pressureReleases =
        Math.min(held, Math.max(0, pressureTarget - pressureReleasedSoFar)) / Math.max(concessionDelay, dt);
      const polandCostRate =
        closedDays * ((polandCorridorCostPerDay * L.chinaTransitShare) / 100 + polandTradeCostPerDay);
      // Minsk's economic stress and need
      const transitLoss =
        ((((closedShare * belarusTransitLossPerDay * L.chinaTransitShare) / 100) * 365) / (belarusGdp * 1000)) * 100;
      const westernCost =
        (euSanctionsCost * L.euSanctions) / 100 +
        usSanctionsCost * clamp(1 - reliefInForce / fullReliefPoints, 0, 1) +
        transitLoss;
      const stressNow = westernCost * (1 - L.russiaSupport / 100);
      const russianOffset = (westernCost * L.russiaSupport) / 100;
      const euSanctionsBite = ((euSanctionsCost * L.euSanctions) / 100) * (1 - L.russiaSupport / 100);
      const stressFelt = (stressNow - feltStress) / Math.max(stressDelay, dt);
      const referenceStress = (euSanctionsCost + usSanctionsCost) * (1 - calibrationRussiaSupport / 100);
      const need = (feltStress / referenceStress) ** needElasticity;
      // The US track
      const offerChange = (L.usRelief - offerOnTable) / dt;
      const settlement = Math.max(0, offerOnTable - reliefSettled) / dt;
      const usEngagement = Math.min(1, reliefInForce / engagementPoints);
      const trust = 1 + trustGain * Math.min(1, reliefSettled / trustPoints);
      const dealBatch = Math.min(maxDealShare * held, releasesPerPoint * settlement * dt * need * trust);
      const dealReleases = dealBatch / dt;
      // Arrests, sentences, pardons, exile
      const pardons =
        month === 1 || month === 7 || month === 9 || month === 12 ? Math.min(holidayPardonBatch, held) : 0;
      const refillOwed = replacementRatio * (pardons + dealReleases + pressureReleases);
      const refillArrests =
        ((refillBacklog + refillOwed * dt) / Math.max(replacementDelay, dt)) *
        Math.min(1, L.arrestRate / baseArrestRate);
      const arrests = L.arrestRate + refillArrests;
      const sentencesServed = held / sentenceMonths;
      const deathsInCustody = deathsPerYear / 12;
      const exiles = (L.exileShare / 100) * (dealReleases + pressureReleases);
      // The thaw
      const thawRisk =
        (thawHazard * (1 + (arrestWeight * arrests) / referenceArrestRate + (heldWeight * held) / initialPrisoners)) /
        (1 + engagementWeight * usEngagement);
      const reliefWithdrawn = reliefInForce * thawRisk;

      const row = [
        held,
        releasedSoFar,
        dealReleasedSoFar,
        pressureReleasedSoFar,
        exiledSoFar,
        arrestedSoFar,
        servedSoFar,
        refillBacklog,
        offerOnTable,
        reliefSettled,
        reliefInForce,
        feltStress,
        daysClosedSoFar,
        delayedFreight,
        pressureOnMinskSoFar,
        pressureOnWarsawSoFar,
        askedPressureSoFar,
        polandCostSoFar,
        dailyFreight,
        warsawDaysToYield,
        closureTarget,
        closedShare,
        closedDays,
        freightDelayedRate,
        pressureOnMinsk,
        pressureOnWarsaw,
        askedPressure,
        pressureTarget,
        pressureReleases,
        polandCostRate,
        transitLoss,
        westernCost,
        stressNow,
        russianOffset,
        euSanctionsBite,
        stressFelt,
        referenceStress,
        need,
        offerChange,
        settlement,
        usEngagement,
        trust,
        dealBatch,
        dealReleases,
        refillOwed,
        refillArrests,
        arrests,
        sentencesServed,
        pardons,
        deathsInCustody,
        exiles,
        thawRisk,
        reliefWithdrawn,
        held,
        releasedSoFar,
        dealReleasedSoFar,
        pressureReleasedSoFar,
        exiledSoFar,
        arrestedSoFar,
        servedSoFar,
        stressNow,
        daysClosedSoFar,
        delayedFreight * 1000,
        polandCostSoFar,
        Math.exp(-12 * thawRisk),
      ];
      for (let j = 0; j < row.length; j++) out[j]![i] = row[j]!;
      if (i === steps) break;

      // Every stock moves from this step's values (flows read stocks).
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
      offerOnTable += dt * offerChange;
      reliefSettled += dt * settlement;
      reliefInForce = Math.max(0, reliefInForce + dt * (settlement - reliefWithdrawn));
      feltStress += dt * stressFelt;
      daysClosedSoFar += dt * closedDays;
      delayedFreight += dt * freightDelayedRate;
      pressureOnMinskSoFar += dt * pressureOnMinsk;
      pressureOnWarsawSoFar += dt * pressureOnWarsaw;
      askedPressureSoFar += dt * askedPressure;
      polandCostSoFar += dt * polandCostRate;
    }
  };
}
