package io.paperpulse.deploy;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;

import io.fabric8.kubernetes.api.model.Secret;
import io.strimzi.api.kafka.model.user.KafkaUser;

/** The operations manual lives in deploy/README.md and names what the manifests use; the root README only points to it. */
class DocsTest {

    static final int ROOT_SECTION_MAX_LINES = 20;
    private static final Pattern ACL_NAME = Pattern.compile("on (?:topic|group):\\w+:(.+)$");

    static String read(Path file) throws IOException {
        return Files.readString(Kustomize.requireFile(file));
    }

    @Test
    void theRootReadmeKeepsAShortKubernetesSectionThatLinksTheManual() throws IOException {
        List<String> lines = Files.readAllLines(Kustomize.requireFile(Kustomize.PROJECT.resolve("README.md")));
        int start = lines.indexOf("## Deploying on Kubernetes");
        assertTrue(start >= 0, "README.md: no section '## Deploying on Kubernetes'");
        int end = start + 1;
        while (end < lines.size() && !lines.get(end).startsWith("## ")) {
            end++;
        }
        List<String> section = lines.subList(start, end);
        assertTrue(section.size() <= ROOT_SECTION_MAX_LINES, "README.md: the Kubernetes section has " + section.size()
                + " lines; the manual belongs in deploy/README.md");
        assertTrue(String.join("\n", section).contains("(deploy/README.md)"), "README.md: the Kubernetes section links deploy/README.md");
    }

    /** Every Secret a render may reference, and which tool makes it, is in the manual's Secrets table. */
    @Test
    void theManualNamesEverySecret() throws IOException {
        String manual = read(Kustomize.MODULE.resolve("README.md"));
        Set<String> missing = new TreeSet<>();
        for (String overlay : Kustomize.OVERLAYS) {
            for (Secret secret : Kustomize.secrets(Kustomize.overlay(overlay)).all(Secret.class)) {
                if (!manual.contains("`" + secret.getMetadata().getName() + "`")) {
                    missing.add(secret.getMetadata().getName());
                }
            }
        }
        assertEquals(Set.of(), missing, "deploy/README.md does not name these Secrets");
    }

    /** The manual's ACL table has a row per KafkaUser that names every topic and group its ACLs allow. */
    @Test
    void theManualsAclTableAgreesWithTheKafkaUsers() throws IOException {
        List<String> rows = Files.readAllLines(Kustomize.MODULE.resolve("README.md"));
        List<String> problems = new ArrayList<>();
        for (KafkaUser user : Kustomize.overlay("local").all(KafkaUser.class)) {
            String name = user.getMetadata().getName();
            String row = rows.stream().filter(r -> r.startsWith("| `" + name + "` |")).findFirst().orElse(null);
            if (row == null) {
                problems.add(name + ": no row in the ACL table");
                continue;
            }
            for (String entry : KafkaAclTest.entries(user)) {
                Matcher m = ACL_NAME.matcher(entry);
                if (m.find() && !row.contains("`" + m.group(1))) {
                    problems.add(name + ": the row does not name " + m.group(1));
                }
            }
        }
        assertEquals(List.of(), problems, "deploy/README.md, Kafka");
    }
}
