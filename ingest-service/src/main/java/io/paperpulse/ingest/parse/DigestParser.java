package io.paperpulse.ingest.parse;

import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CoderResult;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;

import jakarta.enterprise.context.ApplicationScoped;

import io.paperpulse.ingest.parse.RejectedPageException.Kind;

/**
 * Reads a raw digest page into papers: strict UTF-8 (a BOM is dropped, and the control characters no paper keeps,
 * {@link ControlCharacters}), text or HTML. Thread-safe.
 */
@ApplicationScoped
public class DigestParser {
    private final TextDigestParser text = new TextDigestParser();
    private final HtmlDigestParser html = new HtmlDigestParser();

    public ParsedPage parse(PageInput input) {
        String decoded = decode(input.body());
        if (decoded.isBlank()) {
            throw new RejectedPageException(Kind.NO_PAPERS, "the page is empty");
        }
        PageFormat format = PageFormat.detect(input.contentType(), decoded);
        ParsedPage page = (format == PageFormat.HTML ? html.parse(decoded, input) : text.parse(decoded, input)).build();
        if (page.papers().stream().allMatch(p -> p.abstractText() == null)) { // a list of bare lines is no digest
            throw new RejectedPageException(Kind.NO_PAPERS, format == PageFormat.HTML
                    ? "no paper found in the HTML page: expected titles (headings or links) each followed by an abstract"
                    : "no paper found in the text page: expected a date line, then each title on its own line followed by "
                            + "its abstract paragraph, separated by blank lines");
        }
        return page;
    }

    static String decode(byte[] body) {
        ByteBuffer in = ByteBuffer.wrap(body);
        CharBuffer out = CharBuffer.allocate(body.length);
        CharsetDecoder decoder = StandardCharsets.UTF_8.newDecoder()
                .onMalformedInput(CodingErrorAction.REPORT)
                .onUnmappableCharacter(CodingErrorAction.REPORT);
        CoderResult result = decoder.decode(in, out, true);
        if (!result.isError()) {
            result = decoder.flush(out);
        }
        if (result.isError()) {
            throw new RejectedPageException(Kind.MALFORMED, "the page is not valid UTF-8: malformed byte sequence at byte " + in.position());
        }
        String text = out.flip().toString();
        return ControlCharacters.clean(text.startsWith("\uFEFF") ? text.substring(1) : text);
    }
}
