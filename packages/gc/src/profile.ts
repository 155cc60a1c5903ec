/**
 * What the collector does differently between CPython versions, as named
 * fields (STYLE.md §3). This is the one place that compares version numbers;
 * the rest of the package branches on these fields. Each field says which
 * versions have the behaviour and how it was checked.
 */
import type { VersionProfile } from '@pymem/object-model';

/** How `collect()` counts the objects it reports as collected (`m`). */
export type CollectedAccounting =
  /** 3.6: every object found unreachable, counted before finalizers run, even if they resurrect. */
  | 'all-unreachable'
  /** 3.7–3.8: the unreachable list as `delete_garbage` receives it; 0 when `check_garbage` found a resurrection. */
  | 'deleted-unless-resurrected'
  /** 3.9+: the objects still unreachable after `handle_resurrected_objects`. */
  | 'final-unreachable';

/** The collector's version-dependent behaviour. */
export interface GCProfile {
  /** See VersionProfile.unmodelledStartupObjects: counted in `long_lived_total` unless frozen. */
  readonly unmodelledStartupObjects: number;
  /** `gc.get_threshold()` at start-up: (700, 10, 10) to 3.12, (2000, 10, 10) in 3.13. */
  readonly thresholds: readonly [number, number, number];
  /** 3.12+: the allocation only schedules the collection; it runs at the next eval-breaker check. */
  readonly runsAtEvalBreaker: boolean;
  /** 3.13: `_Py_RunGC` returns early when the collector was disabled after scheduling (checked: probes/gc_run_when_disabled.py). */
  readonly runGCChecksEnabled: boolean;
  /** 3.7+: `gc.freeze()` and the permanent generation (and its DEBUG_STATS line). */
  readonly hasPermanentGeneration: boolean;
  /** 3.6–3.7: DEBUG_STATS prints `gc: done, 0.0000s elapsed` when nothing was found (checked). */
  readonly shortDoneLine: boolean;
  /** See {@link CollectedAccounting} (checked with resurrection probes on 3.6–3.13). */
  readonly collectedAccounting: CollectedAccounting;
  /** 3.9+: `handle_resurrected_objects` (partial resurrection); before, `check_garbage` revives all. */
  readonly partialResurrection: boolean;
  /**
   * 3.8+ (bpo-38006): `handle_weakrefs` also clears weakrefs that are
   * themselves in the unreachable set, before any finalizer runs (checked:
   * such a weakref reads `None` inside `__del__` from 3.8, still alive in 3.6–3.7).
   */
  readonly clearsUnreachableWeakrefs: boolean;
  /** 3.12+: `update_refs` moves immortal objects into the permanent generation. */
  readonly movesImmortalToPermanent: boolean;
  /** Full collections untrack dicts (`untrack_dicts`): 3.6–3.13 (checked; removed in 3.14). */
  readonly untracksDicts: boolean;
  /** ≤3.7: tuples are untracked inside `move_unreachable`; 3.8+: by `untrack_tuples` afterwards (same result). */
  readonly untrackTuplesInMoveUnreachable: boolean;
  /** 3.8+: `gc.get_objects(generation=None)`. */
  readonly getObjectsTakesGeneration: boolean;
  /** 3.9+: `gc.is_finalized()`. */
  readonly hasIsFinalized: boolean;
}

/** Derives the collector's profile from a version profile. */
export function gcProfileFor(profile: VersionProfile): GCProfile {
  const minor = profile.version[1];
  const atLeast = (m: number) => minor >= m;
  return {
    thresholds: profile.gcThresholds,
    unmodelledStartupObjects: profile.unmodelledStartupObjects,
    runsAtEvalBreaker: profile.gcRunsAtEvalBreaker,
    runGCChecksEnabled: atLeast(13),
    hasPermanentGeneration: atLeast(7),
    shortDoneLine: !atLeast(8),
    collectedAccounting: atLeast(9) ? 'final-unreachable' : atLeast(7) ? 'deleted-unless-resurrected' : 'all-unreachable',
    partialResurrection: atLeast(9),
    clearsUnreachableWeakrefs: atLeast(8),
    movesImmortalToPermanent: atLeast(12),
    untracksDicts: minor <= 13,
    untrackTuplesInMoveUnreachable: !atLeast(8),
    getObjectsTakesGeneration: atLeast(8),
    hasIsFinalized: atLeast(9),
  };
}
