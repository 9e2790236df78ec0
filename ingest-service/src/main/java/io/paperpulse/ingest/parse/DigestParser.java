package io.paperpulse.ingest.parse;

import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.text.Normalizer;

import jakarta.enterprise.context.ApplicationScoped;

/** Reads a raw digest page into papers. Thread-safe. */
@ApplicationScoped
public class DigestParser {
    private final TextDigestParser text = new TextDigestParser();

    public ParsedPage parse(PageInput input) {
        String decoded = Normalizer.normalize(decode(input.body()), Normalizer.Form.NFC);
        ParsedPage page = text.parse(decoded, input).build();
        if (page.papers().isEmpty()) {
            throw new UnparseablePageException("no paper found: expected a title line followed by an abstract paragraph");
        }
        return page;
    }

    static String decode(byte[] body) {
        try {
            String text = StandardCharsets.UTF_8.newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(body))
                    .toString();
            return text.startsWith("\uFEFF") ? text.substring(1) : text;
        } catch (CharacterCodingException e) {
            throw new UnparseablePageException("the page is not valid UTF-8");
        }
    }
}
