package io.paperpulse.ingest.parse;

/** One paper of a page: title and abstract as written (NFC), abstract {@code null} when the page cut it off. */
public record PaperEntry(String id, String title, String abstractText, String arxivId) {
}
