package io.paperpulse.query.store;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

import jakarta.enterprise.context.ApplicationScoped;

import org.bson.BsonDocument;

import com.mongodb.event.CommandListener;
import com.mongodb.event.CommandStartedEvent;

/** Every command the gateway sends to the store, as the driver starts it: what a test may count. */
@ApplicationScoped
public class RecordedCommands implements CommandListener {
    private final List<BsonDocument> commands = new CopyOnWriteArrayList<>();

    @Override
    public void commandStarted(CommandStartedEvent event) {
        commands.add(event.getCommand().clone());
    }

    public void clear() {
        commands.clear();
    }

    /** The commands on {@code papers} since the last {@link #clear()}. */
    public List<BsonDocument> onPapers() {
        return commands.stream().filter(c -> "papers".equals(collection(c))).toList();
    }

    private static String collection(BsonDocument command) {
        String name = command.getFirstKey();
        return command.get(name).isString() ? command.getString(name).getValue() : null;
    }
}
