package io.paperpulse.infra;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import com.icegreen.greenmail.util.GreenMailUtil;
import com.icegreen.greenmail.util.ServerSetup;

class LocalMailTest {

    @Test
    void everyMessageIsWrittenToTheFolderNumberedOnFromEarlierRuns(@TempDir Path folder) throws Exception {
        Files.writeString(folder.resolve("000001.eml"), "an earlier run's message");
        try (LocalMail mail = new LocalMail(0, folder).start()) {
            ServerSetup smtp = new ServerSetup(mail.port(), "127.0.0.1", ServerSetup.PROTOCOL_SMTP);
            GreenMailUtil.sendTextEmail("reader@example.org", "notify@paperpulse.local", "New papers", "A body.", smtp);
            Path saved = folder.resolve("000002.eml");
            long deadline = System.nanoTime() + 10_000_000_000L;
            while (!Files.exists(saved) && System.nanoTime() < deadline) {
                Thread.sleep(50);
            }
            String message = Files.readString(saved);
            assertTrue(message.contains("Subject: New papers") && message.contains("To: reader@example.org"), message);
        }
        assertEquals(List.of("000001.eml", "000002.eml"), names(folder));
    }

    private static List<String> names(Path folder) throws IOException {
        try (var files = Files.list(folder)) {
            return files.map(f -> f.getFileName().toString()).sorted().toList();
        }
    }
}
