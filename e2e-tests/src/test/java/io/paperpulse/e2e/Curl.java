package io.paperpulse.e2e;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/** What a user types: curl against a service, with a Bearer token; the status and body it printed. */
final class Curl {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String STATUS_MARK = "\n#status=";

    /** What {@code POST /subscriptions} answers 201, shown once. */
    record Created(String id, String token, String secret) {
    }

    private Curl() {
    }

    /** {@code POST /subscriptions} with the API key; fails unless the answer is 201. */
    static Created subscribe(String notify, String key, String body) {
        JsonNode created = expect(201, run(notify + "/subscriptions", key, "-H", "Content-Type: application/json", "-d", body));
        return new Created(created.get("id").asText(), created.get("token").asText(), created.get("secret").asText());
    }

    /** A GET that must answer 200. */
    static JsonNode get(String url, String token) {
        return expect(200, run(url, token));
    }

    private record Answer(int status, String body) {
    }

    private static JsonNode expect(int status, Answer answer) {
        if (answer.status() != status) {
            throw new IllegalStateException("expected " + status + ", got " + answer.status() + ": " + answer.body());
        }
        try {
            return JSON.readTree(answer.body());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static Answer run(String url, String token, String... more) {
        List<String> command = new ArrayList<>(List.of("curl", "-sS", "--max-time", "20", "-w", STATUS_MARK + "%{http_code}",
                "-H", "Authorization: Bearer " + token));
        command.addAll(List.of(more));
        command.add(url);
        try {
            Process curl = new ProcessBuilder(command).redirectErrorStream(true).start();
            String out = new String(curl.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            if (!curl.waitFor(30, TimeUnit.SECONDS) || curl.exitValue() != 0) {
                throw new IllegalStateException("curl " + url + " failed: " + out);
            }
            int mark = out.lastIndexOf(STATUS_MARK);
            return new Answer(Integer.parseInt(out.substring(mark + STATUS_MARK.length()).strip()), out.substring(0, mark));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
