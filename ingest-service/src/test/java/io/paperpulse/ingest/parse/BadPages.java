package io.paperpulse.ingest.parse;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Random;

/**
 * Random and adversarial digest pages for the bad-input suite, all drawn from one seeded {@link Random}: the same seed
 * gives the same pages. Each page carries random words, so two draws are new bytes (a new digest) but for chance.
 * How big the big ones get is the {@link Scale}'s: as the brief of the suite says for the parser, or bounded near a
 * service's page limit so that some pass it and some do not.
 */
public final class BadPages {

    /** What is wrong with a page. */
    public enum Category {
        HUGE_LINE, DEEP_HTML_NESTING, DEEP_LIST_NESTING, LONG_ABSTRACT, INVALID_UTF8, NUL_BYTES, BIDI_OVERRIDE, MANY_PAPERS,
        ENTITY_BOMB, UNCLOSED_TAGS, HUGE_ATTRIBUTE, BYTE_FLIPS, TRUNCATION, DUPLICATION, LINE_SHUFFLE, RANDOM_BYTES
    }

    /**
     * A generated page.
     *
     * @param shape which variant of its category, in words, to tell a failure's page
     * @param contentType as declared with it, {@code null} for none
     * @param malformedAt for an invalid UTF-8 page, the offset of its first bad byte; else -1
     */
    public record BadPage(Category category, String shape, byte[] body, String contentType, int malformedAt) {
        @Override
        public String toString() {
            return category + " (" + shape + ", " + body.length + " bytes, " + contentType + ")";
        }
    }

    /**
     * How large the large pages get.
     *
     * @param hugeLine the longest line without a line break, in characters
     * @param longAbstract the longest abstract, in characters
     * @param depth the deepest nesting
     * @param papers the most papers in a page
     * @param bigShare the share of pages drawn at full size; the others are a twentieth to a thousandth of it
     */
    public record Scale(int hugeLine, int longAbstract, int depth, int papers, double bigShare) {
        /** As the brief of the suite asks, for the parser alone. */
        public static final Scale PARSER = new Scale(4 << 20, 1 << 20, 100_000, 100_000, 1.0 / 200);

        /**
         * Around {@code limit} bytes, the page limit of a service: a quarter of the big ones are over it. One page in
         * twenty is drawn big, so that 10,000 pages come to about 300 MB, two thirds of it mutations of the sample.
         */
        public static Scale around(int limit) {
            return new Scale(limit * 5 / 4, limit * 3 / 4, limit / 16, limit / 100, 1.0 / 20);
        }
    }

    static final String[] BIDI_CONTROLS = {"\u202A", "\u202B", "\u202C", "\u202D", "\u202E", "\u2066", "\u2067", "\u2068", "\u2069"};

    private final Random random;
    private final Scale scale;
    private final PageText text;
    private final PageMutations mutations;

    public BadPages(Random random, Scale scale) {
        this.random = random;
        this.scale = scale;
        this.text = new PageText(random);
        this.mutations = new PageMutations(random, text);
    }

    /** The next page, of a category drawn at random. */
    public BadPage next() {
        Category[] all = Category.values();
        return next(all[random.nextInt(all.length)]);
    }

    public BadPage next(Category category) {
        return switch (category) {
            case HUGE_LINE -> hugeLine();
            case DEEP_HTML_NESTING -> deepHtml();
            case DEEP_LIST_NESTING -> deepList();
            case LONG_ABSTRACT -> longAbstract();
            case INVALID_UTF8 -> mutations.invalidUtf8();
            case NUL_BYTES -> mutations.nulBytes();
            case BIDI_OVERRIDE -> bidi();
            case MANY_PAPERS -> manyPapers();
            case ENTITY_BOMB -> entityBomb();
            case UNCLOSED_TAGS -> unclosedTags();
            case HUGE_ATTRIBUTE -> hugeAttribute();
            case BYTE_FLIPS -> mutations.byteFlips();
            case TRUNCATION -> mutations.truncation();
            case DUPLICATION -> mutations.duplication();
            case LINE_SHUFFLE -> mutations.lineShuffle();
            case RANDOM_BYTES -> mutations.randomBytes();
        };
    }

