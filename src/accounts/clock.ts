/** Time, passed in so that tests can move it; and how times are shown to people (Paris time). */
export type Clock = () => Date;

export const systemClock: Clock = () => new Date();

export const DEFAULT_TIME_ZONE = 'Europe/Paris';

/** "14:05", in the time zone the site's people live in. */
export function hourMinute(date: Date, timeZone = DEFAULT_TIME_ZONE): string {
  return new Intl.DateTimeFormat('fr-FR', { timeZone, hour: '2-digit', minute: '2-digit', hour12: false }).format(date);
}

export const addMs = (date: Date, ms: number) => new Date(date.getTime() + ms);
