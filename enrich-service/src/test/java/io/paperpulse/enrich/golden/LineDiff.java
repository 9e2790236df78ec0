package io.paperpulse.enrich.golden;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * A readable diff of two golden outputs: for each paper ({@code ## } header) whose lines differ, the header and its
 * removed ({@code -}) and added ({@code +}) lines, in order (longest common subsequence of the paper's lines).
 */
final class LineDiff {
    private LineDiff() {
    }

    static String byPaper(String expected, String actual) {
        Map<String, List<String>> before = papers(expected);
        Map<String, List<String>> after = papers(actual);
        Set<String> headers = new LinkedHashSet<>(before.keySet());
        headers.addAll(after.keySet());
        StringBuilder out = new StringBuilder();
        int changed = 0;
        for (String header : headers) {
            List<String> a = before.getOrDefault(header, List.of());
            List<String> b = after.getOrDefault(header, List.of());
            if (a.equals(b)) {
                continue;
            }
            changed++;
            out.append(before.containsKey(header) ? after.containsKey(header) ? "  " : "- " : "+ ").append(header)
                    .append('\n');
            lines(a, b, out);
        }
        return changed + " paper(s) changed (- golden, + now)\n" + out;
    }

    private static Map<String, List<String>> papers(String text) {
        Map<String, List<String>> papers = new LinkedHashMap<>();
        List<String> current = null;
        for (String line : text.split("\n")) {
            if (line.startsWith("## ")) {
                current = papers.computeIfAbsent(line, k -> new ArrayList<>());
            } else if (current != null) {
                current.add(line);
            } else if (!line.isEmpty()) {
                papers.computeIfAbsent("## (before any paper)", k -> new ArrayList<>()).add(line);
            }
        }
        return papers;
    }

    /** Removed and added lines of one paper, from a longest-common-subsequence table. */
    private static void lines(List<String> a, List<String> b, StringBuilder out) {
        int[][] lcs = new int[a.size() + 1][b.size() + 1];
        for (int i = a.size() - 1; i >= 0; i--) {
            for (int j = b.size() - 1; j >= 0; j--) {
                lcs[i][j] = a.get(i).equals(b.get(j)) ? lcs[i + 1][j + 1] + 1 : Math.max(lcs[i + 1][j], lcs[i][j + 1]);
            }
        }
        int i = 0;
        int j = 0;
        while (i < a.size() || j < b.size()) {
            if (i < a.size() && j < b.size() && a.get(i).equals(b.get(j))) {
                i++;
                j++;
            } else if (j == b.size() || i < a.size() && lcs[i + 1][j] >= lcs[i][j + 1]) {
                out.append("    - ").append(a.get(i++)).append('\n');
            } else {
                out.append("    + ").append(b.get(j++)).append('\n');
            }
        }
    }
}
