"""English: day, abbreviated month, year, 24-hour time ("1 Dec 2026, 22:40"): read the same in every
English-speaking country, unlike 12/01/2026."""

# no-break spaces inside the date: "1 Dec 2026" never splits across lines (it may break after the comma)
DATE_FORMAT = "j\xa0M\xa0Y"
DATETIME_FORMAT = "j\xa0M\xa0Y, H:i"
TIME_FORMAT = "H:i"
SHORT_DATE_FORMAT = DATE_FORMAT
SHORT_DATETIME_FORMAT = DATETIME_FORMAT
MONTH_DAY_FORMAT = "j F"
YEAR_MONTH_FORMAT = "F Y"
FIRST_DAY_OF_WEEK = 1  # Monday
