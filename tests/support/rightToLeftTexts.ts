/**
 * Hebrew, Arabic and mixed text of the right-to-left tests (the page, Chromium, the PDF), typed as
 * an operator in the region would: digits and Latin words inside, punctuation at the ends.
 */
export const hebrewOrganisation = 'חברת תקשורת סלולרית';
export const arabicOrganisation = 'شركة الاتصالات المتنقلة';
export const hebrewNote = 'שלב 2: WAF פעיל';
export const arabicNote = 'مراجعة 12 مارس 2026';
export const arabicOwner = 'فريق الشبكات';
export const arabicAssessor = 'مريم الحسن';
export const arabicReason = 'لا تنطبق: لا بوابات ويب في النطاق';
export const hebrewPerson = 'דנה לוי';
export const hebrewRole = 'צוות רשת';
export const hebrewRequest = 'נא לענות עד יום ה׳';