    /** Full size now and then, else a twentieth to a thousandth of it. */
    private int size(int full) {
        return random.nextDouble() < scale.bigShare() ? full : Math.max(16, full / (20 + random.nextInt(981)));
    }

    private static final String[] RUNS = {" ", "a", "ab. ", "arxiv ", "arxiv", "1 ", "| ", "x.", "2403.", "Mar 11 ", "<", "&amp;", "\t",
            "page 1 of ", "é", "😀", "\u00A0"};

    private BadPage hugeLine() {
        int length = size(scale.hugeLine());
        String run = RUNS[random.nextInt(RUNS.length)];
        StringBuilder line = new StringBuilder(length + 64);
        if (random.nextBoolean()) {
            line.append(run.repeat(Math.max(1, length / run.length())));
        } else {
            line.append(text.abstractText(length)); // sentences, one line
        }
        List<String[]> papers = text.papers(1 + random.nextInt(5));
        int at = random.nextInt(papers.size() + 1);
        boolean asTitle = random.nextBoolean();
        if (at < papers.size()) {
            papers.get(at)[asTitle ? 0 : 1] = line.toString();
        } else {
            papers.add(new String[] {text.title(), line.toString()});
        }
        boolean html = random.nextInt(3) == 0;
        return page(Category.HUGE_LINE, (asTitle ? "title" : "abstract") + " of " + length + " chars of '" + run + "'", html,
                html ? text.html(papers) : text.text(papers));
    }

    private static final String[][] NESTS = {{"<div>", "</div>"}, {"<span>", "</span>"}, {"<b>", "</b>"}, {"<section>", "</section>"},
            {"<article>", "</article>"}, {"<table><tr><td>", "</td></tr></table>"}, {"<blockquote>", "</blockquote>"},
            {"<a href=\"https://arxiv.org/abs/2403.01234\">", "</a>"}, {"<div class=\"paper card\">", "</div>"}, {"<main>", "</main>"}};

    private BadPage deepHtml() {
        int depth = size(scale.depth());
        String[] nest = NESTS[random.nextInt(NESTS.length)];
        boolean closed = random.nextBoolean();
        boolean textAtEachLevel = random.nextBoolean();
        StringBuilder html = new StringBuilder("<html><body><p>Mar 11</p>");
        String level = textAtEachLevel ? nest[0] + text.word() + " " : nest[0];
        html.append(level.repeat(depth));
        html.append(text.htmlCards(text.papers(1 + random.nextInt(3))));
        if (closed) {
            html.append(nest[1].repeat(depth));
        }
        html.append(text.htmlCards(text.papers(1 + random.nextInt(3)))).append("</body></html>");
        return page(Category.DEEP_HTML_NESTING, depth + " x " + nest[0] + (closed ? " closed" : " unclosed")
                + (textAtEachLevel ? ", text at each level" : ""), true, html.toString());
    }

    private BadPage deepList() {
        int depth = size(scale.depth());
        if (random.nextBoolean()) { // HTML lists, a paper in every item
            String open = random.nextBoolean() ? "<ul>" : "<ol>";
            StringBuilder html = new StringBuilder("<html><body><main><p>Mar 11</p>");
            for (int i = 0; i < depth; i++) {
                html.append(open).append("<li>");
                if (i % 97 == 0) {
                    String[] paper = text.papers(1).get(0);
                    html.append("<a href=\"/papers/").append(i).append("\">").append(paper[0]).append("</a><p>").append(paper[1]).append("</p>");
                } else {
                    html.append(text.word());
                }
            }
            if (random.nextBoolean()) {
                html.append("</li></ul>".repeat(depth));
            }
            return page(Category.DEEP_LIST_NESTING, depth + " nested " + open + " lists", true, html.append("</main></body></html>").toString());
        }
        // text lists indented one more each line: the indentation grows, so the depth is bounded by the page size
        int lines = (int) Math.min(depth, Math.sqrt(2.0 * scale.hugeLine()));
        StringBuilder page = new StringBuilder("Mar 11\n\n");
        String bullet = new String[] {"- ", "* ", "1. ", "• "}[random.nextInt(4)];
        for (int i = 0; i < lines; i++) {
            page.append(" ".repeat(i)).append(bullet).append(i % 50 == 0 ? text.title() : text.word()).append('\n');
            if (i % 50 == 49) {
                page.append('\n').append(text.abstractText(200)).append("\n\n");
            }
        }
        return page(Category.DEEP_LIST_NESTING, lines + " nested text list lines", false, page.toString());
    }

