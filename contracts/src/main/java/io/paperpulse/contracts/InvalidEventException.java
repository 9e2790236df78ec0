package io.paperpulse.contracts;

/** A record whose value is not a valid event: its message becomes the dead letter's reason. */
public class InvalidEventException extends RuntimeException {
    public InvalidEventException(String message) {
        super(message);
    }

    public InvalidEventException(String message, Throwable cause) {
        super(message, cause);
    }
}
