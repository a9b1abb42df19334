// Names for the dates the backend sends (`YYYY-MM-DD`, `YYYY-MM`): labels only, no date arithmetic.
export const MONTHS = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"];

/** "Mar" for "2024-03" or "2024-03-11". */
export function monthName(date: string): string {
  return MONTHS[Number(date.slice(5, 7)) - 1] ?? date;
}

/** "Mar 2024" for "2024-03". */
export function monthYear(month: string): string {
  return `${monthName(month)} ${month.slice(0, 4)}`;
}

/** "3/11" for "2024-03-11". */
export function shortDate(date: string): string {
  return `${Number(date.slice(5, 7))}/${Number(date.slice(8, 10))}`;
}
