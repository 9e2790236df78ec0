package io.paperpulse.notify.trending;

import java.util.Locale;

import io.quarkus.qute.TemplateData;

/** An entity among the day's most named, with how many of the day's papers named it. */
@TemplateData
public record TrendingEntity(String type, String text, int papers) {

    /** The type as messages show it: "model". */
    public String kind() {
        return type.toLowerCase(Locale.ROOT);
    }
}
