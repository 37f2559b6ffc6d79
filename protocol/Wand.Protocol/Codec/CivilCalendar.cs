namespace Wand.Protocol.Codec
{
    /// <summary>
    /// Proleptic Gregorian calendar arithmetic on whole days since 1970-01-01, without any clock or time-zone type (the
    /// firmware subset has none that it can rely on). The day-count formulas follow the public-domain derivation in
    /// Howard Hinnant, "chrono-Compatible Low-Level Date Algorithms" (howardhinnant.github.io/date_algorithms.html,
    /// days_from_civil and civil_from_days), written here for the 400-year era arithmetic of years 1970 to 2105.
    /// </summary>
    public static class CivilCalendar
    {
        /// <summary>Seconds in a day.</summary>
        public const int SecondsPerDay = 86400;

        /// <summary>Tells whether a year is a leap year.</summary>
        /// <param name="year">The year.</param>
        /// <returns><c>true</c> for a Gregorian leap year.</returns>
        public static bool IsLeapYear(int year)
        {
            return (year % 4 == 0 && year % 100 != 0) || year % 400 == 0;
        }

        /// <summary>Gets the number of days in a month.</summary>
        /// <param name="year">The year.</param>
        /// <param name="month">The month, 1 to 12.</param>
        /// <returns>28 to 31; 0 for a month outside 1 to 12.</returns>
        public static int DaysInMonth(int year, int month)
        {
            switch (month)
            {
                case 2:
                    return IsLeapYear(year) ? 29 : 28;
                case 4:
                case 6:
                case 9:
                case 11:
                    return 30;
                case 1:
                case 3:
                case 5:
                case 7:
                case 8:
                case 10:
                case 12:
                    return 31;
                default:
                    return 0;
            }
        }

        /// <summary>Gives the days since 1970-01-01 of a date (negative before it).</summary>
        /// <param name="year">The year, 0 or later.</param>
        /// <param name="month">The month, 1 to 12.</param>
        /// <param name="day">The day, 1 to 31.</param>
        /// <returns>Days since 1970-01-01.</returns>
        public static long DaysFromDate(int year, int month, int day)
        {
            // Count from March so the leap day is the last day of the counting year.
            long shiftedYear = month <= 2 ? year - 1 : year;
            long era = shiftedYear / 400;
            long yearOfEra = shiftedYear - (era * 400);
            long monthFromMarch = month > 2 ? month - 3 : month + 9;
            long dayOfYear = ((153 * monthFromMarch) + 2) / 5 + day - 1;
            long dayOfEra = (yearOfEra * 365) + (yearOfEra / 4) - (yearOfEra / 100) + dayOfYear;
            return (era * 146097) + dayOfEra - 719468;
        }

        /// <summary>Gives the date of a day count since 1970-01-01 (0 or later).</summary>
        /// <param name="days">Days since 1970-01-01, 0 or more.</param>
        /// <param name="year">The year.</param>
        /// <param name="month">The month, 1 to 12.</param>
        /// <param name="day">The day, 1 to 31.</param>
        public static void DateFromDays(long days, out int year, out int month, out int day)
        {
            long shifted = days + 719468;
            long era = shifted / 146097;
            long dayOfEra = shifted - (era * 146097);
            long yearOfEra = (dayOfEra - (dayOfEra / 1460) + (dayOfEra / 36524) - (dayOfEra / 146096)) / 365;
            long dayOfYear = dayOfEra - ((365 * yearOfEra) + (yearOfEra / 4) - (yearOfEra / 100));
            long monthFromMarch = ((5 * dayOfYear) + 2) / 153;
            day = (int)(dayOfYear - (((153 * monthFromMarch) + 2) / 5) + 1);
            month = (int)(monthFromMarch < 10 ? monthFromMarch + 3 : monthFromMarch - 9);
            year = (int)((yearOfEra + (era * 400)) + (month <= 2 ? 1 : 0));
        }

        /// <summary>Gives the ISO day of the week of a day count since 1970-01-01 (a Thursday).</summary>
        /// <param name="days">Days since 1970-01-01, 0 or more.</param>
        /// <returns>1 (Monday) to 7 (Sunday).</returns>
        public static int DayOfWeek(long days)
        {
            return (int)(((days + 3) % 7) + 1);
        }
    }
}
