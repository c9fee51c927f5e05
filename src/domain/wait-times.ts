/**
 * The public wait-time figures of one checkpoint, in the spirit of US CBP's Border Wait Times.
 * Pure: the counts and the clock come in from the caller.
 */

import type { CheckpointConfig } from "./checkpoint.ts";
import { dateFormat } from "./date-format.ts";

/** A document check takes 5-15 minutes (../shared/domain.md, estimate); the middle of that range. */
export const DOCUMENT_CHECK_MINUTES = 10;

/** The checkpoint's local hour, to tell whether it is open. */
export function localHour(at: number, timezone: string): number {
  const hour = dateFormat("en-GB", {
    hour: "numeric",
    hourCycle: "h23",
    timeZone: timezone,
  }).format(at);
  return Number(hour);
}

export function isOpen(config: Pick<CheckpointConfig, "openFromHour" | "openToHour">, hour: number): boolean {
  return config.openFromHour <= hour && hour < config.openToHour;
}

/**
 * Minutes until a truck joining the waiting area now is called: the trucks ahead divided by the
 * rate the checkpoint clears them. The rate is what it cleared in the last hour when it cleared
 * one; otherwise what its lanes can do, never more than the neighbour's daily limit allows.
 * Null when the checkpoint is closed: no rate to divide by.
 */
export function estimateWaitMinutes(args: {
  trucksWaiting: number;
  lanesOpen: number;
  throughputLastHour: number;
  dailyLimit: number;
}): number | null {
  if (args.lanesOpen === 0) return null;
  if (args.trucksWaiting === 0) return 0;
  const capacityPerHour = Math.min((args.lanesOpen * 60) / DOCUMENT_CHECK_MINUTES, args.dailyLimit / 24);
  const perHour = args.throughputLastHour > 0 ? args.throughputLastHour : capacityPerHour;
  return Math.round((args.trucksWaiting / perHour) * 60);
}

/**
 * Minutes until this truck, in the waiting area with `ahead` trucks before it, is called. It is
 * called when a lane is free for it: the trucks ahead and itself, less the lanes free now, at the
 * rate the checkpoint clears trucks (measured in the last hour, else what its lanes can do). Never
 * "0 min" while every lane is busy; at least a minute whenever it must wait for a lane.
 */
export function estimateTruckWaitMinutes(args: {
  ahead: number;
  lanesOpen: number;
  lanesBusy: number;
  throughputLastHour: number;
  dailyLimit: number;
}): number | null {
  if (args.lanesOpen === 0) return null;
  const freeLanes = Math.max(0, args.lanesOpen - args.lanesBusy);
  const toClearFirst = Math.max(0, args.ahead + 1 - freeLanes);
  if (toClearFirst === 0) return 0;
  const capacityPerHour = Math.min((args.lanesOpen * 60) / DOCUMENT_CHECK_MINUTES, args.dailyLimit / 24);
  const perHour = args.throughputLastHour > 0 ? args.throughputLastHour : capacityPerHour;
  return Math.max(1, Math.ceil((toClearFirst / perHour) * 60));
}
