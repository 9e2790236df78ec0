package io.paperpulse.notify.delivery;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

import io.paperpulse.contracts.Entity;
import io.paperpulse.contracts.MergedPaper;
import io.paperpulse.notify.delivery.DeliveryDocument.EntityName;
import io.paperpulse.notify.delivery.DeliveryDocument.PaperSnapshot;

/** A merged paper as its messages show it. */
final class Snapshots {
    /** Longest first sentence shown; longer ones are cut at a word. */
    static final int MAX_SENTENCE = 300;

    private Snapshots() {
    }

    static PaperSnapshot of(MergedPaper p) {
        PaperSnapshot s = new PaperSnapshot();
        s.id = p.id();
        s.title = p.title();
        s.url = url(p);
        s.firstSentence = firstSentence(p.abstractText());
        Set<String> seen = new LinkedHashSet<>();
        List<EntityName> entities = new ArrayList<>();
        for (Entity e : p.entities()) {
            if (seen.add(e.type() + "\u241f" + e.text())) {
                entities.add(new EntityName(e.type().name(), e.text()));
            }
        }
        s.entities = entities;
        s.digestDates = p.digestDates().stream().map(LocalDate::toString).toList();
        s.hasCode = p.hasCode();
        return s;
    }

    /** The paper's arXiv page, else its first link. */
    static String url(MergedPaper p) {
        if (p.arxivId() != null && !p.arxivId().isBlank()) {
            return "https://arxiv.org/abs/" + p.arxivId();
        }
        return p.links() == null || p.links().isEmpty() ? null : p.links().get(0);
    }

    static String firstSentence(String text) {
        if (text == null || text.isBlank()) {
            return null;
        }
        String t = text.strip();
        int end = t.length();
        for (int i = 0; i < t.length() - 1; i++) {
            char c = t.charAt(i);
            if ((c == '.' || c == '!' || c == '?') && Character.isWhitespace(t.charAt(i + 1))) {
                end = i + 1;
                break;
            }
        }
        String sentence = t.substring(0, end);
        if (sentence.length() <= MAX_SENTENCE) {
            return sentence;
        }
        int cut = sentence.lastIndexOf(' ', MAX_SENTENCE);
        return sentence.substring(0, cut > 0 ? cut : MAX_SENTENCE) + "…";
    }
}
