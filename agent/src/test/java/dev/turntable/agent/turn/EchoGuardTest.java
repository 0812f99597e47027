package dev.turntable.agent.turn;

import static org.assertj.core.api.Assertions.assertThat;

import dev.turntable.agent.turn.EchoGuard.HeardWord;
import dev.turntable.agent.turn.EchoGuard.PlayedWord;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class EchoGuardTest {
  /** "Hello there, I am the agent." played at 0, 300, 600 … ms. */
  private static final List<PlayedWord> PLAYED = played("Hello there, I am the agent.", 0, 300);

  private static List<PlayedWord> played(String text, long startMs, long stepMs) {
    List<PlayedWord> out = new ArrayList<>();
    long at = startMs;
    for (String word : text.split(" ")) {
      out.add(new PlayedWord(word, at));
      at += stepMs;
    }
    return out;
  }

  private static List<HeardWord> heard(String spec) {
    List<HeardWord> out = new ArrayList<>();
    for (String part : spec.split(" ")) {
      String[] wordAt = part.split("@");
      out.add(new HeardWord(wordAt[0], Long.parseLong(wordAt[1])));
    }
    return out;
  }

  @ParameterizedTest(name = "{0} -> \"{1}\"")
  @CsvSource(
      delimiter = '|',
      value = {
        // Echo: the same words, a little later than they were played.
        "Hello@60 there,@360               | ''",
        "hello.@120 THERE@420 i@700 am@980 | ''",
        "the@1290 agent@1610               | ''",
        // The echo's window: up to 900 ms late, 500 ms early.
        "Hello@900                         | ''",
        "agent@1000                        | ''",
        "Hello@950                         | Hello",
        // What the user says that the agent did not is kept, in order.
        "Wait@500 stop@800                 | Wait stop",
        "the@1260 agent@1560 wait@1800     | wait",
        "Hello@60 there@360 can@700 you@900 repeat@1100 | can you repeat",
        // Up to two mis-heard words between echoed words are echo; the user's words are not inside.
        "Hello@60 bear@360 I@700           | ''",
        "Hello@60 bear@360 band@500 I@700  | ''",
        "Hello@60 wait@200 no@300 stop@400 I@700 | wait no stop",
        "Hello@60 there@360 bear@700       | bear",
        // One played word explains one heard word.
        "there@360 there@420               | there",
        // The user repeating the agent's words long after is not echo.
        "I@2600 am@2900                    | I am",
      })
  void keepsWhatTheAgentDidNotPlayAtThatMoment(String heard, String expected) {
    assertThat(EchoGuard.on().notEcho(heard(heard), PLAYED)).isEqualTo(expected);
  }

  @ParameterizedTest(name = "guard off: {0} -> \"{1}\"")
  @CsvSource(delimiter = '|', value = {"Hello@60 there,@360 | Hello there,"})
  void withTheGuardOffEveryWordIsTheUsers(String heard, String expected) {
    assertThat(EchoGuard.off().notEcho(heard(heard), PLAYED)).isEqualTo(expected);
  }
}
