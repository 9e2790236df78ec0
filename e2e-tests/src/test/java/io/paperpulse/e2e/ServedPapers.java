package io.paperpulse.e2e;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/** Every paper the gateway lists, by title, with its digest dates; and how many titles it listed more than once. */
record ServedPapers(Map<String, List<String>> datesByTitle, int repeatedTitles) {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final int PAGE = 100;

    static ServedPapers read(String gateway) {
        Map<String, List<String>> dates = new HashMap<>();
        int repeated = 0;
        for (int p = 0; ; p++) {
            JsonNode page = json(PipelineProcesses.get(gateway + "/papers?sort=title&size=" + PAGE + "&page=" + p));
            for (JsonNode item : page.get("items")) {
                List<String> itemDates = new ArrayList<>();
                item.get("digestDates").forEach(d -> itemDates.add(d.asText()));
                if (dates.put(item.get("title").asText(), itemDates) != null) {
                    repeated++;
                }
            }
            if (page.get("items").size() < PAGE) {
                return new ServedPapers(dates, repeated);
            }
        }
    }

    static long total(String gateway) {
        return json(PipelineProcesses.get(gateway + "/papers?size=1")).get("total").asLong();
    }

    /** The expected titles served with exactly their expected dates. */
    long found(Map<String, List<String>> expected) {
        return expected.entrySet().stream().filter(e -> e.getValue().equals(datesByTitle.get(e.getKey()))).count();
    }

    /** Titles served that nobody pushed. */
    long unexpected(Map<String, List<String>> expected) {
        return datesByTitle.keySet().stream().filter(t -> !expected.containsKey(t)).count();
    }

    private static JsonNode json(String body) {
        try {
            return JSON.readTree(body);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
