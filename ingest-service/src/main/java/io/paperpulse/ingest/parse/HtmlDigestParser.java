package io.paperpulse.ingest.parse;

import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.jsoup.parser.Parser;

/**
 * Reads an HTML page of a digest, as a browser saves it, with jsoup. Scripts, styles, forms and hidden elements are
 * dropped; navigation, banners, sidebars and footers are frame, never papers. Titles are the elements of the one kind
 * (say "h3 inside an article", "a link alone in a list item", "div.title") that is most often followed by an abstract;
 * a paper's abstract is what follows its title, inside the same card (article, list item, row) when there is one:
 * the blocks marked as abstract, else the prose, else the first plain block. Pages with no such structure are read
 * block by block like a text page.
 */
final class HtmlDigestParser {
    private static final String DROPPED = "script, style, noscript, template, svg, canvas, iframe, object, embed, form, button, "
            + "select, textarea, input, dialog, [hidden], [aria-hidden=true]";
    private static final String PARAGRAPH_BREAK = "\n\n";
    /**
     * Elements nested deeper are read as siblings of the deepest (jsoup's pruning). A digest page nests a few dozen
     * deep; jsoup's default of 512 lets each start tag of a page nested thousands deep search 512 open elements.
     */
    private static final int MAX_DEPTH = 128;

    ParsedPageBuilder parse(String html, PageInput input) {
        Document doc = Jsoup.parse(html, "", Parser.htmlParser().setMaxDepth(MAX_DEPTH));
        doc.select(DROPPED).remove();
        List<HtmlBlock> blocks = HtmlBlock.collect(doc.body(), doc.body().selectFirst("main") != null);
        List<HtmlBlock> content = new ArrayList<>();
        LocalDate date = null;
        for (HtmlBlock block : blocks) {
            Optional<LocalDate> dateLine = DateLines.parse(block.text(), input);
            if (date == null && dateLine.isPresent()) {
                date = timeElementDate(block.container()).orElse(dateLine.get());
            }
            if (!block.inFrame() && dateLine.isEmpty()) {
                content.add(block);
            }
        }
        ParsedPageBuilder page = new ParsedPageBuilder(date != null ? date : timeElementDate(doc.body()).orElse(DateLines.withoutDateLine(input)),
                PageFormat.HTML);
        String titleKind = titleKind(content);
        if (titleKind == null) {
            PaperSplitter.split(content.stream().map(b -> Paragraph.of(b.text())).toList(), true, page);
        } else {
            pair(content, titleKind, page);
        }
        return page;
    }

    /** The kind of title element most often followed by an abstract; else the most frequent kind, if it recurs. */
    private static String titleKind(List<HtmlBlock> content) {
        Map<String, int[]> scores = new LinkedHashMap<>(); // kind -> {titles followed by an abstract, titles}
        String waiting = null;
        for (HtmlBlock block : content) {
            if (block.isTitle() && !ChromeLines.isChrome(block.text())) {
                int[] score = scores.computeIfAbsent(block.titleKind(), k -> new int[2]);
                score[1]++;
                waiting = block.titleKind();
            } else if (waiting != null && couldBeAbstract(block)) {
                scores.get(waiting)[0]++;
                waiting = null;
            }
        }
        return scores.entrySet().stream()
                .filter(e -> e.getValue()[0] > 0 || e.getValue()[1] > 1)
                .max(Comparator.<Map.Entry<String, int[]>>comparingInt(e -> e.getValue()[0]).thenComparingInt(e -> e.getValue()[1]))
                .map(Map.Entry::getKey)
                .orElse(null);
    }

    private static boolean couldBeAbstract(HtmlBlock block) {
        return !block.isTitle() && !block.markedMeta() && !ChromeLines.isChrome(block.text())
                && (block.markedAbstract() || Paragraph.isProse(block.text()));
    }

    private static void pair(List<HtmlBlock> content, String titleKind, ParsedPageBuilder page) {
        Card card = null;
        for (HtmlBlock block : content) {
            if (titleKind.equals(block.titleKind())) {
                if (card != null) {
                    card.addTo(page);
                }
                card = ChromeLines.isChrome(block.text()) ? null : new Card(block);
            } else if (card != null) {
                if (!card.holds(block)) {
                    card.addTo(page);
                    card = null;
                } else {
                    card.body.add(block);
                }
            }
        }
        if (card != null) {
            card.addTo(page);
        }
    }

    /** The first machine-readable date ({@code <time datetime="2024-03-11">}) in an element: it has the year. */
    private static Optional<LocalDate> timeElementDate(Element scope) {
        for (Element time : scope.select("time[datetime]")) {
            String value = time.attr("datetime");
            try {
                return Optional.of(LocalDate.parse(value.length() >= 10 ? value.substring(0, 10) : value));
            } catch (DateTimeParseException notADate) {
                // a time of day or a duration: not the page's date
            }
        }
        return Optional.empty();
    }

    /** A title and what follows it up to the next title, within the title's card when it has one. */
    private static final class Card {
        final HtmlBlock title;
        final HtmlBlock.CardSpan bounds;
        final List<HtmlBlock> body = new ArrayList<>();

        Card(HtmlBlock title) {
            this.title = title;
            this.bounds = title.card();
        }

        boolean holds(HtmlBlock block) {
            return bounds == null || bounds.holds(block);
        }

        void addTo(ParsedPageBuilder page) {
            List<HtmlBlock> candidates = body.stream()
                    .filter(b -> !b.isTitle() && !b.markedMeta() && !ChromeLines.isChrome(b.text()) && !ArxivIds.isReference(b.text()))
                    .toList();
            List<HtmlBlock> marked = candidates.stream().filter(HtmlBlock::markedAbstract).toList();
            List<HtmlBlock> prose = candidates.stream().filter(b -> Paragraph.isProse(b.text())).toList();
            List<HtmlBlock> chosen = !marked.isEmpty() ? marked : !prose.isEmpty() ? prose : candidates.stream().limit(1).toList();
            String abstractText = chosen.isEmpty() ? null : String.join(PARAGRAPH_BREAK, chosen.stream().map(HtmlBlock::text).toList());
            page.add(title.text(), abstractText, arxivId());
        }

        private String arxivId() {
            List<String> places = new ArrayList<>(title.links());
            body.forEach(b -> places.addAll(b.links()));
            body.forEach(b -> places.add(b.text()));
            return places.stream().map(ArxivIds::find).filter(id -> id != null).findFirst().orElse(null);
        }
    }
}
