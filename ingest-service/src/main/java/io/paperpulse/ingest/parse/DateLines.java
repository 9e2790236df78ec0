package io.paperpulse.ingest.parse;

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
 * Recognises a digest's date line: "Mar 11", "March 11", "Mar 11, 2024", "11 Mar 2024", "2024-03-11". A date without
 * a year takes the year of the given date hint, else the latest such date not after the time the page was received.
 */
public final class DateLines {
    private static final Map<String, Month> MONTHS = new HashMap<>();
    private static final String MONTH = "([A-Za-z]{3,9})\\.?";
    private static final Pattern ISO = Pattern.compile("(\\d{4})-(\\d{1,2})-(\\d{1,2})");
    private static final Pattern MONTH_DAY = Pattern.compile(MONTH + "\\s+(\\d{1,2})(?:st|nd|rd|th)?(?:,?\\s+(\\d{4}))?");
    private static final Pattern DAY_MONTH = Pattern.compile("(\\d{1,2})(?:st|nd|rd|th)?\\s+" + MONTH + "(?:,?\\s+(\\d{4}))?");

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
        String text = line.strip();
        if (text.length() > 40) {
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
        } catch (java.time.DateTimeException e) {
            return Optional.empty();
        }
        return Optional.empty();
    }

    private static Optional<LocalDate> resolve(String monthName, String day, String year, PageInput input) {
        Month month = MONTHS.get(monthName.toLowerCase(Locale.ROOT));
        if (month == null) {
            return Optional.empty();
        }
        MonthDay monthDay = MonthDay.of(month, Integer.parseInt(day));
        if (year != null) {
            return Optional.of(monthDay.atYear(Integer.parseInt(year)));
        }
        if (input.date() != null) {
            return Optional.of(monthDay.atYear(input.date().getYear()));
        }
        LocalDate received = LocalDate.ofInstant(input.receivedAt(), ZoneOffset.UTC);
        LocalDate candidate = monthDay.isValidYear(received.getYear()) ? monthDay.atYear(received.getYear()) : null;
        for (int back = 0; candidate == null || candidate.isAfter(received); back++) {
            int year0 = received.getYear() - back - 1;
            candidate = monthDay.isValidYear(year0) ? monthDay.atYear(year0) : null;
        }
        return Optional.of(candidate);
    }
}
