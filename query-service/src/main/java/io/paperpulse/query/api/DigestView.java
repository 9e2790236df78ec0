package io.paperpulse.query.api;

import java.util.List;

import io.paperpulse.query.digest.DigestDayDocument;

/** A digest day: its date, how many papers it listed and who published its pages. */
public record DigestView(String date, int papers, List<String> sources) {

    static DigestView of(DigestDayDocument day) {
        return new DigestView(day.date, day.papers, day.sources == null ? List.of() : day.sources);
    }
}
