/** Side tab "Agreement": the agreement editor (issue 5 builds it out). */
export function AgreementPanel() {
  return null;
}
