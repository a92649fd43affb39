/** Escapes text for XML element content and attribute values. */
export function escapeXml(text: string): string {
  return text.replace(/[<>&"']/g, (char) => ({ '<': '&lt;', '>': '&gt;', '&': '&amp;', '"': '&quot;', "'": '&apos;' })[char]!);
}

const DAYS = ['Sun', 'Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat'];
const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];

/**
 * An RFC 822 date, as RSS 2.0 requires, for a "YYYY-MM-DD" day at midnight UTC.
 * @example rfc822Date('2010-12-17') // "Fri, 17 Dec 2010 00:00:00 GMT"
 */
export function rfc822Date(day: string): string {
  const date = new Date(`${day}T00:00:00Z`);
  const dd = String(date.getUTCDate()).padStart(2, '0');
  return `${DAYS[date.getUTCDay()]}, ${dd} ${MONTHS[date.getUTCMonth()]} ${date.getUTCFullYear()} 00:00:00 GMT`;
}
