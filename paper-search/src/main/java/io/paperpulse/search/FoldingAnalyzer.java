package io.paperpulse.search;

import java.io.IOException;
import java.io.Reader;
import java.util.Iterator;

import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.Tokenizer;
import org.apache.lucene.analysis.tokenattributes.CharTermAttribute;
import org.apache.lucene.analysis.tokenattributes.OffsetAttribute;
import org.apache.lucene.analysis.tokenattributes.PositionIncrementAttribute;


/**
 * Analyses text exactly as {@link SearchText#tokens} folds it: one position per run of letters or digits, and a word's
 * runs joined at the position of its last run, so the phrase "pre-trained model" is found by "pretrained model".
 */
public final class FoldingAnalyzer extends Analyzer {
    private final boolean wholeWordOffsets;

    /** For indexing: the joined term takes its last run's offsets, as offsets may not go backwards in an index. */
    public static FoldingAnalyzer forIndexing() {
        return new FoldingAnalyzer(false);
    }

    /** For highlighting: the joined term spans its whole word, so "pretrained" marks all of "pre-trained". */
    public static FoldingAnalyzer forHighlighting() {
        return new FoldingAnalyzer(true);
    }

    private FoldingAnalyzer(boolean wholeWordOffsets) {
        this.wholeWordOffsets = wholeWordOffsets;
    }

    @Override
    protected TokenStreamComponents createComponents(String fieldName) {
        return new TokenStreamComponents(new FoldingTokenizer(wholeWordOffsets));
    }

    private static final class FoldingTokenizer extends Tokenizer {
        private final boolean wholeWordOffsets;
        private final CharTermAttribute term = addAttribute(CharTermAttribute.class);
        private final OffsetAttribute offset = addAttribute(OffsetAttribute.class);
        private final PositionIncrementAttribute increment = addAttribute(PositionIncrementAttribute.class);
        private Iterator<SearchText.Token> tokens;
        private int length;
        private int lastRunStart;

        FoldingTokenizer(boolean wholeWordOffsets) {
            this.wholeWordOffsets = wholeWordOffsets;
        }

        @Override
        public void reset() throws IOException {
            super.reset();
            String text = readAll(input);
            length = text.length();
            lastRunStart = 0;
            tokens = SearchText.tokens(text).iterator();
        }

        @Override
        public boolean incrementToken() {
            if (!tokens.hasNext()) {
                return false;
            }
            clearAttributes();
            SearchText.Token t = tokens.next();
            term.setEmpty().append(t.term());
            int start = t.joined() && !wholeWordOffsets ? lastRunStart : t.start();
            if (!t.joined()) {
                lastRunStart = t.start();
            }
            offset.setOffset(correctOffset(start), correctOffset(t.end()));
            increment.setPositionIncrement(t.joined() ? 0 : 1);
            return true;
        }

        @Override
        public void end() throws IOException {
            super.end();
            int last = correctOffset(length);
            offset.setOffset(last, last);
        }

        private static String readAll(Reader reader) throws IOException {
            StringBuilder text = new StringBuilder();
            char[] buffer = new char[4096];
            for (int n = reader.read(buffer); n >= 0; n = reader.read(buffer)) {
                text.append(buffer, 0, n);
            }
            return text.toString();
        }
    }
}
