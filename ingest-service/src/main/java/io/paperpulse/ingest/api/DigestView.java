package io.paperpulse.ingest.api;

import java.time.Instant;
import java.util.List;
import java.util.Locale;

import com.fasterxml.jackson.annotation.JsonInclude;

import io.paperpulse.ingest.store.DigestRecord;

/**
 * The record of a page. {@code raw} (the page bytes, base64) only when asked for; {@code reason} only for a refused one.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record DigestView(String id, String status, String reason, Instant receivedAt, String date, String source,
        String format, String contentType, int papers, int duplicatesInPage, List<String> paperIds, byte[] raw) {

    static DigestView of(DigestRecord r) {
        List<String> paperIds = r.paperIds == null ? List.of() : r.paperIds;
        return new DigestView(r.id, r.status.name().toLowerCase(Locale.ROOT), r.reason, r.receivedAt, r.date, r.source,
                r.format, r.contentType, paperIds.size(), r.duplicatesInPage, paperIds, r.raw);
    }
}
