package dev.turntable.harness.cucumber;

import dev.turntable.harness.replay.ConversationScript;
import dev.turntable.harness.replay.ConversationScript.UserLine;
import io.cucumber.datatable.DataTable;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * A conversation written as a Gherkin table, one line per row:
 *
 * <pre>
 * | at    | who   | says                                     | for    | label  |
 * | 0.5 s | user  | What's the weather tomorrow?             |        |        |
 * |       | agent | Sunny and warm, with a light breeze.     |        |        |
 * | 3.2 s | user  | Uh-huh.                                  | 400 ms | ignore |
 * </pre>
 *
 * {@code at} is when the user starts speaking, from the start of the session; {@code for} (optional)
 * how long, otherwise the estimate for the text; {@code label} (optional) what the agent should do
 * with the line: interrupt, ignore or ordinary. Agent rows are the LLM's replies, in order; they
 * need no time, the agent answers when its turn comes.
 */
final class ConversationTable {
  private static final Set<String> COLUMNS = Set.of("at", "who", "says", "for", "label");

  private ConversationTable() {}

  static ConversationScript parse(DataTable table, String description) {
    List<Map<String, String>> rows = rows(table);
    for (String column : table.cells().get(0)) {
      if (!COLUMNS.contains(column)) {
        throw new IllegalArgumentException(
            "the conversation table has an unknown column \"" + column + "\"; columns: at, who, says, for (optional), label (optional)");
      }
    }
    List<UserLine> user = new ArrayList<>();
    List<String> agent = new ArrayList<>();
    for (int i = 0; i < rows.size(); i++) {
      Map<String, String> row = rows.get(i);
      String who = value(row, "who").toLowerCase(Locale.ROOT);
      String says = value(row, "says");
      String where = "conversation row " + (i + 1) + " (" + who + " \"" + says + "\")";
      if (says.isEmpty()) {
        throw new IllegalArgumentException(where + ": \"says\" is empty");
      }
      if (who.equals("user")) {
        if (value(row, "at").isEmpty()) {
          throw new IllegalArgumentException(where + ": a user row needs \"at\", e.g. 1.5 s");
        }
        long at = millis(value(row, "at"), where);
        String span = value(row, "for");
        String label = value(row, "label");
        try {
          user.add(new UserLine(says, at, span.isEmpty() ? null : millis(span, where), label.isEmpty() ? null : label));
        } catch (IllegalArgumentException e) {
          throw new IllegalArgumentException(where + ": " + e.getMessage(), e);
        }
      } else if (who.equals("agent")) {
        if (!value(row, "label").isEmpty()) {
          throw new IllegalArgumentException(where + ": only user rows take a label");
        }
        agent.add(says);
      } else {
        throw new IllegalArgumentException(where + ": \"who\" must be user or agent");
      }
    }
    return new ConversationScript(description, List.of(), user, agent, 0, null);
  }

  /** Each row by column name; plain cells, so no Cucumber type registry is needed. */
  private static List<Map<String, String>> rows(DataTable table) {
    List<List<String>> cells = table.cells();
    if (cells.size() < 2) {
      throw new IllegalArgumentException("the conversation table has no rows; columns: | at | who | says | for |");
    }
    List<String> header = cells.get(0);
    List<Map<String, String>> rows = new ArrayList<>();
    for (List<String> line : cells.subList(1, cells.size())) {
      Map<String, String> row = new java.util.LinkedHashMap<>();
      for (int i = 0; i < header.size(); i++) {
        row.put(header.get(i), i < line.size() ? line.get(i) : null);
      }
      rows.add(row);
    }
    return rows;
  }

  private static String value(Map<String, String> row, String column) {
    String value = row.get(column);
    return value == null ? "" : value.strip();
  }

  private static long millis(String text, String where) {
    try {
      return Math.round(Durations.parse(text).toNanos() / 1e6);
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException(where + ": " + e.getMessage(), e);
    }
  }
}
