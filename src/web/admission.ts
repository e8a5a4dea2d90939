/**
 * Admission of page work. Past a number of pages (HTML or JSON) in progress at once, a request is
 * answered 503 with Retry-After at once rather than queued: on a saturated server a queue only
 * grows everyone's wait (at 200 connections, seconds each), while a refusal costs microseconds and
 * tells the client when to come back. Assets, maps' base layers and exports do not pass here.
 */
import { RepertoireError } from '../errors.js';

/** What a refused client is told to wait, in seconds: pages take milliseconds, a second clears a burst. */
export const RETRY_AFTER_SECONDS = 1;

export interface Admission {
  /** admits one page: the function to call once when it is done, or undefined when the server is full */
  tryEnter(): (() => void) | undefined;
  /** pages in progress now */
  readonly inFlight: number;
}

/** `limit`: pages in progress at once; 0 admits every one. */
export function createAdmission(limit: number): Admission {
  let inFlight = 0;
  return {
    tryEnter() {
      if (limit > 0 && inFlight >= limit) return undefined;
      inFlight += 1;
      let left = false;
      return () => {
        if (left) return;
        left = true;
        inFlight -= 1;
      };
    },
    get inFlight() {
      return inFlight;
    },
  };
}

/**
 * Of the pages in progress, how many may be long work (searches, long pages): a sixth, at least
 * one. They hold the search thread for tens of milliseconds each; record pages, a few
 * milliseconds of the serving thread, must not be refused because searches took every place.
 */
export function longWorkLimit(pagesInFlight: number): number {
  return pagesInFlight === 0 ? 0 : Math.max(1, Math.ceil(pagesInFlight / 6));
}

/** The refusal: a 503 whose answer carries Retry-After (the app's error handler adds it for this code). */
export function overloaded(): RepertoireError {
  return new RepertoireError('overloaded', `too many pages in progress: try again in ${RETRY_AFTER_SECONDS} s`, 503);
}
