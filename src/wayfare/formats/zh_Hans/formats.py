"""Simplified Chinese: the conventional "2026年12月1日 22:40"."""

DATE_FORMAT = "Y年n月j日"
DATETIME_FORMAT = "Y年n月j日 H:i"
TIME_FORMAT = "H:i"
SHORT_DATE_FORMAT = DATE_FORMAT
SHORT_DATETIME_FORMAT = DATETIME_FORMAT
FIRST_DAY_OF_WEEK = 1  # Monday
# Django groups Chinese figures by nothing ("21348"); the browser's Intl, spreadsheets and mainland
# software write "21,348": lists and the explorer's figures should read the same.
DECIMAL_SEPARATOR = "."
THOUSAND_SEPARATOR = ","
NUMBER_GROUPING = 3