    private BadPage longAbstract() {
        int length = size(scale.longAbstract());
        List<String[]> papers = text.papers(1 + random.nextInt(4));
        int at = random.nextInt(papers.size());
        String layout = new String[] {"one line", "wrapped", "paragraphs"}[random.nextInt(3)];
        String body = text.abstractText(length);
        papers.get(at)[1] = switch (layout) {
            case "wrapped" -> body.replaceAll("(.{60,80}?) ", "$1\n");
            case "paragraphs" -> body.replace(". ", random.nextBoolean() ? ".\n\n" : ". \n\n");
            default -> body;
        };
        boolean html = random.nextInt(3) == 0;
        return page(Category.LONG_ABSTRACT, "abstract of " + length + " chars, " + layout, html, html ? text.html(papers) : text.text(papers));
    }

    private BadPage bidi() {
        List<String[]> papers = text.papers(2 + random.nextInt(8));
        String shape = new String[] {"inserted", "whole title", "wrapped", "entities"}[random.nextInt(4)];
        for (String[] paper : papers) {
            if (random.nextInt(3) == 0) {
                continue;
            }
            String control = BIDI_CONTROLS[random.nextInt(BIDI_CONTROLS.length)];
            paper[0] = switch (shape) {
                case "whole title" -> control.repeat(1 + random.nextInt(5));
                case "wrapped" -> "\u202E" + paper[0] + "\u202C " + control;
                case "entities" -> paper[0] + "&#x" + Integer.toHexString(control.charAt(0)) + ";" + text.word();
                default -> text.insertAt(paper[0], control);
            };
            if (random.nextBoolean()) {
                paper[1] = text.insertAt(paper[1], control);
            }
        }
        boolean html = shape.equals("entities") || random.nextInt(3) == 0;
        return page(Category.BIDI_OVERRIDE, "bidi controls " + shape, html, html ? text.html(papers) : text.text(papers));
    }

    private BadPage manyPapers() {
        int count = size(scale.papers());
        boolean html = random.nextInt(4) == 0;
        if (html) {
            count = Math.max(2, count / 4); // a card is about four times a text paper
        }
        String shape = new String[] {"short", "author lines", "duplicates", "titles only"}[random.nextInt(4)];
        StringBuilder page = new StringBuilder(html ? "<html><body><main><h1>Mar 11</h1>" : "Mar 11\n\n");
        String author = text.word() + " " + text.word();
        for (int i = 0; i < count; i++) {
            String title = shape.equals("duplicates") && i % 3 != 0 ? "Paper " + (i % 7) : text.word() + " Paper " + i;
            String abstractText = shape.equals("titles only") && i % 2 == 1 ? null : "It shows result " + i + ".";
            if (html) {
                page.append("<article><h3>").append(title).append("</h3>");
                if (abstractText != null) {
                    page.append("<p>").append(abstractText).append("</p>");
                }
                page.append("</article>");
            } else {
                page.append(title).append("\n\n");
                if (shape.equals("author lines")) {
                    page.append(author).append(", ").append(text.word()).append("\n\n");
                }
                if (abstractText != null) {
                    page.append(abstractText).append("\n\n");
                }
            }
        }
        return page(Category.MANY_PAPERS, count + " papers, " + shape, html, page.append(html ? "</main></body></html>" : "").toString());
    }

    private static final String[] ENTITIES = {"&amp;", "&lt;", "&#0;", "&#x0;", "&#x202E;", "&#1114112;", "&#99999999999999;", "&#xD800;",
            "&nbsp;", "&NotNestedGreaterGreater;", "&ampamp;", "&", "&#", "&#x;", "&lol9;", "&#12345"};

