/** The learner's offset from UTC in minutes (east positive), which decides where "today" begins. */
export function utcOffsetMin(): number {
  return -new Date().getTimezoneOffset();
}
