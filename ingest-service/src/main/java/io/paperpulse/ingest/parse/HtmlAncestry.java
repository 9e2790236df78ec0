package io.paperpulse.ingest.parse;

import java.util.List;
import java.util.Set;

import org.jsoup.nodes.Element;

/**
 * What an element and its ancestors say about the text inside it. Worked out once per element on the way down, from its
 * parent's, so that no block walks up its ancestors: a page nested 100,000 elements deep reads as fast as a flat one
 * (walking up took time quadratic in the depth).
 */
final class HtmlAncestry {
    static final Set<String> BLOCK_TAGS = Set.of("address", "article", "aside", "blockquote", "dd", "details",
            "dialog", "div", "dl", "dt", "fieldset", "figcaption", "figure", "footer", "form", "h1", "h2", "h3", "h4", "h5",
            "h6", "header", "hgroup", "hr", "li", "main", "nav", "ol", "p", "pre", "section", "summary", "table", "tbody",
            "td", "tfoot", "th", "thead", "tr", "ul", "body");
    private static final Set<String> ABSTRACT_WORDS = Set.of("abstract", "summary", "description", "excerpt", "snippet", "tldr");
    private static final Set<String> FRAME_ROLES = Set.of("navigation", "banner", "contentinfo", "complementary", "search");
    private static final Set<String> CARDS = Set.of("article", "li", "tr");
    private static final Set<String> CARD_WORDS = Set.of("paper", "card", "item", "entry", "result", "post");

    final Element element;
    final boolean block;
    /** Its class, id and itemprop tokens ({@link HtmlBlock#markTokens}). */
    final List<String> marks;
    /** The outermost inline element between this one and its nearest block: itself when its parent is one; none for a block. */
    final HtmlAncestry outerInline;
    /** In navigation, a sidebar or an element with a frame role. */
    private final boolean frame;
    /** In a header or footer with no article between it and this element: an article's own header and footer are content. */
    private final boolean openHeader;
    private final boolean inMain;
    /** It or an ancestor below the body, up to the nearest article or list item, is marked as an abstract. */
    final boolean markedAbstract;
    /** The nearest card (article, list item, row, a div marked as a paper card) at or above it, below the body. */
    final HtmlBlock.CardSpan card;
    final boolean ownCard;

    private HtmlAncestry(HtmlAncestry parent, Element e) {
        String name = e.normalName();
        boolean body = name.equals("body");
        element = e;
        block = BLOCK_TAGS.contains(name);
        marks = HtmlBlock.markTokens(e);
        outerInline = block ? null : parent.block ? this : parent.outerInline;
        frame = parent.frame || FRAME_ROLES.contains(e.attr("role")) || name.equals("nav") || name.equals("aside");
        openHeader = !name.equals("article") && (name.equals("header") || name.equals("footer") || parent.openHeader);
        inMain = parent.inMain || name.equals("main");
        markedAbstract = !body && (HtmlBlock.marked(marks, ABSTRACT_WORDS)
                || !name.equals("article") && !name.equals("li") && parent.markedAbstract);
        ownCard = !body && (CARDS.contains(name) || name.equals("div") && marks.stream().anyMatch(CARD_WORDS::contains));
        card = ownCard ? new HtmlBlock.CardSpan() : body ? null : parent.card;
    }

    /** What stands above the body: only a frame role there matters. */
    private HtmlAncestry(Element body) {
        element = null;
        block = true;
        marks = List.of();
        outerInline = null;
        frame = body.parents().stream().anyMatch(e -> FRAME_ROLES.contains(e.attr("role")));
        openHeader = false;
        inMain = false;
        markedAbstract = false;
        card = null;
        ownCard = false;
    }

    static HtmlAncestry aboveBody(Element body) {
        return new HtmlAncestry(body);
    }

    HtmlAncestry child(Element e) {
        return new HtmlAncestry(this, e);
    }

    /** In the page's frame: navigation, banner, footer, sidebar, or outside its {@code main} element when it has one. */
    boolean inFrame(boolean pageHasMain) {
        return frame || openHeader || pageHasMain && !inMain;
    }
}