    private BadPage entityBomb() {
        int count = size(scale.hugeLine()) / 8;
        String shape = new String[] {"entity run in an abstract", "entity run in a title", "doctype entity expansion", "unterminated names"}[random.nextInt(4)];
        List<String[]> papers = text.papers(2 + random.nextInt(4));
        String entity = ENTITIES[random.nextInt(ENTITIES.length)];
        StringBuilder html = new StringBuilder();
        switch (shape) {
            case "entity run in an abstract" -> papers.get(0)[1] = papers.get(0)[1] + " " + entity.repeat(count);
            case "entity run in a title" -> papers.get(0)[0] = papers.get(0)[0] + " " + entity.repeat(Math.min(count, 20_000));
            case "doctype entity expansion" -> {
                html.append("<?xml version=\"1.0\"?><!DOCTYPE lolz [<!ENTITY lol \"lol\">");
                for (int i = 1; i <= 9; i++) {
                    html.append("<!ENTITY lol").append(i).append(" \"").append(("&lol" + (i - 1) + ";").repeat(10)).append("\">");
                }
                html.append("]>");
                papers.get(0)[1] = papers.get(0)[1] + " &lol9; &lol9;";
            }
            default -> papers.get(0)[1] = papers.get(0)[1] + " " + ("&" + text.word()).repeat(Math.max(1, count / 8));
        }
        return page(Category.ENTITY_BOMB, shape + " of " + entity, true, html.append(text.html(papers)).toString());
    }

    private static final String[] UNCLOSED = {"<b>", "<a href=\"#\">", "<font color=red>", "<i>", "<p>", "<div>", "<table>", "<select>",
            "<li>", "<h3>", "<em><strong>", "<nobr>", "<button>", "<template>", "<svg>", "<math>", "<tr>", "<form>", "<frameset>"};

    private BadPage unclosedTags() {
        int count = size(scale.depth());
        String tag = UNCLOSED[random.nextInt(UNCLOSED.length)];
        boolean withText = random.nextBoolean();
        List<String[]> papers = text.papers(2 + random.nextInt(4));
        StringBuilder html = new StringBuilder("<html><body><main><h1>Mar 11</h1>").append(text.htmlCards(papers.subList(0, 1)));
        for (int i = 0; i < count; i++) {
            html.append(tag);
            if (withText) {
                html.append(text.word()).append(' ');
            }
        }
        html.append(text.htmlCards(papers.subList(1, papers.size())));
        return page(Category.UNCLOSED_TAGS, count + " x " + tag + (withText ? " with text" : ""), true, html.toString());
    }

    private BadPage hugeAttribute() {
        int length = size(scale.hugeLine());
        String shape = new String[] {"class of many tokens on a wrapper", "long href", "many attributes", "unterminated quote", "long style"}[random.nextInt(5)];
        List<String[]> papers = text.papers(3 + random.nextInt(20));
        String cards = text.htmlCards(papers);
        String html = switch (shape) {
            case "class of many tokens on a wrapper" -> "<div class=\"" + "paper-abstract title_x ".repeat(length / 22) + "\">" + cards + "</div>";
            case "long href" -> cards.replaceFirst("href=\"", "href=\"https://arxiv.org/abs/2403.01234" + "a".repeat(length));
            case "many attributes" -> "<div " + "data-x=1 ".repeat(length / 9) + ">" + cards + "</div>";
            case "unterminated quote" -> "<div title=\"" + text.abstractText(length) + cards;
            default -> "<div style=\"" + "color:red;".repeat(length / 10) + "\">" + cards + "</div>";
        };
        return page(Category.HUGE_ATTRIBUTE, shape + " of " + length + " chars", true, "<html><body><main><h1>Mar 11</h1>" + html + "</main></body></html>");
    }

    private BadPage page(Category category, String shape, boolean html, String body) {
        return new BadPage(category, shape, body.getBytes(StandardCharsets.UTF_8), text.contentType(html), -1);
    }
}
