package io.paperpulse.ingest.parse;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;

/** Random words, titles and abstracts, and the text and HTML pages that list them, for {@link BadPages}. */
final class PageText {
    private static final String[] WORDS = {"language", "model", "vision", "transformer", "diffusion", "graph", "learning", "sparse",
            "attention", "benchmark", "reasoning", "agents", "retrieval", "scaling", "robust", "efficient", "video", "speech", "tokens",
            "alignment", "Mamba", "LoRA", "GPT-4", "ImageNet", "BERT", "3D", "v1.5", "深度学习", "Σ-Δ", "🤗", "naïve", "Ωmega"};

    private final Random random;

    PageText(Random random) {
        this.random = random;
    }

    /** A known word or a random one, so that pages differ. */
    String word() {
        if (random.nextInt(3) == 0) {
            StringBuilder word = new StringBuilder();
            for (int n = 3 + random.nextInt(8); n > 0; n--) {
                word.append((char) ('a' + random.nextInt(26)));
            }
            return word.toString();
        }
        return WORDS[random.nextInt(WORDS.length)];
    }

    String title() {
        StringBuilder title = new StringBuilder();
        for (int n = 3 + random.nextInt(8); n > 0; n--) {
            String word = word();
            title.append(title.length() == 0 ? Character.toUpperCase(word.charAt(0)) + word.substring(1) : word).append(' ');
        }
        return title.toString().strip();
    }

    /** Sentences of random words, about {@code length} characters, on one line. */
    String abstractText(int length) {
        StringBuilder text = new StringBuilder(length + 100);
        while (text.length() < length) {
            text.append("We study ").append(word());
            for (int n = 3 + random.nextInt(15); n > 0; n--) {
                text.append(' ').append(word());
            }
            text.append(". ");
        }
        return text.toString().strip();
    }

    /** {@code count} papers, {title, abstract}; an array so that a generator can spoil one part. */
    List<String[]> papers(int count) {
        List<String[]> papers = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            papers.add(new String[] {title(), abstractText(80 + random.nextInt(600))});
        }
        return papers;
    }

    /** The text format: chrome, a date line, then titles and abstracts separated by blank lines. */
    String text(List<String[]> papers) {
        return text(papers, date());
    }

    String text(List<String[]> papers, String date) {
        StringBuilder page = new StringBuilder("Trending Papers\n\nSubscribe\n\n").append(date).append("\n\n");
        for (String[] paper : papers) {
            page.append(paper[0]).append("\n\n").append(paper[1]).append("\n\n");
        }
        return page.append("Load more\n").toString();
    }

    String html(List<String[]> papers) {
        return html(papers, date());
    }

    String html(List<String[]> papers, String date) {
        return "<!DOCTYPE html><html><head><title>Daily Papers</title></head><body><nav><a href=\"/\">Home</a></nav><main><h1>"
                + date + "</h1>" + htmlCards(papers) + "</main><footer>© 2026</footer></body></html>";
    }

    String htmlCards(List<String[]> papers) {
        StringBuilder html = new StringBuilder();
        for (String[] paper : papers) {
            html.append("<article class=\"paper-card\"><h3><a href=\"https://arxiv.org/abs/2403.0").append(1000 + random.nextInt(9000))
                    .append("\">").append(paper[0]).append("</a></h3><p class=\"abstract\">").append(paper[1]).append("</p></article>");
        }
        return html.toString();
    }

    /** Mostly the right type, sometimes none (a bare Kafka record) or the other one, now and then one no one reads. */
    String contentType(boolean html) {
        int roll = random.nextInt(20);
        if (roll < 12) {
            return html ? "text/html; charset=utf-8" : "text/plain";
        }
        if (roll < 17) {
            return null;
        }
        if (roll < 19) {
            return html ? "text/plain" : "application/xhtml+xml";
        }
        return "application/octet-stream";
    }

    String date() {
        return new String[] {"Mar 11", "Tue, Mar 11", "March 11th, 2026", "2026-03-11", "11 Mar 2026"}[random.nextInt(5)];
    }

    /** The text with {@code insert} at its start, somewhere in its middle, or at its end. */
    String insertAt(String text, String insert) {
        int at = switch (random.nextInt(3)) {
            case 0 -> 0;
            case 1 -> text.length() <= 1 ? 0 : text.offsetByCodePoints(0, text.codePointCount(0, text.length()) / 2);
            default -> text.length();
        };
        return text.substring(0, at) + insert + text.substring(at);
    }
}
