/**
 * Presence (D1-D3): people at home check in for each session from their registered place (or say
 * where and why), show their availability, answer summons, and declare their health once a day.
 * Leaders see who is where now and who has not checked in. No location is ever recorded other than
 * the words the person types (no GPS). Health declarations are sensitive personal data: only the
 * person, their unit head and the Office read them; reads of other people's declarations are audited
 * without their content; they are deleted after the retention period.
 *
 * The code lives in one file per part: presence.checkin.ts (check-in, status), presence.board.ts (my day,
 * board, missing), presence.summons.ts, presence.health.ts, presence.common.ts (what they share).
 */
export { checkin, setStatus } from './presence.checkin';
export { board, missing, myPresence } from './presence.board';
export { acknowledgeSummons, cancelSummons, createSummons, declineSummons, listSummons } from './presence.summons';
export { declareHealth, purgeExpiredHealth, readHealth } from './presence.health';
export { hoursFor, hoursOfPolicy, unitLeaderUsers } from './presence.common';
