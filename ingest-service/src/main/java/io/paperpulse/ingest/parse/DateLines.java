package io.paperpulse.ingest.parse;

import java.time.DateTimeException;
import java.time.LocalDate;
import java.time.Month;
import java.time.MonthDay;
import java.time.ZoneOffset;
import java.time.format.TextStyle;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Recognises a digest's date line: "Mar 11", "March 11th", "Mar 11, 2024", "11 Mar 2024", "2024-03-11", "2024/03/11",
 * optionally after a weekday ("Tue, Mar 11"). A date without a year takes the year that puts it closest to the date
 * hint given with the page, else the latest such date not after the time the page was received.
 */
public final class DateLines {
    private static final Map<String, Month> MONTHS = new HashMap<>();
    private static final String WEEKDAY = "(?:(?:mon|tue|tues|wed|thu|thur|thurs|fri|sat|sun)(?:day|nesday|rsday|urday)?\\.?,?\\s+)?";
    private static final String MONTH = "([a-z]{3,9})\\.?";
    private static final String DAY = "(\\d{1,2})(?:st|nd|rd|th)?";
    private static final String YEAR = "(?:,?\\s+(\\d{4}))?";
    static final Pattern ISO = Pattern.compile("(\\d{4})[-/](\\d{1,2})[-/](\\d{1,2})");
    static final Pattern MONTH_DAY = Pattern.compile(WEEKDAY + MONTH + "\\s+" + DAY + YEAR);
    static final Pattern DAY_MONTH = Pattern.compile(WEEKDAY + DAY + "\\s+(?:of\\s+)?" + MONTH + YEAR);
    private static final int LONGEST_DATE_LINE = 40;

    static {
        for (Month m : Month.values()) {
            MONTHS.put(m.getDisplayName(TextStyle.FULL, Locale.ENGLISH).toLowerCase(Locale.ROOT), m);
            MONTHS.put(m.getDisplayName(TextStyle.SHORT, Locale.ENGLISH).toLowerCase(Locale.ROOT), m);
        }
        MONTHS.put("sept", Month.SEPTEMBER);
    }

    private DateLines() {
    }

    /** The date a whole line states, or empty when the line is not a date line. */
    public static Optional<LocalDate> parse(String line, PageInput input) {
        String text = line.strip().toLowerCase(Locale.ROOT);
        if (text.isEmpty() || text.length() > LONGEST_DATE_LINE || !Character.isLetterOrDigit(text.charAt(text.length() - 1))) {
            return Optional.empty();
        }
        try {
            Matcher m = ISO.matcher(text);
            if (m.matches()) {
                return Optional.of(LocalDate.of(Integer.parseInt(m.group(1)), Integer.parseInt(m.group(2)), Integer.parseInt(m.group(3))));
            }
            m = MONTH_DAY.matcher(text);
            if (m.matches()) {
                return resolve(m.group(1), m.group(2), m.group(3), input);
            }
            m = DAY_MONTH.matcher(text);
            if (m.matches()) {
                return resolve(m.group(2), m.group(1), m.group(3), input);
            }
        } catch (DateTimeException notADate) {
            return Optional.empty();
        }
        return Optional.empty();
    }

    /** The page's date when it states none: the hint given with it, else the day it was received (UTC). */
    static LocalDate withoutDateLine(PageInput input) {
        return input.date() != null ? input.date() : LocalDate.ofInstant(input.receivedAt(), ZoneOffset.UTC);
    }

    private static Optional<LocalDate> resolve(String monthName, String day, String year, PageInput input) {
        Month month = MONTHS.get(monthName);
        if (month == null) {
            return Optional.empty();
        }
        MonthDay monthDay = MonthDay.of(month, Integer.parseInt(day));
        if (year != null) {
            return Optional.of(monthDay.atYear(Integer.parseInt(year)));
        }
        return Optional.of(input.date() != null ? closestTo(monthDay, input.date()) : latestNotAfter(monthDay, receivedDay(input)));
    }

    private static LocalDate closestTo(MonthDay monthDay, LocalDate hint) {
        LocalDate best = null;
        for (int year = hint.getYear() - 1; year <= hint.getYear() + 1; year++) {
            if (monthDay.isValidYear(year)) {
                LocalDate candidate = monthDay.atYear(year);
                if (best == null || distance(candidate, hint) < distance(best, hint)) {
                    best = candidate;
                }
            }
        }
        return best != null ? best : latestNotAfter(monthDay, hint);
    }

    private static LocalDate latestNotAfter(MonthDay monthDay, LocalDate limit) {
        for (int year = limit.getYear(); ; year--) {
            if (monthDay.isValidYear(year) && !monthDay.atYear(year).isAfter(limit)) {
                return monthDay.atYear(year);
            }
        }
    }

    private static long distance(LocalDate a, LocalDate b) {
        return Math.abs(a.toEpochDay() - b.toEpochDay());
    }

    private static LocalDate receivedDay(PageInput input) {
        return LocalDate.ofInstant(input.receivedAt(), ZoneOffset.UTC);
    }
}
