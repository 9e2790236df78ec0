package io.paperpulse.infra.supervision;

import java.util.List;
import java.util.Optional;

/**
 * A process the supervisor keeps running: its name (its log is NAME.log, its pid file NAME.pid), its command, and
 * the line its output prints once it serves, if the components after it must wait for that at startup.
 */
public record Component(String name, List<String> command, Optional<String> readyLine) {
}
