package io.paperpulse.query.api;

import java.util.List;

import io.paperpulse.query.digest.DigestDays;

/** A digest day: its date, how many papers it listed and who published its pages. */
public record DigestView(String date, long papers, List<String> sources) {

    static DigestView of(DigestDays.Day day) {
        return new DigestView(day.date().toString(), day.papers(), day.sources());
    }
}
