/**
 * Both sides of one US licence read in a session: the front's printed values against the back's
 * barcode. Same licence when the numbers match (or, a number misread, surname and birth date).
 * Each field both sides have is reported as agreeing or not; nothing is resolved automatically.
 */
export type SideFields = Partial<Record<string, string>>;

export const CROSS_CHECKED = [
  'documentNumber',
  'surname',
  'givenNames',
  'dateOfBirth',
  'expiryDate',
  'issueDate',
  'sex',
  'height',
  'eyes',
  'class',
  'address',
] as const;

export function sameLicence(a: SideFields, b: SideFields): boolean {
  if (a.documentNumber && a.documentNumber === b.documentNumber) return true;
  return !!a.surname && a.surname === b.surname && !!a.dateOfBirth && a.dateOfBirth === b.dateOfBirth;
}

/** Per field both sides have: the other side's value and whether it agrees. */
export function crossCheck(
  current: SideFields,
  other: SideFields,
): Partial<Record<(typeof CROSS_CHECKED)[number], { other: string; agrees: boolean }>> {
  if (!sameLicence(current, other)) return {};
  const out: ReturnType<typeof crossCheck> = {};
  for (const field of CROSS_CHECKED) {
    const a = current[field];
    const b = other[field];
    if (a && b) out[field] = { other: b, agrees: a === b };
  }
  return out;
}
